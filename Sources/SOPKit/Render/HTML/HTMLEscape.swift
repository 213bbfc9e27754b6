/// The one HTML escaper of the project: the printed document (``SOPDocumentHTML``) and the pages of
/// `sop serve` both write every value that did not come from their own code through it.
public enum HTMLEscape {
    /// `text` safe in element content and in quoted attribute values: `& < > " '` become entities,
    /// and control characters other than tab and newline (U+0000–U+001F, U+007F) become numeric
    /// references (`&#x1b;`), so a value cannot smuggle a raw escape sequence into a page or a log
    /// that copies it. Every other character is kept as it is.
    public static func text(_ text: String) -> String {
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
}
