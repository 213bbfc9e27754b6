/// The flow of an SOP as a diagram: one lane per performer, nodes for the terminators, the steps and
/// the decisions, and labelled edges. The Mermaid, Graphviz and BPMN exports all draw this one model,
/// so they show the same flow the interpreter runs.
///
/// How the SOP maps onto the diagram:
/// - every performer is a lane, in the SOP's column order (a performer with no step keeps its lane);
/// - a step is one node, in the lane of its **first** performer; the other performers and the mode
///   (`berurutan`, `salah_satu`) are written under the activity (`details`);
/// - a decision step is its activity (a process node) followed by a decision node holding the
///   question; the labelled outcomes leave the decision node (the BPMN reading of a decision row:
///   a user task, then an exclusive gateway);
/// - the flow starts at a "Mulai" terminator (a stand-alone `jenis: mulai` row *is* that terminator)
///   and ends at one "Selesai" terminator for `selesai` and one "Keluar" terminator for `keluar`; a
///   stand-alone `jenis: selesai` row is an end terminator of its own;
/// - edges follow the interpreter's flow exactly: `lanjut`, else the following step, else the end.
public struct SOPFlowDiagram: Sendable, Hashable {
    /// What a node is drawn as.
    public enum NodeKind: String, Sendable, Hashable {
        /// The start terminator ("Mulai").
        case start
        /// A normal end terminator ("Selesai").
        case end
        /// The early-exit terminator ("Keluar"): the procedure ends without its product.
        case exit
        /// The activity of a step (a process rectangle).
        case task
        /// The question of a decision step (a diamond).
        case decision
        /// A re-entry into a stand-alone start row that a later step loops back to (a small circle).
        case reentry
    }

    /// One lane: a performer.
    public struct Lane: Sendable, Hashable {
        /// The performer's id (`kasi`).
        public var id: String
        /// The column header as printed (`Kasi`).
        public var name: String
    }

    /// One node of the diagram.
    public struct Node: Sendable, Hashable {
        /// What the node is.
        public var kind: NodeKind
        /// A short name that is unique in the diagram and stable across exports
        /// (`mulai`, `selesai`, `keluar`, `langkah-<step id>`, `keputusan-<step id>`, ...).
        public var key: String
        /// The main text: `3. Verifikasi berkas ...`, a question, `Mulai`, `Selesai`, `Keluar`.
        public var title: String
        /// Extra lines under the title: the other performers and the mode, the repetition.
        public var details: [String]
        /// The lane (index into `lanes`).
        public var lane: Int
        /// The step the node stands for, when running through the node means running that step
        /// (a task, a stand-alone terminator row); `nil` for decisions and the plain terminators.
        public var stepID: String?
        /// The step's position in table order (0-based), when the node belongs to a step.
        public var stepIndex: Int?
    }

    /// How an edge leaving a decision is chosen.
    public enum Condition: Sendable, Hashable {
        /// Not a decision's outcome: the edge is always taken.
        case always
        /// The outcome's rule (`jika`) on case data.
        case rule(Rule)
        /// The fallback outcome of a rule-decided decision (taken when no rule before it holds).
        case fallback
        /// An outcome the performer answers: taken when the answer to step `step` is `label`.
        case answer(step: String, label: String)
        /// An outcome after the fallback of a rule-decided decision: it can never be taken.
        case never
    }

    /// A directed edge.
    public struct Edge: Sendable, Hashable {
        /// Index of the source node.
        public var from: Int
        /// Index of the target node.
        public var to: Int
        /// The outcome label on the arrow (`Ya`, `Tidak`), when the edge leaves a decision.
        public var label: String?
        /// How the edge is chosen.
        public var condition: Condition
    }

    /// The SOP's id.
    public var sopID: String
    /// The SOP's name (`nama`).
    public var name: String
    /// The lanes, in the SOP's performer order.
    public var lanes: [Lane]
    /// The nodes, in drawing order (start, then the steps in table order with each terminator right
    /// after the first step that reaches it).
    public var nodes: [Node]
    /// The edges, in source order (a decision's outcomes in the order they are written).
    public var edges: [Edge]

    /// The diagram of `sop`.
    public init(_ sop: SOPDefinition) {
        var builder = SOPFlowDiagramBuilder(sop: sop)
        builder.build()
        sopID = sop.id
        name = sop.nama
        lanes = builder.lanes
        nodes = builder.nodes
        edges = builder.edges
    }

    /// The edges leaving node `index`, in order.
    public func outgoing(_ index: Int) -> [Edge] { edges.filter { $0.from == index } }

    /// The edges entering node `index`, in order.
    public func incoming(_ index: Int) -> [Edge] { edges.filter { $0.to == index } }

    /// The indices of the nodes in lane `lane`, in drawing order.
    public func nodes(inLane lane: Int) -> [Int] { nodes.indices.filter { nodes[$0].lane == lane } }
}

extension SOPFlowDiagram {
    /// Identifiers for the nodes that Mermaid, Graphviz and XML all accept: each node's `key` with
    /// every character other than an ASCII letter or digit made `_`, made unique with a number.
    public func nodeIdentifiers() -> [String] {
        Self.identifiers(nodes.map(\.key), prefix: "")
    }

    /// Identifiers for the lanes: `lane_` and the performer's id, made safe and unique the same way.
    public func laneIdentifiers() -> [String] {
        Self.identifiers(lanes.map(\.id), prefix: "lane_")
    }

    static func identifiers(_ keys: [String], prefix: String) -> [String] {
        var used: Set<String> = []
        return keys.map { key in
            let safe = String(key.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
            var base = prefix + (safe.isEmpty ? "n" : safe)
            if base.first?.isNumber == true { base = "n_" + base }
            var candidate = base
            var n = 2
            while !used.insert(candidate).inserted {
                candidate = "\(base)_\(n)"
                n += 1
            }
            return candidate
        }
    }
}
