/// A binary min-heap of items ordered by a key and then by insertion (so equal keys come out in the
/// order they went in, and a run is the same every time).
///
/// The heap itself moves only plain entries (key, order, slot); the items wait in a pool of slots
/// and are moved out once, when popped. Sifting whole items (an event carrying a task)
/// copied and destroyed them on every swap, about a tenth of a simulated year's time.
struct EventHeap<Item> {
    /// One item's place in the order: plain data, so swaps are copies of 24 bytes.
    private struct Entry {
        var key: Double
        var order: Int
        var slot: Int
    }

    private var entries: [Entry] = []
    /// The items, by slot; nil in a free slot.
    private var slots: [Item?] = []
    /// Slots whose items were popped, reused before the pool grows.
    private var freeSlots: [Int] = []
    private var counter = 0

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    var minKey: Double? { entries.first?.key }
    /// The key and order of the item ``pop()`` gives next.
    var first: (key: Double, order: Int)? { entries.first.map { ($0.key, $0.order) } }

    mutating func push(_ item: Item, key: Double) {
        counter += 1
        push(item, key: key, order: counter)
    }

    /// Pushes `item` with its place among equal keys given by the caller: heaps whose items are
    /// numbered from one counter come out, taken by ``first``, in the order one heap would give.
    mutating func push(_ item: Item, key: Double, order: Int) {
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            slots[slot] = item
        } else {
            slot = slots.count
            slots.append(item)
        }
        let moving = Entry(key: key, order: order, slot: slot)
        entries.append(moving)
        // Sifted through the buffer directly: through the array, each move checked its uniqueness and bounds.
        entries.withUnsafeMutableBufferPointer { heap in
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard EventHeap.less(moving, heap[parent]) else { break }
                heap[i] = heap[parent]
                i = parent
            }
            heap[i] = moving
        }
    }

    mutating func pop() -> (key: Double, item: Item)? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            // Sift the last entry down from the root.
            entries.withUnsafeMutableBufferPointer { heap in
                var i = 0
                let n = heap.count
                while true {
                    let l = 2 * i + 1
                    guard l < n else { break }
                    var m = l
                    if l + 1 < n, EventHeap.less(heap[l + 1], heap[l]) { m = l + 1 }
                    guard EventHeap.less(heap[m], last) else { break }
                    heap[i] = heap[m]
                    i = m
                }
                heap[i] = last
            }
        }
        let item = slots[top.slot].take()!
        freeSlots.append(top.slot)
        return (top.key, item)
    }

    private static func less(_ a: Entry, _ b: Entry) -> Bool {
        a.key < b.key || (a.key == b.key && a.order < b.order)
    }
}
