/// The SOP as a BPMN 2.0 process (XML in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL),
/// laid out for modelers (bpmn.io, Camunda Modeler) and executable by an engine that evaluates
/// Python conditions (SpiffWorkflow).
///
/// - A collaboration with one participant (the SOP) whose process has a `laneSet` with one lane per
///   performer; each flow node is referenced by the lane of the step's first performer.
/// - "Mulai" is the `startEvent`; `selesai` goes to the `endEvent` "Selesai" and `keluar` to its own
///   `endEvent` "Keluar (berakhir lebih awal)"; a stand-alone `jenis: selesai` row is an end event.
/// - Every step is a `userTask` (performers, waktu, kelengkapan and output in its documentation); a
///   decision step is its user task followed by an `exclusiveGateway` named with the question.
/// - Flows leaving a gateway carry the outcome label as their name and a `conditionExpression`
///   (`xsi:type="tFormalExpression"`, `language="python"`): the rule translated by
///   `PythonRuleExpression`, or `jawaban_<step> == "<label>"` for a decision the performer answers.
///   The fallback of a rule decision is the gateway's `default` flow; an outcome after it is `False`.
///   Loops are ordinary sequence flows back to the earlier task.
/// - Attributes in the namespace `urn:sop:bpmn` (which modelers keep and engines ignore) tie the
///   process to the SOP: `sop:langkah="<step id>"` on each node that stands for a step, so a run can
///   be compared step by step with `sop run`; `sop:akhir="selesai|keluar"` on end events; and
///   `sop:jawaban="<variable>"` on the task of a decision its performer answers, naming the variable
///   the answer goes into.
/// - BPMNDI places every participant, lane and node (`BPMNShape`) and routes every flow (`BPMNEdge`);
///   see `BPMNLayout`.
public struct BPMNExport: Sendable {
    /// The namespace of the `sop:langkah` attribute.
    public static let sopNamespace = "urn:sop:bpmn"

    /// Creates an exporter.
    public init() {}

