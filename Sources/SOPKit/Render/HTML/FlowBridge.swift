/// Where one arrow crosses another on a sheet: the horizontal arrow hops over the vertical one with
/// a small arc (a bridge), so that a crossing never reads as a junction.
struct FlowBridge: Hashable, Sendable {
    /// The crossing point.
    var point: FlowPoint

    /// Every crossing of a horizontal segment of one arrow with a vertical segment of another, away
    /// from the segments' ends (a crossing within a bridge's width of a bend or a symbol is left
    /// alone: there the lines meet at a corner, not across). Each arrow is looked at once per other
    /// arrow whose extent overlaps it, so a page of n arrows costs O(n²) only for arrows that meet.
    static func crossings(_ arrows: [RoutedArrow]) -> [FlowBridge] {
        // A crossing more than 2 px inside both segments is a crossing (as the document check sees it).
        let r = 2.0
        typealias Segment = (a: FlowPoint, b: FlowPoint)
        func segments(_ points: [FlowPoint]) -> [Segment] { Array(zip(points, points.dropFirst())).map { ($0, $1) } }
        let horizontal = arrows.map { segments($0.points).filter { abs($0.a.y - $0.b.y) < 0.01 && abs($0.a.x - $0.b.x) > 2 * r } }
        let vertical = arrows.map { segments($0.points).filter { abs($0.a.x - $0.b.x) < 0.01 && abs($0.a.y - $0.b.y) > 2 * r } }
        // Only pairs whose extents meet can cross.
        var result: [FlowBridge] = []
        var seen: Set<FlowPoint> = []
        for i in arrows.indices {
            for j in arrows.indices where j != i {
                for h in horizontal[i] {
                    let minX = min(h.a.x, h.b.x) + r, maxX = max(h.a.x, h.b.x) - r, y = h.a.y
                    for v in vertical[j] {
                        let x = v.a.x, minY = min(v.a.y, v.b.y) + r, maxY = max(v.a.y, v.b.y) - r
                        guard x > minX, x < maxX, y > minY, y < maxY else { continue }
                        let p = FlowPoint(x: x, y: y)
                        if seen.insert(p).inserted { result.append(FlowBridge(point: p)) }
                    }
                }
            }
        }
        return result
    }
}
