/// Where the BPMN export draws things (BPMNDI): a horizontal pool with one lane per performer, the
/// flow left to right with every node in a column of its own (in the diagram's drawing order) and in
/// its performer's lane, and orthogonal edges that never cross a node.
///
/// Routing: an edge to a later column goes straight when nothing stands between; otherwise it turns
/// in the empty gap next to the source or the target column, or runs along a channel at the edge of
/// the target's lane; a gateway sends edges to other lanes out of its top or bottom corner. An edge
/// back to an earlier column (a loop) leaves downwards and runs along the bottom of the lower lane. Coordinates are whole pixels, as modelers write them.
public struct BPMNLayout: Sendable, Hashable {
    /// A rectangle (`dc:Bounds`).
    public struct Rect: Sendable, Hashable {
        public var x: Int, y: Int, width: Int, height: Int
        var centerX: Int { x + width / 2 }
        var centerY: Int { y + height / 2 }
        var right: Int { x + width }
        var bottom: Int { y + height }
    }

    /// A point (`di:waypoint`).
    public struct Point: Sendable, Hashable {
        public var x: Int, y: Int
    }

    static let poolX = 160, poolY = 80, header = 30, laneHeight = 160, column = 150, margin = 90

    /// The pool (participant).
    public var participant: Rect
    /// One rectangle per lane, in lane order.
    public var lanes: [Rect]
    /// One rectangle per node, in node order.
    public var nodes: [Rect]
    /// One polyline per edge, in edge order.
    public var edges: [[Point]]

    /// Lays out `diagram`.
    public init(_ diagram: SOPFlowDiagram) {
        let laneX = Self.poolX + Self.header
        let laneWidth = 2 * Self.margin + max(0, diagram.nodes.count - 1) * Self.column
        lanes = diagram.lanes.indices.map { Rect(x: laneX, y: Self.poolY + $0 * Self.laneHeight, width: laneWidth, height: Self.laneHeight) }
        participant = Rect(x: Self.poolX, y: Self.poolY, width: Self.header + laneWidth,
                           height: max(1, diagram.lanes.count) * Self.laneHeight)
        let laneRects = lanes
        nodes = diagram.nodes.enumerated().map { index, node in
            let (width, height) = Self.size(node.kind)
            let centerX = laneX + Self.margin + index * Self.column
            let lane = laneRects.indices.contains(node.lane) ? laneRects[node.lane] : laneRects.first
            let centerY = (lane?.centerY ?? Self.poolY + Self.laneHeight / 2)
            return Rect(x: centerX - width / 2, y: centerY - height / 2, width: width, height: height)
        }
        edges = []
        // The nodes a loop leaves from, found once: asking per edge made a large SOP quadratic.
        var loopSources = Set<Int>()
        for edge in diagram.edges where edge.to <= edge.from { loopSources.insert(edge.from) }
        edges = diagram.edges.map { route($0, in: diagram, loopSources: loopSources) }
    }

    /// The size of a node of `kind`: tasks 100×80, gateways 50×50, events 36×36.
    static func size(_ kind: SOPFlowDiagram.NodeKind) -> (Int, Int) {
        switch kind {
        case .task: (100, 80)
        case .decision: (50, 50)
        case .start, .end, .exit, .reentry: (36, 36)
        }
    }

    /// Where the label of a node goes: below events, above gateways; nil for tasks (inside).
    func labelBounds(ofNode index: Int, kind: SOPFlowDiagram.NodeKind) -> Rect? {
        let r = nodes[index]
        switch kind {
        case .task: return nil
        case .decision: return Rect(x: r.centerX - 60, y: r.y - 34, width: 120, height: 27)
        case .start, .end, .exit, .reentry: return Rect(x: r.centerX - 45, y: r.bottom + 5, width: 90, height: 27)
        }
    }