    /// The BPMN document of `sop`, ending with a newline.
    public func render(_ sop: SOPDefinition) -> String {
        let diagram = SOPFlowDiagram(sop)
        let layout = BPMNLayout(diagram)
        let ids = BPMNIdentifiers(diagram)
        var xml = BPMNXMLWriter()
        xml.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        xml.open("definitions", [
            ("xmlns", "http://www.omg.org/spec/BPMN/20100524/MODEL"),
            ("xmlns:bpmndi", "http://www.omg.org/spec/BPMN/20100524/DI"),
            ("xmlns:dc", "http://www.omg.org/spec/DD/20100524/DC"),
            ("xmlns:di", "http://www.omg.org/spec/DD/20100524/DI"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xmlns:sop", Self.sopNamespace),
            ("id", ids.definitions), ("targetNamespace", "urn:sop:\(sop.id)"), ("exporter", "sop"),
        ])
        xml.open("collaboration", [("id", ids.collaboration)])
        xml.empty("participant", [("id", ids.participant), ("name", sop.nama), ("processRef", ids.process)])
        xml.close("collaboration")
        xml.open("process", [("id", ids.process), ("name", sop.nama), ("isExecutable", "true")])
        xml.element("documentation", processDocumentation(sop))
        xml.open("laneSet", [("id", ids.laneSet)])
        for (l, lane) in diagram.lanes.enumerated() {
            let members = diagram.nodes(inLane: l)
            if members.isEmpty {
                xml.empty("lane", [("id", ids.lanes[l]), ("name", lane.name)])
                continue
            }
            xml.open("lane", [("id", ids.lanes[l]), ("name", lane.name)])
            for n in members { xml.element("flowNodeRef", ids.nodes[n]) }
            xml.close("lane")
        }
        xml.close("laneSet")
        // Each node's flows, gathered once: looking them up per node made a large SOP quadratic.
        var flows = Flows(incoming: Array(repeating: [], count: diagram.nodes.count),
                          outgoing: Array(repeating: [], count: diagram.nodes.count))
        for (e, edge) in diagram.edges.enumerated() {
            if flows.incoming.indices.contains(edge.to) { flows.incoming[edge.to].append(e) }
            if flows.outgoing.indices.contains(edge.from) { flows.outgoing[edge.from].append(e) }
        }
        for (n, node) in diagram.nodes.enumerated() {
            writeNode(n, node, sop: sop, diagram: diagram, flows: flows, ids: ids, into: &xml)
        }
        for (e, edge) in diagram.edges.enumerated() {
            var attributes = [("id", ids.flows[e])]
            if let label = edge.label { attributes.append(("name", label)) }
            attributes += [("sourceRef", ids.nodes[edge.from]), ("targetRef", ids.nodes[edge.to])]
            guard let condition = conditionExpression(edge.condition) else {
                xml.empty("sequenceFlow", attributes)
                continue
            }
            xml.open("sequenceFlow", attributes)
            xml.element("conditionExpression", condition, [("xsi:type", "tFormalExpression"), ("language", "python")])
            xml.close("sequenceFlow")
        }
        xml.close("process")
        BPMNDiagramWriter(diagram: diagram, layout: layout, ids: ids).write(into: &xml)
        xml.close("definitions")
        return xml.text
    }

    /// The indices of the flows entering and leaving each node.
    private struct Flows {
        var incoming: [[Int]]
        var outgoing: [[Int]]
    }

    private func writeNode(_ n: Int, _ node: SOPFlowDiagram.Node, sop: SOPDefinition, diagram: SOPFlowDiagram,
                           flows: Flows, ids: BPMNIdentifiers, into xml: inout BPMNXMLWriter) {
        let tag: String
        var name = node.title
        switch node.kind {
        case .start: tag = "startEvent"
        case .end: tag = "endEvent"
        case .exit:
            tag = "endEvent"
            name = "Keluar (berakhir lebih awal)"
        case .task: tag = "userTask"
        case .decision: tag = "exclusiveGateway"
        case .reentry:
            tag = "intermediateThrowEvent"
            name = "Mulai (ulang)"
        }
        var attributes = [("id", ids.nodes[n]), ("name", name)]
        if node.kind == .decision, let fallback = flows.outgoing[n].first(where: { diagram.edges[$0].condition == .fallback }) {
            attributes.append(("default", ids.flows[fallback]))
        }
        if let stepID = node.stepID { attributes.append(("sop:langkah", stepID)) }
        if node.kind == .end || node.kind == .exit { attributes.append(("sop:akhir", node.kind == .exit ? "keluar" : "selesai")) }
        if node.kind == .task, let index = node.stepIndex, sop.steps.indices.contains(index),
           let decision = sop.steps[index].decision, !decision.isRuleDecided {
            attributes.append(("sop:jawaban", PythonRuleExpression.answerVariable(forStep: sop.steps[index].id)))
        }
        xml.open(tag, attributes)
        if let index = node.stepIndex, sop.steps.indices.contains(index) {
            let text = node.kind == .decision ? decisionDocumentation(sop.steps[index]) : stepDocumentation(sop.steps[index], sop: sop)
            if !text.isEmpty { xml.element("documentation", text) }
        }
        for e in flows.incoming[n] { xml.element("incoming", ids.flows[e]) }
        for e in flows.outgoing[n] { xml.element("outgoing", ids.flows[e]) }
        xml.close(tag)
    }

    /// The body of a flow's condition, or nil for an unconditional or default flow.
    private func conditionExpression(_ condition: SOPFlowDiagram.Condition) -> String? {
        switch condition {
        case .always, .fallback: nil
        case .rule(let rule): PythonRuleExpression.translate(rule)
        case .answer(let step, let label): PythonRuleExpression.answerCondition(step: step, label: label)
        case .never: "False"
        }
    }

    private func processDocumentation(_ sop: SOPDefinition) -> String {
        var lines = ["SOP \(sop.id): \(DiagramText.oneLine(sop.nama))"]
        if let nomor = sop.nomor { lines.append("Nomor: \(nomor)") }
        lines.append("Unit: " + [sop.unit.dinas, sop.unit.bidang, sop.unit.seksi].compactMap { $0 }.joined(separator: ", "))
        if let total = sop.time.total { lines.append("Total waktu: \(total.raw)") }
        lines.append("Generated by `sop render --format bpmn`. Conditions are Python expressions over the case data "
                     + "(dates as \"YYYY-MM-DD\" strings) and jawaban_<step> answers.")
        return lines.joined(separator: "\n")
    }

    private func stepDocumentation(_ step: Step, sop: SOPDefinition) -> String {
        var lines: [String] = []
        if step.kind == .proses || step.kind == .keputusan { lines.append(DiagramText.oneLine(step.uraian)) }
        let names: [String] = step.performers.map { sop.performer($0.value)?.nama ?? $0.value }
        if !names.isEmpty {
            let mode = names.count > 1 ? " (\(step.mode.rawValue))" : ""
            lines.append("Pelaksana: " + names.joined(separator: ", ") + mode)
        }
        if let waktu = step.waktu { lines.append("Waktu: \(waktu.raw)") }
        if !step.kelengkapan.isEmpty { lines.append("Kelengkapan: " + sop.printedKelengkapan(of: step).joined(separator: "; ")) }
        if !step.output.isEmpty { lines.append("Output: " + step.output.map(\.value).joined(separator: "; ")) }
        if let recurrence = step.recurrence {
            let during = (recurrence.during ?? sop.jangkaWaktu).map { " selama \($0.raw)" } ?? ""
            lines.append("Berulang setiap \(recurrence.every.raw)\(during)")
        }
        if step.group != nil { lines.append("Satu sesi untuk banyak kasus") }
        if let keterangan = step.keterangan { lines.append("Keterangan: \(keterangan)") }
        return lines.joined(separator: "\n")
    }

    private func decisionDocumentation(_ step: Step) -> String {
        guard let decision = step.decision else { return "" }
        if decision.isRuleDecided { return "Diputuskan oleh aturan (jika) atas data kasus." }
        return "Dijawab oleh pelaksana: \(PythonRuleExpression.answerVariable(forStep: step.id)) = "
            + decision.outcomes.map(\.label).joined(separator: " | ")
    }
}
