import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// Script and markup payloads through every field a person types (case data, a note, a user name
/// shown in the header) come back as text: the page has no element the server did not write.
@Suite("sop serve: escaping")
struct EscapingTests {
    static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>", "</textarea><b>x</b>"]

    /// The tags of a page, in order (`<a`, `</a`, ...): a payload that escaped would add its own.
    static func tags(_ html: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            tags.append(String(rest.prefix { $0.isLetter || $0 == "/" || $0 == "!" }))
        }
        return tags
    }

    @Test("payloads in case data and notes render as text", arguments: payloads)
    func payloadsAreText(_ payload: String) async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        try await f.test { b in
            try await b.login("sari")
            let plain = try await RouteTests.openCase(b, name: "Anak Biasa")
            let plainPage = try await b.get("/kasus/\(plain)")
            try await b.get("/kasus/baru?sop=anak-jalanan")
            let r = try await b.post("/kasus/baru", [("sop", "anak-jalanan"), ("data.nama_anak", payload), ("data.putus_sekolah", "true"),
                                                   ("data.lokasi_penjangkauan", payload), ("data.penanggung_jawab", payload)])
            let location = try #require(r.headers[.location])
            let id = String(location.dropFirst("/kasus/".count).prefix { $0 != "?" })
            try await b.get("/kasus/\(id)")
            f.clock.advance(60)
            let token = try #require(b.csrfToken)
            try await b.post("/kasus/\(id)/tindakan", [("csrf", token), ("langkah", "perintah-spt"), ("peran", "kasi"), ("versi", "2"), ("catatan", payload)], csrf: false)
            let page = try await b.get("/kasus/\(id)")
            #expect(!page.text.contains(payload))
            #expect(page.text.contains(HTML.escape(payload)))
            // The same kinds of element as the page of a case without payloads: none added by one.
            #expect(Set(Self.tags(page.text)) == Set(Self.tags(plainPage.text)))
            #expect(Self.tags(page.text).filter { $0 == "textarea" }.count == Self.tags(page.text).filter { $0 == "/textarea" }.count)
            // A refused form shows the values typed, escaped.
            let bad = try await b.post("/kasus/baru", [("sop", "anak-jalanan"), ("data.lokasi_penjangkauan", payload), ("data.tanggal_lahir", payload)])
            #expect(!bad.text.contains(payload) && bad.text.contains(HTML.escape(payload)))
            let list = try await b.get("/kasus?q=" + Browser.encode(payload))
            #expect(!list.text.contains(payload))
        }
    }

    @Test("HTML.escape leaves no markup character and shows control characters as codes")
    func escape() {
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("a\u{1B}[31mb") == "a&#x1b;[31mb")
    }
}
