import Testing
@testable import SOPKit

/// The one HTML escaper (``HTMLEscape``), shared by the printed document and the pages of `sop serve`.
@Suite("HTML escaper")
struct HTMLEscapeTests {
    @Test("the five significant characters become entities; tab, newline and every other character stay")
    func significant() {
        #expect(HTMLEscape.text(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLEscape.text("Dinas Sosial\tKota\nBandung · ñ 😀") == "Dinas Sosial\tKota\nBandung · ñ 😀")
        #expect(HTMLEscape.text("") == "")
    }

    @Test("control characters other than tab and newline become numeric references")
    func controls() {
        #expect(HTMLEscape.text("a\u{1B}[31mb") == "a&#x1b;[31mb")
        #expect(HTMLEscape.text("\u{0}\u{7}\r\u{7F}") == "&#x0;&#x7;&#xd;&#x7f;")
        for value in 0..<0x20 where value != 0x09 && value != 0x0A {
            let escaped = HTMLEscape.text(String(UnicodeScalar(UInt8(value))))
            #expect(escaped.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "U+\(value) came through raw")
        }
    }

    @Test("every ASCII character, alone and between other text (the fast path that returns text needing nothing as it is), escapes as its entity or stays")
    func everyASCII() {
        func expected(_ scalar: Unicode.Scalar) -> String {
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            case "\t", "\n": String(scalar)
            default: scalar.value < 0x20 || scalar.value == 0x7F ? "&#x\(String(scalar.value, radix: 16));" : String(scalar)
            }
        }
        for value in UInt8(0)...UInt8(0x7F) {
            let scalar = Unicode.Scalar(value)
            #expect(HTMLEscape.text(String(scalar)) == expected(scalar), "U+\(value)")
            #expect(HTMLEscape.text("Budi ñ\(String(scalar))😀") == "Budi ñ\(expected(scalar))😀", "U+\(value) between other text")
        }
    }

    @Test("the printed document escapes a control character in the SOP's text, and the web frame uses the same escaper")
    func documentUsesIt() throws {
        var sop = try DocumentSamples.loadShipped("anak-jalanan.yaml")
        let plain = SOPDocumentHTML().render(sop)
        sop.nama += "\u{1B}[2J"
        let html = SOPDocumentHTML().render(sop)
        #expect(!html.unicodeScalars.contains("\u{1B}"))
        #expect(html.contains("&#x1b;[2J"))
        #expect(plain.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" })
    }
}
