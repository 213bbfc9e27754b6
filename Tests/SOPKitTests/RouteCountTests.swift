import Foundation
import Testing
@testable import SOPKit

/// How much the printed flowcharts cross and wander (issue 15, finding 6): for every sample on A4
/// and F4, the crossings of two arrows (each drawn with a bridge) and the detour bends (bends an arrow
/// makes beyond the fewest its two ends allow: a straight drop needs none, an L one, a Z two).
/// The figures are recorded in `Fixtures/documents/route-counts.txt`; a figure that grows fails, and
/// one that shrinks fails too until the file is rewritten (`SOP_UPDATE_GOLDEN=1`), so they only go down.
@Suite("Printed SOP pages: crossings and detours only go down")
struct RouteCountTests {
    static let file = TestPaths.fixtures.appendingPathComponent("documents/route-counts.txt")

    /// The fewest bends a right-angled path from `p` (leaving in direction `d1`) to `e` (arriving in
    /// direction `d2`) can make.
    static func fewestBends(_ p: FlowPoint, _ d1: (Double, Double), _ e: FlowPoint, _ d2: (Double, Double)) -> Int {
        let dx = e.x - p.x, dy = e.y - p.y
        let along1 = dx * d1.0 + dy * d1.1, across1 = abs(dx * d1.1 - dy * d1.0)
        if d1 == d2 { return across1 < 0.5 && along1 > 0 ? 0 : 2 }
        if d1.0 * d2.0 + d1.1 * d2.1 == 0 {
            // An L: the corner must lie ahead of the start and behind the end.
            let along2 = dx * d2.0 + dy * d2.1
            return along1 > 0.5 && along2 > 0.5 ? 1 : 3
        }
        return 2
    }

    static func direction(_ a: FlowPoint, _ b: FlowPoint) -> (Double, Double) {
        abs(a.x - b.x) < 0.01 ? (0, b.y > a.y ? 1 : -1) : (b.x > a.x ? 1 : -1, 0)
    }

    /// (crossings, detour bends) of one layout.
    static func counts(_ layout: ProcedureLayout) -> (crossings: Int, detours: Int) {
        var crossings = 0, detours = 0
        for page in layout.pages {
            crossings += page.bridges.count
            for arrow in page.arrows where arrow.points.count >= 2 {
                let pts = arrow.points
                let bends = pts.count - 2
                let fewest = fewestBends(pts[0], direction(pts[0], pts[1]), pts[pts.count - 1], direction(pts[pts.count - 2], pts[pts.count - 1]))
                detours += max(0, bends - fewest)
            }
        }
        return (crossings, detours)
    }

    static func current() throws -> [String] {
        try DocumentSamples.all().flatMap { sop in
            PaperSize.allCases.map { paper in
                let c = counts(ProcedureLayout(sop, paper: paper))
                return "\(sop.id).\(paper.rawValue): crossings \(c.crossings), detour bends \(c.detours)"
            }
        }
    }

    @Test("crossings and detour bends per sample never grow")
    func ratchet() throws {
        let now = try Self.current()
        if ProcessInfo.processInfo.environment["SOP_UPDATE_GOLDEN"] == "1" {
            let header = "# Crossings (bridged) and detour bends of the printed flowcharts, per sample and paper\n"
                + "# (RouteCountTests). Only ever lowered: rewrite with SOP_UPDATE_GOLDEN=1 after an improvement.\n"
            try (header + now.joined(separator: "\n") + "\n").write(to: Self.file, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: Self.file, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        #expect(recorded.count == now.count, "samples changed: rewrite \(Self.file.lastPathComponent) with SOP_UPDATE_GOLDEN=1")
        func figures(_ line: String) -> (String, [Int]) {
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.suffix(2))
        }
        let old = Dictionary(recorded.map(figures), uniquingKeysWith: { a, _ in a })
        for line in now {
            let (key, new) = figures(line)
            guard let was = old[key] else { Issue.record("\(key) not recorded"); continue }
            #expect(zip(new, was).allSatisfy { $0 <= $1 }, "\(key) got worse: \(new) (crossings, detour bends), recorded \(was)")
            #expect(new == was, "\(key) improved to \(new) from \(was): rewrite the file with SOP_UPDATE_GOLDEN=1 so it cannot go back")
        }
    }

    @Test("the fewest-bends measure: a straight drop, an L, a Z and a U")
    func measure() {
        let down = (0.0, 1.0), right = (1.0, 0.0), left = (-1.0, 0.0)
        #expect(Self.fewestBends(FlowPoint(x: 0, y: 0), down, FlowPoint(x: 0, y: 50), down) == 0)
        #expect(Self.fewestBends(FlowPoint(x: 0, y: 0), down, FlowPoint(x: 30, y: 50), right) == 1)
        #expect(Self.fewestBends(FlowPoint(x: 0, y: 0), down, FlowPoint(x: 30, y: 50), down) == 2)
        #expect(Self.fewestBends(FlowPoint(x: 0, y: 0), right, FlowPoint(x: 0, y: 50), left) == 2)
    }
}
