/// Builds an `SOPFlowDiagram` from an SOP; `SOPFlowDiagram` describes the mapping.
struct SOPFlowDiagramBuilder {
    typealias Node = SOPFlowDiagram.Node
    typealias Condition = SOPFlowDiagram.Condition
    /// One way out of a step: the outcome label, how it is chosen, and where it goes.
    typealias Exit = (label: String?, condition: Condition, target: FlowTarget)

    let sop: SOPDefinition
    var lanes: [SOPFlowDiagram.Lane] = []
    var nodes: [Node] = []
    var edges: [SOPFlowDiagram.Edge] = []

    /// The node entered when the flow goes to a step, by step id.
    private var entry: [String: Int] = [:]
    /// The node a step's exits leave from, by step index (its decision node for a decision).
    private var source: [Int: Int] = [:]
    /// The activity node of a decision step, by step index.
    private var decisionTask: [Int: Int] = [:]
    private var endNode: Int?
    private var exitNode: Int?
    private var reentryNode: Int?
    private var laneIndex: [String: Int] = [:]

    init(sop: SOPDefinition) {
        self.sop = sop
    }

    mutating func build() {
        lanes = sop.performers.map { SOPFlowDiagram.Lane(id: $0.id, name: $0.nama) }
        if lanes.isEmpty { lanes = [SOPFlowDiagram.Lane(id: "pelaksana", name: "Pelaksana")] }
        laneIndex = Dictionary(lanes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let steps = sop.steps
        let exits = steps.indices.map(exits(of:))
        let startRow = steps.first?.kind == .mulai
        let startLane = steps.isEmpty ? 0 : lane(of: 0) ?? 0

        // Drawing order: the start, then each step (activity, question) followed by the
        // terminators it is the first to reach.
        if startRow, let first = steps.first {
            let start = add(Node(kind: .start, key: "mulai", title: "Mulai", details: [], lane: startLane, stepID: first.id, stepIndex: 0))
            entry[first.id] = start
            source[0] = start
            let loopsBack = exits.joined().contains { $0.target == .step(first.id) }
            if loopsBack {
                reentryNode = add(Node(kind: .reentry, key: "mulai-ulang", title: "Mulai", details: ["ulang"],
                                       lane: startLane, stepID: first.id, stepIndex: 0))
            }
            addTerminators(reachedBy: exits[0], lane: startLane)
        } else {
            _ = add(Node(kind: .start, key: "mulai", title: "Mulai", details: [], lane: startLane, stepID: nil, stepIndex: nil))
        }
        for (i, step) in steps.enumerated() where !(i == 0 && startRow) {
            let lane = lane(of: i) ?? nodes.last?.lane ?? 0
            if step.kind == .selesai {
                entry[step.id] = entry[step.id] ?? add(Node(kind: .end, key: "akhir-\(step.id)", title: "Selesai", details: [],
                                                            lane: lane, stepID: step.id, stepIndex: i))
                continue
            }
            if step.isRuleOnly, let decision = step.decision {
                // Decided by rules alone: a gateway with no task before it (nobody does any work).
                let question = add(Node(kind: .decision, key: "keputusan-\(step.id)", title: "\(i + 1). \(DiagramText.oneLine(decision.question))",
                                        details: [], lane: lane, stepID: step.id, stepIndex: i))
                entry[step.id] = entry[step.id] ?? question
                source[i] = question
                addTerminators(reachedBy: exits[i], lane: lane)
                continue
            }
            let task = add(Node(kind: .task, key: "langkah-\(step.id)", title: "\(i + 1). \(DiagramText.oneLine(step.uraian))",
                                details: details(of: step), lane: lane, stepID: step.id, stepIndex: i))
            entry[step.id] = entry[step.id] ?? task
            source[i] = task
            if let decision = step.decision {
                // The question sits in the lane of the performer who decides.
                let deciderLane = step.decidingPerformer.flatMap { laneIndex[$0] } ?? lane
                let question = add(Node(kind: .decision, key: "keputusan-\(step.id)", title: DiagramText.oneLine(decision.question),
                                        details: [], lane: deciderLane, stepID: nil, stepIndex: i))
                decisionTask[i] = task
                source[i] = question
            }
            addTerminators(reachedBy: exits[i], lane: lane)
        }

        // Edges, in table order; a step's outcomes in the order they are written.
        if !startRow, let first = steps.first, let target = entry[first.id] {
            edges.append(SOPFlowDiagram.Edge(from: 0, to: target, label: nil, condition: .always))
        }
        for i in steps.indices {
            guard let from = source[i] else { continue }
            if let task = decisionTask[i] {
                edges.append(SOPFlowDiagram.Edge(from: task, to: from, label: nil, condition: .always))
            }
            for exit in exits[i] {
                guard let to = node(for: exit.target, startRow: startRow) else { continue }
                edges.append(SOPFlowDiagram.Edge(from: from, to: to, label: exit.label, condition: exit.condition))
            }
        }
        if let reentryNode, !exits.isEmpty {
            for exit in exits[0] {
                guard let to = node(for: exit.target, startRow: startRow) else { continue }
                edges.append(SOPFlowDiagram.Edge(from: reentryNode, to: to, label: exit.label, condition: exit.condition))
            }
        }
    }

    /// The ways out of step `i`, following the interpreter: the outcomes of a decision, else the
    /// step's `lanjut`, the following step or the end; a stand-alone `selesai` row has none (it ends).
    private func exits(of i: Int) -> [Exit] {
        let step = sop.steps[i]
        if step.kind == .selesai { return [] }
        guard let decision = step.decision else { return [(nil, .always, sop.defaultNext(after: i))] }
        guard decision.isRuleDecided else {
            return decision.outcomes.map { ($0.label, .answer(step: step.id, label: $0.label), $0.next.value) }
        }
        var afterFallback = false
        return decision.outcomes.map { outcome in
            let condition: Condition
            if afterFallback {
                condition = .never
            } else if let rule = outcome.rule {
                condition = .rule(rule.value)
            } else {
                afterFallback = true
                condition = .fallback
            }
            return (outcome.label, condition, outcome.next.value)
        }
    }

    /// The lane of step `i`: its first performer's.
    private func lane(of i: Int) -> Int? {
        sop.steps[i].performers.first.flatMap { laneIndex[$0.value] }
    }

    /// Other performers, the mode, the repetition and group sessions of a step, as short lines.
    private func details(of step: Step) -> [String] {
        var lines: [String] = []
        if step.performers.count > 1 {
            let names: [String] = step.performers.map { sop.performer($0.value)?.nama ?? $0.value }
            switch step.mode {
            case .bersama: lines.append("Bersama: " + names.joined(separator: ", "))
            case .berurutan: lines.append("Berurutan: " + names.joined(separator: " → "))
            case .salahSatu: lines.append("Salah satu: " + names.joined(separator: " / "))
            }
        }
        if let recurrence = step.recurrence {
            var line = "Berulang setiap \(recurrence.every.raw)"
            if let during = recurrence.during ?? sop.jangkaWaktu { line += " selama \(during.raw)" }
            lines.append(line)
        }
        if step.group != nil { lines.append("Satu sesi untuk banyak kasus") }
        return lines
    }

    private mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    /// Places the Selesai and Keluar terminators right after the first step that reaches them.
    private mutating func addTerminators(reachedBy exits: [Exit], lane: Int) {
        for exit in exits {
            if exit.target == .end, endNode == nil {
                endNode = add(Node(kind: .end, key: "selesai", title: "Selesai", details: [], lane: lane, stepID: nil, stepIndex: nil))
            }
            if exit.target == .exit, exitNode == nil {
                exitNode = add(Node(kind: .exit, key: "keluar", title: "Keluar", details: ["berakhir lebih awal"],
                                    lane: lane, stepID: nil, stepIndex: nil))
            }
        }
    }

    /// The node a flow target enters; a loop back to a stand-alone start row enters its re-entry node.
    private func node(for target: FlowTarget, startRow: Bool) -> Int? {
        switch target {
        case .end: return endNode
        case .exit: return exitNode
        case .step(let id):
            if startRow, id == sop.steps.first?.id { return reentryNode }
            return entry[id]
        }
    }
}
