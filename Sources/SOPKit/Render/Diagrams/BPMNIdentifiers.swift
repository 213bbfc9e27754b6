/// The XML ids of a BPMN export: readable (`Task_periksa-konsep`, `Gateway_periksa-konsep`,
/// `EndEvent_keluar`, `Lane_kasi`, `Flow_3`), valid XML names (NCName), and unique in the document.
/// Diagram elements are `DI_` and the id of what they draw.
struct BPMNIdentifiers {
    var definitions: String
    var collaboration: String
    var participant: String
    var process: String
    var laneSet: String
    var diagram: String
    var plane: String
    /// One id per lane.
    var lanes: [String]
    /// One id per node.
    var nodes: [String]
    /// One id per edge (sequence flow).
    var flows: [String]

    init(_ diagram: SOPFlowDiagram) {
        var used: Set<String> = []
        func make(_ prefix: String, _ name: String) -> String {
            let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
            let base = prefix + "_" + (safe.isEmpty ? "x" : safe)
            var candidate = base
            var n = 2
            while !used.insert(candidate).inserted {
                candidate = "\(base)_\(n)"
                n += 1
            }
            return candidate
        }
        let sop = diagram.sopID
        definitions = make("Definitions", sop)
        collaboration = make("Collaboration", sop)
        participant = make("Participant", sop)
        process = make("Process", sop)
        laneSet = make("LaneSet", sop)
        self.diagram = make("BPMNDiagram", sop)
        plane = make("BPMNPlane", sop)
        lanes = diagram.lanes.map { make("Lane", $0.id) }
        nodes = diagram.nodes.map { node in
            switch node.kind {
            case .start: make("StartEvent", node.stepID ?? "mulai")
            case .end: make("EndEvent", node.stepID ?? "selesai")
            case .exit: make("EndEvent", "keluar")
            case .task: make("Task", node.stepID ?? node.key)
            case .decision: make("Gateway", node.key.hasPrefix("keputusan-") ? String(node.key.dropFirst("keputusan-".count)) : node.key)
            case .reentry: make("Event", "mulai_ulang")
            }
        }
        flows = diagram.edges.indices.map { make("Flow", "\($0 + 1)") }
    }

    /// The id of the diagram element drawing the element `id`.
    static func shape(_ id: String) -> String { "DI_" + id }
}
