/// The run's events in time order, in two ``EventHeap``s numbered from one counter: the events
/// due soon (tasks finishing, sessions, occurrences opening), and the far ones (each case's end of
/// a recurring step's last window, pushed when it enters the step and due months later, one per
/// case in the step: thousands). In one heap every task's push and pop sifted through the far events
/// too; apart, the heap every task goes through stays small. Taken from the heap whose first comes
/// first by key and then by number, they come out in the order one heap of them all would give.
struct EventQueue<Item> {
    private var soon = EventHeap<Item>()
    private var far = EventHeap<Item>()
    /// The number of the last item pushed (the order of items due at the same time).
    private var ticket = 0

    var isEmpty: Bool { soon.isEmpty && far.isEmpty }
    var count: Int { soon.count + far.count }

    /// When the next item is due, if any.
    var minKey: Double? {
        switch (soon.minKey, far.minKey) {
        case let (a?, b?): min(a, b)
        case let (a, b): a ?? b
        }
    }

    /// Pushes `item` due at `key`, after every item already pushed at the same key; `far` when it is
    /// due long after most (kept apart from the others, see the type's note).
    mutating func push(_ item: Item, key: Double, far isFar: Bool = false) {
        ticket += 1
        if isFar {
            far.push(item, key: key, order: ticket)
        } else {
            soon.push(item, key: key, order: ticket)
        }
    }

    /// The item due first (the one pushed first among equal keys), removed.
    mutating func pop() -> (key: Double, item: Item)? {
        guard let b = far.first else { return soon.pop() }
        guard let a = soon.first, (a.key, a.order) < (b.key, b.order) else { return far.pop() }
        return soon.pop()
    }
}
