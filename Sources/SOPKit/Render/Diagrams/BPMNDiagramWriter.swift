/// Writes the BPMNDI part of a BPMN export: a shape with bounds for the participant, every lane and
/// every flow node, and an edge with waypoints for every sequence flow, from a `BPMNLayout`.
struct BPMNDiagramWriter {
    let diagram: SOPFlowDiagram
    let layout: BPMNLayout
    let ids: BPMNIdentifiers

    func write(into xml: inout BPMNXMLWriter) {
        xml.open("bpmndi:BPMNDiagram", [("id", ids.diagram), ("name", diagram.name)])
        xml.open("bpmndi:BPMNPlane", [("id", ids.plane), ("bpmnElement", ids.collaboration)])
        shape(ids.participant, layout.participant, extra: [("isHorizontal", "true")], into: &xml)
        for (l, rect) in layout.lanes.enumerated() {
            shape(ids.lanes[l], rect, extra: [("isHorizontal", "true")], into: &xml)
        }
        for (n, node) in diagram.nodes.enumerated() {
            let extra: [(String, String)] = node.kind == .decision ? [("isMarkerVisible", "true")] : []
            shape(ids.nodes[n], layout.nodes[n], extra: extra, label: layout.labelBounds(ofNode: n, kind: node.kind), into: &xml)
        }
        for (e, edge) in diagram.edges.enumerated() {
            xml.open("bpmndi:BPMNEdge", [("id", BPMNIdentifiers.shape(ids.flows[e])), ("bpmnElement", ids.flows[e])])
            for point in layout.edges[e] {
                xml.empty("di:waypoint", [("x", "\(point.x)"), ("y", "\(point.y)")])
            }
            if let text = edge.label, let labelRect = layout.labelBounds(ofEdge: e, text: text) {
                xml.open("bpmndi:BPMNLabel")
                bounds(labelRect, into: &xml)
                xml.close("bpmndi:BPMNLabel")
            }
            xml.close("bpmndi:BPMNEdge")
        }
        xml.close("bpmndi:BPMNPlane")
        xml.close("bpmndi:BPMNDiagram")
    }

    private func shape(_ element: String, _ rect: BPMNLayout.Rect, extra: [(String, String)],
                       label: BPMNLayout.Rect? = nil, into xml: inout BPMNXMLWriter) {
        xml.open("bpmndi:BPMNShape", [("id", BPMNIdentifiers.shape(element)), ("bpmnElement", element)] + extra)
        bounds(rect, into: &xml)
        if let label {
            xml.open("bpmndi:BPMNLabel")
            bounds(label, into: &xml)
            xml.close("bpmndi:BPMNLabel")
        }
        xml.close("bpmndi:BPMNShape")
    }

    private func bounds(_ rect: BPMNLayout.Rect, into xml: inout BPMNXMLWriter) {
        xml.empty("dc:Bounds", [("x", "\(rect.x)"), ("y", "\(rect.y)"), ("width", "\(rect.width)"), ("height", "\(rect.height)")])
    }
}
