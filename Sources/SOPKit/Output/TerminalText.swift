/// Text made safe to show on a terminal: control characters and invisible direction marks are
/// written as visible escapes (`\n`, `\r`, `\t`, `\0`, `\x1b`, `\u{202E}`), never raw, so a value
/// cannot run an escape sequence, forge a line, or reorder what is shown.
///
/// Two strengths:
/// - ``escaped(_:)`` for a value inside one line (a case field, a note, a user name, a message):
///   every control character is escaped, the line break and the tab included.
/// - ``screen(_:)`` for whole output that is laid out in lines (a table, a report): line breaks
///   and tabs stay, everything else that is a control is escaped. The `sop` command passes all of
///   its output through it, so nothing printed can reach the terminal raw.
///
/// A backslash is left as it is: the escapes are for reading, not for decoding back.
public enum TerminalText {
    /// `text` for use inside one line: every control character escaped, newline and tab included.
    public static func escaped(_ text: String) -> String {
        escape(text, keepingLayout: false)
    }

    /// `text` for output laid out in lines: newline and tab kept, every other control escaped.
    public static func screen(_ text: String) -> String {
        escape(text, keepingLayout: true)
    }

    /// Whether `scalar` is shown escaped: C0 controls, DEL, C1 controls, the line and paragraph
    /// separators, and the invisible bidirectional formatting characters (which can make text read
    /// in another order than it is stored).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func escape(_ text: String, keepingLayout: Bool) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !needsEscape(scalar) || (keepingLayout && (scalar == "\n" || scalar == "\t")) {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(out)
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\0": return "\\0"
        default:
            let hex = String(scalar.value, radix: 16)
            if scalar.value <= 0xFF { return "\\x" + (hex.count == 1 ? "0" : "") + hex }
            return "\\u{" + hex.uppercased() + "}"
        }
    }
}
