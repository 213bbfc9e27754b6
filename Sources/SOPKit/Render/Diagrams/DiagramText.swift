/// Text helpers of the diagram exports: one-line text, wrapping, and escaping for each target syntax.
public enum DiagramText {
    /// `text` with every run of white space (including line breaks) made one space, trimmed.
    public static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `text` broken at spaces into lines of at most `width` characters (longer words stay whole).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in oneLine(text).split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// A Mermaid string body (what goes between `"` and `"`): characters Mermaid would read as
    /// syntax or markup become entity codes (`#quot;`, `#lt;`, ...); lines are joined with `<br/>`.
    public static func mermaid(_ lines: [String]) -> String {
        lines.map { line in
            var out = ""
            for character in line {
                switch character {
                case "#": out += "#35;"
                case "\"": out += "#quot;"
                case "<": out += "#lt;"
                case ">": out += "#gt;"
                case "&": out += "#amp;"
                case "|": out += "#124;"
                case "`": out += "#96;"
                default: out.append(isControl(character) ? " " : character)
                }
            }
            return out
        }.joined(separator: "<br/>")
    }

    /// A Graphviz double-quoted string body: `\` and `"` escaped, lines joined with `\n`.
    public static func dot(_ lines: [String]) -> String {
        lines.map { line in
            var out = ""
            for character in line {
                switch character {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                default: out.append(isControl(character) ? " " : character)
                }
            }
            return out
        }.joined(separator: "\\n")
    }

    /// An XML attribute value (also safe as character data): `&`, `<`, `>`, `"`, `'` escaped, line breaks and
    /// tabs as character references (so attributes keep them), other characters XML 1.0 forbids dropped.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: if isXMLCharacter(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML character data (element content): `&`, `<`, `>` escaped; line breaks and tabs kept;
    /// other characters XML 1.0 forbids dropped.
    public static func xmlText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default: if isXMLCharacter(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` (tab, line feed and carriage return are handled by the callers).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
    }

    /// A Markdown table cell: one line (items joined with `<br>`), with the characters Markdown or the
    /// table syntax would read (`|`, `*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `&`, `\`) escaped.
    public static func markdownCell(_ items: [String]) -> String {
        items.map { item in
            var out = ""
            for character in oneLine(item) {
                switch character {
                case "\\", "|", "*", "_", "`", "[", "]": out += "\\" + String(character)
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                default: out.append(character)
                }
            }
            return out
        }.joined(separator: "<br>")
    }

    /// Whether `character` is a control character (never printed in a label).
    static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
