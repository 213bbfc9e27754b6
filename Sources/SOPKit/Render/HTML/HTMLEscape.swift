/// The one HTML escaper of the project: the printed document (``SOPDocumentHTML``) and the pages of
/// `sop serve` both write every value that did not come from their own code through it.
public enum HTMLEscape {
    /// `text` safe in element content and in quoted attribute values: `& < > " '` become entities,
    /// and control characters other than tab and newline (U+0000–U+001F, U+007F) become numeric
    /// references (`&#x1b;`), so a value cannot smuggle a raw escape sequence into a page or a log
    /// that copies it. Every other character is kept as it is.
    public static func text(_ text: String) -> String {
        // Most values (ids, names, dates) need nothing: return them as they are, without copying.
        // A byte test is exact: every character escaped is ASCII, and no byte of a multi-byte
        // UTF-8 sequence is below 0x80.
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "&#x\(String(scalar.value, radix: 16));"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether a UTF-8 byte is (the whole of) a character that ``text(_:)`` replaces.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F: true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"): false
        default: byte < 0x20
        }
    }
}
