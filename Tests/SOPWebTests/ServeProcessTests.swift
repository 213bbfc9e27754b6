import Foundation
import Testing
@testable import SOPJournal

/// The `sop serve` command itself, as an office runs it: two processes in front of one PostgreSQL
/// journal, and TLS. These start the built binary on free loopback ports and speak HTTP(S) to it
/// with curl.
@Suite("sop serve: the command (processes, TLS)", .serialized)
struct ServeProcessTests {
    static let environment = ProcessInfo.processInfo.environment
    static let postgresURL: String? = environment["SOP_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var binaryBuilt: Bool { FileManager.default.isExecutableFile(atPath: BrowserTests.binary.path) }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The case id in a `Location: /kasus/ID?...` header.
    static func caseID(_ r: Curl) throws -> String {
        let location = try #require(r.header("Location"))
        return String(location.dropFirst("/kasus/".count).prefix { $0 != "?" })
    }

    /// The case's version in its page's action form.
    static func version(_ page: String) -> String? {
        page.range(of: "name=\"versi\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) }
    }

    @Test("two sop serve processes on one PostgreSQL journal: a session of one works on the other, an action on one is seen on the other, and of two simultaneous actions one lands and the other is told to reload",
          .enabled(if: ServeProcessTests.postgresURL != nil && ServeProcessTests.binaryBuilt, "needs SOP_TEST_POSTGRES_URL and the built sop binary"))
    func twoProcessesOnePostgres() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = "t_serve_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try PostgresSession(url: try PostgresURL(try #require(Self.postgresURL)))
        try admin.execute("CREATE SCHEMA \(schema)")
        defer { try? admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        let base = try #require(Self.postgresURL)
        let db = base + (base.contains("?") ? "&" : "?") + "options=-c%20search_path%3D" + schema
        try ServeProcess.addUsers([("sari", "kasi"), ("dewi", "kasi"), ("budi", "petugas")], db: db)

        let a = try ServeProcess(db: db, folder: folder)
        defer { a.stop() }
        let b = try ServeProcess(db: db, folder: folder)
        defer { b.stop() }

        // Logged in on A, the same cookie is a session on B: sessions live in the journal.
        let sari = CurlBrowser(folder: folder, name: "sari")
        #expect(try sari.login(a, "sari").status == 303)
        let onB = try sari.get(b, "/tugas")
        #expect(onB.status == 200 && onB.text.contains("sari"), "B did not know A's session: \(onB.status)")
        #expect(try CurlBrowser(folder: folder, name: "anon").get(b, "/tugas").status == 303)

        // A case opened on B.
        try sari.get(b, "/kasus/baru?sop=anak-jalanan")
        let opened = try sari.post(b, "/kasus/baru", [("sop", "anak-jalanan"), ("data.nama_anak", "Dua Proses"), ("data.putus_sekolah", "true")])
        #expect(opened.status == 303)
        let id = try Self.caseID(opened)
        let dewi = CurlBrowser(folder: folder, name: "dewi")
        #expect(try dewi.login(a, "dewi").status == 303)

        // Two Kasi, Sari through B and Dewi through A, sign perintah-spt at once, each from a page
        // of the same version. Either sign-off alone is allowed (the step is berurutan, Kasi
        // first, so the Petugas's is not: racing the Petugas against the Kasi, the Petugas is
        // rightly refused as out of turn whenever the Kasi's has not landed yet, 422, which is
        // not the race this test is about). One lands; the other is told the case changed,
        // whichever check catches it (the page's version, the service's reload, or the append's
        // locked version); one event is recorded, not two.
        let shown = try #require(Self.version(try sari.get(b, "/kasus/\(id)").text))
        #expect(try Self.version(dewi.get(a, "/kasus/\(id)").text) == shown)
        let events = try countEvents(db: db, caseID: id)
        let box = StatusBox()
        let group = DispatchGroup()
        for (who, browser, server) in [("sari", sari, b), ("dewi", dewi, a)] {
            group.enter()
            DispatchQueue.global().async {
                let form = [("langkah", "perintah-spt"), ("peran", "kasi"), ("versi", shown), ("catatan", "oleh \(who)")]
                let response = try? browser.post(server, "/kasus/\(id)/tindakan", form)
                box.set(who, response?.status ?? 0, response.map { ServeProcessTests.error(in: $0.text) } ?? "")
                group.leave()
            }
        }
        group.wait()
        let results = box.all
        #expect(results.values.sorted() == [303, 409], "two simultaneous actions gave \(results) (\(box.errors))")
        #expect(try countEvents(db: db, caseID: id) == events + 1, "an action was recorded twice (or not at all)")

        // The one refused reloads, on the other process: the winner's sign-off is there; the
        // Petugas, next in order, acts there from that fresh page, and the first process shows it.
        let (loser, browser, winner) = results["sari"] == 409 ? ("sari", sari, "dewi") : ("dewi", dewi, "sari")
        let (other, same) = results["sari"] == 409 ? (a, b) : (b, a)
        let reloaded = try browser.get(other, "/kasus/\(id)")
        let fresh = try #require(Self.version(reloaded.text))
        #expect(fresh != shown)
        #expect(reloaded.text.contains("\(winner) (kasi)"), "\(loser) does not see \(winner)'s sign-off after reloading")
        let budi = CurlBrowser(folder: folder, name: "budi")
        #expect(try budi.login(other, "budi").status == 303)
        #expect(try Self.version(budi.get(other, "/kasus/\(id)").text) == fresh)
        let acted = try budi.post(other, "/kasus/\(id)/tindakan", [("langkah", "perintah-spt"), ("peran", "petugas"), ("versi", fresh), ("catatan", "oleh budi")])
        #expect(acted.status == 303, "after a reload: \(acted.status) \(Self.error(in: acted.text))")
        let seen = try browser.get(same, "/kasus/\(id)")
        #expect(seen.text.contains("budi (petugas)"), "the other process does not show the action in the timeline")
        #expect(try countEvents(db: db, caseID: id) > events + 1)
    }

    /// The error paragraph of a page, for a failure's message.
    static func error(in page: String) -> String {
        guard let start = page.range(of: "class=\"error\"") ?? page.range(of: "role=\"alert\"") else { return String(page.prefix(200)) }
        return String(page[start.upperBound...].prefix(300))
    }

    /// The events of a case, counted by a journal opened as a third process would.
    func countEvents(db: String, caseID: String) throws -> Int {
        try JournalBackend.open(db).loadCase(caseID).events.count
    }

    @Test("TLS: sop serve speaks HTTPS with the given certificate, the session cookie is Secure, plain HTTP to that port gets no page, and the SOP page's PDF is Chromium's",
          .enabled(if: ServeProcessTests.binaryBuilt, "needs the built sop binary"))
    func tls() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (cert, key) = try Self.certificate(in: folder, name: "server")
        let db = folder.appendingPathComponent("j.sqlite").path
        try ServeProcess.addUsers([("sari", "kasi")], db: db)
        let tls = ["--cacert", cert.path]
        let server = try ServeProcess(db: db, arguments: ["--tls-cert", cert.path, "--tls-key", key.path], scheme: "https", curlOptions: tls, folder: folder)
        defer { server.stop() }
        let sari = CurlBrowser(folder: folder, name: "sari", options: tls)
        let login = try sari.get(server, "/masuk")
        #expect(login.status == 200)
        let posted = try sari.post(server, "/masuk", [("nama", "sari"), ("sandi", WebFixture.password("sari"))])
        #expect(posted.status == 303)
        let session = try #require(posted.setCookies.first { $0.contains("sop_sesi=") })
        #expect(session.contains("Secure") && session.contains("HttpOnly") && session.contains("SameSite=Strict"), "\(session)")
        #expect(try sari.get(server, "/tugas").status == 200)
        // The same port without TLS: no HTTP answer.
        let plain = try Curl.run("http://127.0.0.1:\(server.port)/healthz")
        #expect(plain.status != 200 && plain.exitCode != 0, "plain HTTP got \(plain.status)")
        // The SOP page: the PDF Chromium prints, or the page says there is none.
        let sopPage = try sari.get(server, "/sop/anak-jalanan")
        #expect(sopPage.text.contains("<svg class=\"alur diagram\""))
        if sopPage.text.contains("id=\"unduh-pdf\"") {
            let pdf = try sari.get(server, "/sop/anak-jalanan/pdf")
            #expect(pdf.status == 200 && pdf.header("Content-Type") == "application/pdf")
            #expect(pdf.body.starts(with: Array("%PDF".utf8)), "not a PDF: \(pdf.text.prefix(200))")
        } else {
            #expect(sopPage.text.contains("id=\"pdf-tidak-ada\""))
        }
    }

    @Test("TLS misconfigured: a missing file is a usage error (64), a key of another certificate or a file that is not PEM stops the server with one line (1); a bad --trusted-proxy is a usage error",
          .enabled(if: ServeProcessTests.binaryBuilt, "needs the built sop binary"))
    func tlsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (cert, _) = try Self.certificate(in: folder, name: "one")
        let (_, otherKey) = try Self.certificate(in: folder, name: "two")
        let garbage = folder.appendingPathComponent("garbage.pem")
        try "not a certificate\n".write(to: garbage, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("j.sqlite").path
        let port = try ServeProcess.freePort()
        func serve(_ extra: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            // A server that starts despite the bad files is stopped after 20 s and fails the test.
            try ServeProcess.sop(["serve", "--db", db, "--sops", "sops", "--listen", "127.0.0.1:\(port)"] + extra, timeout: 20)
        }
        let missing = try serve(["--tls-cert", folder.appendingPathComponent("nope.pem").path, "--tls-key", otherKey.path])
        #expect(missing.status == 64 && missing.stderr.contains("nope.pem"), "\(missing)")
        let mismatched = try serve(["--tls-cert", cert.path, "--tls-key", otherKey.path, "--bahasa", "en"])
        #expect(mismatched.status == 1, "\(mismatched)")
        #expect(mismatched.stderr.contains("does not belong") && mismatched.stderr.split(separator: "\n").count == 1, "\(mismatched.stderr)")
        let notPEM = try serve(["--tls-cert", garbage.path, "--tls-key", otherKey.path])
        #expect(notPEM.status == 1 && notPEM.stderr.contains("garbage.pem") && notPEM.stderr.split(separator: "\n").count == 1, "\(notPEM)")
        for result in [missing, mismatched, notPEM] {
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("BEGIN"))
        }
        let proxy = try serve(["--trusted-proxy", "nginx.local"])
        #expect(proxy.status == 64 && proxy.stderr.contains("trusted-proxy"), "\(proxy)")
    }

