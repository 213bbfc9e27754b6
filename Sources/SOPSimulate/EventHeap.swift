/// A binary min-heap of items ordered by a key and then by insertion (so equal keys come out in the
/// order they went in, and a run is the same every time).
struct EventHeap<Item> {
    /// One item with its place in the order (a struct, not a tuple: a tuple's copies went through
    /// the runtime's generic tuple witnesses on every swap).
    private struct Entry {
        var key: Double
        var order: Int
        var item: Item
    }

    private var items: [Entry] = []
    private var counter = 0

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    var minKey: Double? { items.first?.key }

    mutating func push(_ item: Item, key: Double) {
        counter += 1
        items.append(Entry(key: key, order: counter, item: item))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(i, parent) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (key: Double, item: Item)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, less(l, m) { m = l }
            if r < items.count, less(r, m) { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return (top.key, top.item)
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        items[a].key < items[b].key || (items[a].key == items[b].key && items[a].order < items[b].order)
    }
}
