import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// Every page and action of `sop serve` through Hummingbird's router test client: logins and
/// sessions, CSRF, the security headers, and the case pages with their refusals.
@Suite("sop serve: routes")
struct RouteTests {
    /// Opens a case of the reference SOP through the form, as `user`; returns its id.
    static func openCase(_ browser: Browser, name: String = "Budi") async throws -> String {
        try await browser.get("/kasus/baru?sop=anak-jalanan")
        let response = try await browser.post("/kasus/baru", [("sop", "anak-jalanan"), ("data.nama_anak", name), ("data.putus_sekolah", "true")])
        #expect(response.status == .seeOther)
        let location = try #require(response.headers[.location])
        return String(location.dropFirst("/kasus/".count).prefix { $0 != "?" })
    }

    /// Acts on the case's first active step as the browser's user, from the case page's own form.
    static func act(_ browser: Browser, _ id: String, role: String, step: String? = nil, version: Int? = nil) async throws -> TestResponse {
        try await browser.get("/kasus/\(id)")
        let page = browser.lastBody
        let shownStep = page.range(of: "name=\"langkah\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
        let shownVersion = page.range(of: "name=\"versi\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) } ?? "0"
        return try await browser.post("/kasus/\(id)/tindakan", [("langkah", step ?? shownStep), ("peran", role), ("versi", version.map(String.init) ?? shownVersion)])
    }

    @Test("/healthz answers without a session; every response carries the security headers")
    func healthAndHeaders() async throws {
        let f = try WebFixture(users: [])
        try await f.test { b in
            let health = try await b.get("/healthz")
            #expect(health.status == .ok && health.text == "ok\n")
            for uri in ["/healthz", "/masuk", "/gaya.css", "/tidak-ada"] {
                let r = try await b.get(uri)
                let csp = try #require(r.headers[.contentSecurityPolicy])
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(r.headers[.init("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test("every page but the login page needs a session", arguments: ["/", "/tugas", "/kasus", "/kasus/baru", "/kasus/AJ-0001"])
    func pagesNeedLogin(_ uri: String) async throws {
        let f = try WebFixture(users: [])
        try await f.test { b in
            let r = try await b.get(uri)
            #expect(r.status == .seeOther && r.headers[.location] == "/masuk")
        }
    }

    @Test("a wrong password and an unknown name get the same answer; a good login makes a server-side session with a strict cookie")
    func login() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        try await f.test { b in
            let wrong = try await b.login("sari", password: "salah-sekali-123")
            let unknown = try await b.login("siapa", password: "salah-sekali-123")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.text.contains(HTML.escape(PageText.loginFailed)) && unknown.text.contains(HTML.escape(PageText.loginFailed)))
            #expect(!wrong.text.contains("sari") || wrong.text == unknown.text.replacingOccurrences(of: "siapa", with: "sari"))
            let good = try await b.login("sari")
            #expect(good.status == .seeOther && good.headers[.location] == "/tugas")
            let cookie = try #require(good.headers[values: .setCookie].first { $0.hasPrefix(SessionPolicy.cookieName + "=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            let token = try #require(b.cookies[SessionPolicy.cookieName])
            // The journal holds the token's hash, never the token.
            #expect(try f.store.accounts.session(tokenHash: SessionPolicy.hash(token))?.user == "sari")
            #expect(try f.store.accounts.session(tokenHash: token) == nil)
            #expect(try await b.get("/tugas").status == .ok)
            // Audited as the user, and no password anywhere in the audit trail.
            let audit = try f.store.audit(caseID: nil)
            #expect(audit.contains { $0.actor == "sari" && $0.action == "web login" })
            #expect(audit.contains { $0.action == "web login refused" })
            #expect(!audit.contains { ($0.detail ?? "").contains("salah-sekali") })
            // Details are catalogue messages, read in either language (issue 16).
            let refusal = try #require(audit.first { $0.action == "web login refused" }?.detail)
            #expect(StoredMessage.text(refusal, in: .id) == "nama atau kata sandi salah, atau akunnya dinonaktifkan")
            #expect(StoredMessage.text(refusal, in: .en) == "wrong name or password, or a disabled account")
            let tasks = try #require(audit.first { $0.action == "web tugas" }?.detail)
            #expect(StoredMessage.text(tasks, in: .id) == "0 tugas" && StoredMessage.text(tasks, in: .en) == "0 task(s)", "\(tasks)")
        }
    }

    @Test("the login form without its token is refused")
    func loginCSRF() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        try await f.test { b in
            let r = try await b.post("/masuk", [("nama", "sari"), ("sandi", WebFixture.password("sari"))], csrf: false)
            #expect(r.status == .forbidden && b.cookies[SessionPolicy.cookieName] == nil)
        }
    }

    @Test("failed logins are throttled per account: past the limit even the right password is refused")
    func throttle() async throws {
        let f = try WebFixture(throttle: LoginThrottle(window: 900, perAccount: 3, perAddress: 100), users: [("sari", ["kasi"])])
        try await f.test { b in
            for _ in 0..<3 { try await b.login("sari", password: "salah-sekali-123") }
            let blocked = try await b.login("sari")
            #expect(blocked.status == .tooManyRequests && blocked.text.contains(HTML.escape(PageText.loginThrottled)))
            f.clock.advance(901)
            #expect(try await b.login("sari").status == .seeOther)
        }
    }

    @Test("logout ends the session on the server; an idle or too old session ends too")
    func sessionsEnd() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"])])
        try await f.test { b in
            try await b.login("sari")
            let token = try #require(b.cookies[SessionPolicy.cookieName])
            try await b.get("/tugas")
            #expect(try await b.post("/keluar", []).status == .seeOther)
            b.cookies[SessionPolicy.cookieName] = token  // a copied cookie
            #expect(try await b.get("/tugas").headers[.location] == "/masuk")

            try await b.login("sari")
            f.clock.advance(f.server.policy.idleLimit + 1)
            #expect(try await b.get("/tugas").headers[.location] == "/masuk")

            try await b.login("sari")
            for _ in 0..<Int(f.server.policy.absoluteLimit / 1500) + 1 {
                f.clock.advance(1500)
                try await b.get("/healthz")
                _ = try await b.get("/kasus")
            }
            #expect(try await b.get("/tugas").headers[.location] == "/masuk")
        }
    }

    @Test("a form posted without the session's CSRF token is refused and records nothing")
    func csrf() async throws {
        let f = try WebFixture()
        try await f.test { b in
            try await b.login("sari")
            let id = try await Self.openCase(b)
            let before = try f.store.loadCase(id).events.count
            let r = try await b.post("/kasus/\(id)/tindakan", [("langkah", "perintah-spt"), ("peran", "kasi"), ("versi", "\(before)")], csrf: false)
            #expect(r.status == .forbidden && r.text.contains(HTML.escape(PageText.csrfRefused)))
            #expect(try f.store.loadCase(id).events.count == before)
            let open = try await b.post("/kasus/baru", [("sop", "anak-jalanan"), ("data.nama_anak", "X"), ("data.putus_sekolah", "true")], csrf: false)
            #expect(open.status == .forbidden)
            #expect(try f.store.cases(sopID: nil, status: nil).count == 1)
            #expect(try await b.post("/keluar", [], csrf: false).status == .forbidden)
        }
    }

    @Test("Kasus baru: the form follows data_kasus; the validator's messages stand beside their fields and nothing is recorded")
    func newCaseForm() async throws {
        let f = try WebFixture()
        try await f.test { b in
            try await b.login("sari")
            let list = try await b.get("/kasus/baru")
            #expect(list.text.contains("/kasus/baru?sop=anak-jalanan"))
            let form = try await b.get("/kasus/baru?sop=anak-jalanan")
            #expect(form.text.contains("name=\"data.nama_anak\"") && form.text.contains("type=\"date\" id=\"data.tanggal_lahir\""))
            #expect(form.text.contains("<option value=\"perempuan\">"))
            let bad = try await b.post("/kasus/baru", [("sop", "anak-jalanan"), ("data.putus_sekolah", "true"), ("data.tanggal_lahir", "2999-01-01")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("id=\"err-nama_anak\"") && bad.text.contains("id=\"err-tanggal_lahir\""))
            #expect(try f.store.cases(sopID: nil, status: nil).isEmpty)
            let id = try await Self.openCase(b)
            let page = try await b.get("/kasus/\(id)?baru=1")
            #expect(page.status == .ok && page.text.contains("Budi") && page.text.contains(HTML.escape(PageText.caseOpened(id))))
            #expect(try f.store.audit(caseID: id).first?.actor == "sari")
        }
    }

    @Test("a case: the Kasi acts, the Petugas sees the task and acts; the Kadis cannot act before the Kabid, with the engine's reason")
    func caseFlow() async throws {
        let f = try WebFixture()
        try await f.test { b in
            try await b.login("sari")
            let id = try await Self.openCase(b)
            #expect(try await b.get("/tugas").text.contains("/kasus/\(id)"))
            f.clock.advance(60)
            let acted = try await Self.act(b, id, role: "kasi")
            #expect(acted.status == .seeOther && acted.headers[.location] == "/kasus/\(id)?ok=1")
            #expect(try await b.get("/kasus/\(id)?ok=1").text.contains(PageText.recorded))
            try await b.post("/keluar", [])

            try await b.login("budi")
            let tasks = try await b.get("/tugas")
            #expect(tasks.text.contains("/kasus/\(id)"))
            f.clock.advance(60)
            #expect(try await Self.act(b, id, role: "petugas").status == .seeOther)
            try await b.post("/keluar", [])

            try await b.login("dewi")
            f.clock.advance(60)
            let early = try await Self.act(b, id, role: "kadis")
            #expect(early.status == .unprocessableContent, "\(early.text)")
            #expect(early.text.contains("Ditolak:") && early.text.contains("kabid"))
            try await b.post("/keluar", [])

            // A role the user does not hold is refused before the engine is asked.
            try await b.login("budi")
            let notMine = try await Self.act(b, id, role: "kabid")
            #expect(notMine.status == .forbidden)

            let audit = try f.store.audit(caseID: id)
            #expect(audit.contains { $0.actor == "sari" && $0.action == "case do" && $0.role == "kasi" })
            #expect(audit.contains { $0.actor == "budi" && $0.action == "case do" && $0.role == "petugas" })
            #expect(audit.contains { $0.actor == "dewi" && $0.action == "case do refused" && $0.role == "kadis" })
            #expect(audit.contains { $0.actor == "budi" && $0.action == "case show" })
        }
    }

    @Test("two users act on the same case at once: one lands, the other is told the case changed, and nothing is recorded twice")
    func concurrentAction() async throws {
        let f = try WebFixture(users: [("sari", ["kasi"]), ("sari2", ["kasi"])])
        try await f.test { b in
            try await b.login("sari")
            let id = try await Self.openCase(b)
            try await b.get("/kasus/\(id)")
            let staleToken = try #require(b.csrfToken)
            let version = try f.store.loadCase(id).events.count
            f.clock.advance(60)
            #expect(try await Self.act(b, id, role: "kasi").status == .seeOther)
            let after = try f.store.loadCase(id).events.count
            let r = try await b.post("/kasus/\(id)/tindakan", [("csrf", staleToken), ("langkah", "perintah-spt"), ("peran", "kasi"), ("versi", "\(version)")], csrf: false)
            #expect(r.status == .conflict && r.text.contains(HTML.escape(PageText.caseChanged)))
            #expect(try f.store.loadCase(id).events.count == after)
        }
    }

    @Test("sensitive case data is shown only to holders of a role of the case's SOP")
    func sensitiveMasked() async throws {
        let f = try WebFixture()
        try await f.test { b in
            try await b.login("sari")
            let id = try await Self.openCase(b, name: "Rahasia Anak")
            #expect(try await b.get("/kasus/\(id)").text.contains("Rahasia Anak"))
            try await b.post("/keluar", [])
            try await b.login("tamu")
            let page = try await b.get("/kasus/\(id)")
            #expect(page.status == .ok && !page.text.contains("Rahasia Anak") && page.text.contains(PageText.masked))
            #expect(!page.text.contains("name=\"peran\""))
        }
    }

    @Test("the case list filters by SOP, status and overdue, and searches by id")
    func caseList() async throws {
        let f = try WebFixture()
        try await f.test { b in
            try await b.login("sari")
            let id = try await Self.openCase(b)
            #expect(try await b.get("/kasus").text.contains(">\(id)</a>"))
            #expect(try await b.get("/kasus?sop=anak-jalanan&status=open").text.contains(">\(id)</a>"))
            #expect(!(try await b.get("/kasus?status=completed").text.contains(">\(id)</a>")))
            #expect(!(try await b.get("/kasus?terlambat=1").text.contains(">\(id)</a>")))
            f.clock.advance(3 * 86_400)
            try await b.login("sari")  // the session ended while idle
            #expect(try await b.get("/kasus?terlambat=1").text.contains(">\(id)</a>"))
            #expect(!(try await b.get("/kasus?q=zzz").text.contains(">\(id)</a>")))
            #expect(try await b.get("/tugas").text.contains("class=\"overdue\""))
            #expect(!(try await b.get("/tugas").text.contains("tugas lagi")))
            #expect(try await b.get("/kasus/AJ-9999").status == .notFound)
        }
    }
}