    @Test("--bahasa en: the pages are English (login, its refusal, the worklist, an engine refusal, html lang); without it they are Indonesian, even when SOP_BAHASA=en speaks for the terminal",
          .enabled(if: ServeProcessTests.binaryBuilt, "needs the built sop binary"))
    func bahasa() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("j.sqlite").path
        try ServeProcess.addUsers([("sari", "kasi")], db: db)
        let english = try ServeProcess(db: db, arguments: ["--bahasa", "en"], folder: folder)
        defer { english.stop() }
        // The terminal's language is not the office's: SOP_BAHASA=en leaves the pages Indonesian.
        let indonesian = try ServeProcess(db: db, environment: ["SOP_BAHASA": "en"], folder: folder)
        defer { indonesian.stop() }
        for (server, lang, login, password, wrong, tasks, done) in [
            (english, "en", "Log in", "Password", "Wrong user name or password.", "My tasks", "Refused: kasi has already done their part"),
            (indonesian, "id", "Masuk", "Kata sandi", "Nama pengguna atau kata sandi salah.", "Tugas saya", "Ditolak: kasi sudah menyelesaikan bagiannya"),
        ] {
            let sari = CurlBrowser(folder: folder, name: "sari-\(lang)")
            let page = try sari.get(server, "/masuk")
            #expect(page.status == 200)
            #expect(page.text.contains("<html lang=\"\(lang)\">"), "\(lang): \(page.text.prefix(120))")
            #expect(page.text.contains("<title>\(login) ·") && page.text.contains(">\(password)<"), "\(lang): \(page.text)")
            let refused = try sari.post(server, "/masuk", [("nama", "sari"), ("sandi", "salah-sekali")])
            #expect(refused.text.contains(wrong), "\(lang): \(Self.error(in: refused.text))")
            #expect(try sari.login(server, "sari").status == 303)
            let worklist = try sari.get(server, "/tugas")
            #expect(worklist.status == 200 && worklist.text.contains(tasks), "\(lang): \(worklist.text.prefix(400))")
            // The engine's refusal too (a second sign-off by the Kasi), not the terminal's English.
            try sari.get(server, "/kasus/baru?sop=anak-jalanan")
            let id = try Self.caseID(try sari.post(server, "/kasus/baru", [("sop", "anak-jalanan"), ("data.nama_anak", "Bahasa \(lang)"), ("data.putus_sekolah", "true")]))
            for expected in [303, 422] {
                let version = try #require(Self.version(try sari.get(server, "/kasus/\(id)").text))
                let signed = try sari.post(server, "/kasus/\(id)/tindakan", [("langkah", "perintah-spt"), ("peran", "kasi"), ("versi", version)])
                #expect(signed.status == expected, "\(lang): \(signed.status) \(Self.error(in: signed.text))")
                if expected == 422 { #expect(signed.text.contains(done), "\(lang): \(Self.error(in: signed.text))") }
            }
        }
    }

    /// A self-signed certificate for 127.0.0.1 and its key, made with openssl.
    static func certificate(in folder: URL, name: String) throws -> (URL, URL) {
        let cert = folder.appendingPathComponent("\(name)-cert.pem"), key = folder.appendingPathComponent("\(name)-key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", cert.path, "-days", "2",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl could not make a certificate")
        return (cert, key)
    }
}

/// The statuses of requests made on other threads, by who made them.
final class StatusBox: @unchecked Sendable {
    private var statuses: [String: Int] = [:]
    private var texts: [String: String] = [:]
    private let lock = NSLock()
    func set(_ who: String, _ status: Int, _ text: String = "") { lock.withLock { statuses[who] = status; texts[who] = text } }
    var all: [String: Int] { lock.withLock { statuses } }
    /// What each page said, for a failure's message.
    var errors: [String: String] { lock.withLock { texts } }
}