    /// Where the label of an edge goes: beside its first segment.
    func labelBounds(ofEdge index: Int, text: String) -> Rect? {
        guard edges[index].count >= 2 else { return nil }
        let (a, b) = (edges[index][0], edges[index][1])
        let width = max(20, min(140, 7 * text.count))
        if a.x == b.x { return Rect(x: a.x + 5, y: (a.y + b.y) / 2 - 7, width: width, height: 14) }
        return Rect(x: min(a.x, b.x) + 6, y: a.y - 20, width: width, height: 14)
    }

    private func lane(of node: Int, in diagram: SOPFlowDiagram) -> Rect {
        let index = diagram.nodes[node].lane
        return lanes.indices.contains(index) ? lanes[index] : participant
    }

    /// Whether a node other than the ends stands in the row of `y`, strictly between columns `a` and `b`.
    private func blocked(row y: Int, between a: Int, _ b: Int) -> Bool {
        guard abs(b - a) > 1 else { return false }
        return (min(a, b) + 1..<max(a, b)).contains { nodes[$0].centerY == y }
    }

    private func route(_ edge: SOPFlowDiagram.Edge, in diagram: SOPFlowDiagram, loopSources: Set<Int>) -> [Point] {
        let (s, t) = (nodes[edge.from], nodes[edge.to])
        let (from, to) = (edge.from, edge.to)
        // A gateway sends edges to other lanes out of its top or bottom corner, except downwards when
        // a loop already leaves from its bottom corner.
        let loopsBack = loopSources.contains(from)
        let isGateway = diagram.nodes[from].kind == .decision && !(loopsBack && t.centerY > s.centerY)
        if to <= from {
            // A loop: down from the source, along the bottom of the lower lane, up into the target.
            let bottom = max(lane(of: from, in: diagram).bottom, lane(of: to, in: diagram).bottom) - 12
            if to == from {
                return [Point(x: s.centerX + 15, y: s.bottom), Point(x: s.centerX + 15, y: bottom),
                        Point(x: s.centerX - 15, y: bottom), Point(x: s.centerX - 15, y: s.bottom)]
            }
            return [Point(x: s.centerX, y: s.bottom), Point(x: s.centerX, y: bottom),
                    Point(x: t.centerX, y: bottom), Point(x: t.centerX, y: t.bottom)]
        }
        let entry = Point(x: t.x, y: t.centerY)
        if s.centerY == t.centerY {
            if !blocked(row: s.centerY, between: from, to) { return [Point(x: s.right, y: s.centerY), entry] }
            let channel = lane(of: to, in: diagram).y + 18
            return [Point(x: s.centerX, y: s.y), Point(x: s.centerX, y: channel),
                    Point(x: t.centerX, y: channel), Point(x: t.centerX, y: t.y)]
        }
        let down = t.centerY > s.centerY
        // Turn right after the source (from a gateway: out of its top or bottom corner).
        if !blocked(row: t.centerY, between: from, to) {
            if isGateway {
                return [Point(x: s.centerX, y: down ? s.bottom : s.y), Point(x: s.centerX, y: t.centerY), entry]
            }
            let gap = s.centerX + Self.column / 2
            return [Point(x: s.right, y: s.centerY), Point(x: gap, y: s.centerY), Point(x: gap, y: t.centerY), entry]
        }
        // Turn right before the target.
        let before = t.centerX - Self.column / 2
        if !blocked(row: s.centerY, between: from, to) {
            return [Point(x: s.right, y: s.centerY), Point(x: before, y: s.centerY), Point(x: before, y: t.centerY), entry]
        }
        // Along a channel at the edge of the target's lane that faces the source.
        let targetLane = lane(of: to, in: diagram)
        let channel = down ? targetLane.y + 18 : targetLane.bottom - 24
        let start = isGateway ? Point(x: s.centerX, y: down ? s.bottom : s.y) : Point(x: s.right, y: s.centerY)
        let turn = isGateway ? s.centerX : s.centerX + Self.column / 2
        var points = [start]
        if !isGateway { points.append(Point(x: turn, y: s.centerY)) }
        points += [Point(x: turn, y: channel), Point(x: before, y: channel), Point(x: before, y: t.centerY), entry]
        return points
    }
}
