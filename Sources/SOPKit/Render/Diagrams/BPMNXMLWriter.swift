/// Writes indented XML, escaping every attribute value and text (`DiagramText.xml`, `DiagramText.xmlText`).
struct BPMNXMLWriter {
    /// The document so far.
    private(set) var text = ""
    private var depth = 0

    /// A line as given, at the current indentation.
    mutating func line(_ raw: String) {
        text += String(repeating: "  ", count: depth) + raw + "\n"
    }

    /// `<tag attributes>`, indenting what follows.
    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        line("<\(tag)\(Self.attributes(attributes))>")
        depth += 1
    }

    /// `</tag>`.
    mutating func close(_ tag: String) {
        depth = max(0, depth - 1)
        line("</\(tag)>")
    }

    /// `<tag attributes/>`.
    mutating func empty(_ tag: String, _ attributes: [(String, String)] = []) {
        line("<\(tag)\(Self.attributes(attributes))/>")
    }

    /// `<tag attributes>text</tag>` on one line (text with line breaks keeps them).
    mutating func element(_ tag: String, _ content: String, _ attributes: [(String, String)] = []) {
        line("<\(tag)\(Self.attributes(attributes))>\(DiagramText.xmlText(content))</\(tag)>")
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { (name: String, value: String) -> String in " \(name)=\"\(DiagramText.xml(value))\"" }.joined()
    }
}
