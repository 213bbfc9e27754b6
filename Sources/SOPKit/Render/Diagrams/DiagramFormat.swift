/// The text exports of an SOP that need no browser: diagrams and the Markdown table.
public enum DiagramFormat: String, Sendable, CaseIterable {
    /// A Mermaid flowchart (`MermaidExport`).
    case mermaid
    /// A Graphviz digraph (`GraphvizExport`).
    case dot
    /// The procedure table as Markdown (`MarkdownTableExport`).
    case md
    /// A BPMN 2.0 process with diagram interchange (`BPMNExport`).
    case bpmn

    /// The usual file extension: `mmd`, `dot`, `md`, `bpmn`.
    public var fileExtension: String {
        switch self {
        case .mermaid: "mmd"
        case .dot: "dot"
        case .md: "md"
        case .bpmn: "bpmn"
        }
    }

    /// `sop` in this format, ending with a newline.
    public func render(_ sop: SOPDefinition) -> String {
        switch self {
        case .mermaid: MermaidExport().render(sop)
        case .dot: GraphvizExport().render(sop)
        case .md: MarkdownTableExport().render(sop)
        case .bpmn: BPMNExport().render(sop)
        }
    }
}
