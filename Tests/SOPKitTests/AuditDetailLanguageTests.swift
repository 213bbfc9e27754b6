import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Audit details are kept as catalogue messages (issue 16): `sop audit` shows an opening, an
/// action, a refusal and a read with a count in the reader's language, `--format json` in
/// English for programs, and a detail written before this change as it was stored.
@Suite("Audit details in the reader's language")
struct AuditDetailLanguageTests {
    @Test("a stored message reads back the same in both languages, every kind of argument; other text is shown as stored")
    func storedMessageRoundTrip() throws {
        let inner = AuditMessages.roleNotHeld(["user": "sari", "role": "kadis"])
        let message = AuditMessages.sessionRefused([
            "step": .text("support-group \"x\" {a}"),
            "cases": .list([.text("AJ-0001"), .number(1234), .decimal(1.25, places: 2), .date(try #require(CalendarDate(iso: "2026-12-31")))]),
            "why": .joined([.message(inner), .message(AuditMessages.notPinned())], by: EngineMessages.semicolon()),
        ])
        let stored = message.stored
        #expect(stored == message.stored, "the same message is always the same text (the audit chain hashes it)")
        #expect(stored.hasPrefix("{\"a\":{"), "\(stored)")
        let back = try #require(StoredMessage.decode(stored), "\(stored)")
        for bahasa in [Bahasa.id, .en] {
            #expect(back.text(in: bahasa) == message.text(in: bahasa))
            #expect(StoredMessage.text(stored, in: bahasa) == message.text(in: bahasa))
        }
        #expect(StoredMessage.text(stored, in: .id).contains("1.234") && StoredMessage.text(stored, in: .en).contains("1234"))
        #expect(StoredMessage.text(AuditMessages.loginWrong().stored, in: .id) == "nama atau kata sandi salah, atau akunnya dinonaktifkan")
        // Text written before details were messages, text that is not a message, a key this version does not know.
        for old in ["3 case(s)", "{ditulis tangan", "{\"m\":\"NoSuchMessages.gone\"}", "{\"m\":\"AuditMessages.cases\",\"a\":{\"count\":true}}", ""] {
            #expect(StoredMessage.text(old, in: .id) == old)
        }
    }

    @Test("sop audit shows an opening, an action, a refusal, reads with counts and an old detail in the language asked",
          arguments: Backend.enabled)
    func auditInBothLanguages(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        func sop(_ arguments: [String], stdin: String? = nil) throws -> CLIResult {
            try CLI.run(arguments + ["--db", db.location], stdin: stdin)
        }
        let opened = try sop(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--at", "2025-01-06T08:00"])
        try #require(opened.status == 0, "\(opened.stderr)")
        let done = try sop(["case", "do", "AJ-0001", "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05"])
        try #require(done.status == 0, "\(done.stderr)")
        let refusedID = try sop(["case", "do", "AJ-0001", "disposisi-spt", "--as", "kadis", "--at", "2025-01-06T08:06", "--bahasa", "id"])
        let refusedEN = try sop(["case", "do", "AJ-0001", "disposisi-spt", "--as", "kadis", "--at", "2025-01-06T08:06", "--bahasa", "en"])
        try #require(refusedID.status == 1 && refusedEN.status == 1, "\(refusedID.stderr)")
        #expect(try sop(["case", "list"]).status == 0)
        let added = try sop(["user", "add", "sari", "--role", "kasi", "--sops", "sops"], stdin: "rahasia-kantor-123\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try sop(["user", "list"]).status == 0)
        // An entry written before details were messages keeps its English text.
        try db.open().recordAudit(AuditEntry(at: Date(), actor: "lama", role: nil, action: "report", caseID: nil, detail: "2 case(s) of anak-jalanan"))

        let id = try sop(["audit", "--bahasa", "id"]), en = try sop(["audit", "--bahasa", "en"])
        try #require(id.status == 0 && en.status == 0, "\(id.stderr) \(en.stderr)")
        func line(_ output: String, _ action: String, _ occurrence: Int = 0) -> String {
            output.split(separator: "\n").map(String.init).filter { $0.contains("  \(action)") }.dropFirst(occurrence).first ?? ""
        }
        #expect(line(id.stdout, "case open AJ-0001").contains(": dibuka pada anak-jalanan (definisi "), "\(id.stdout)")
        #expect(line(en.stdout, "case open AJ-0001").contains(": opened on anak-jalanan (definition "), "\(en.stdout)")
        #expect(line(id.stdout, "case do AJ-0001").hasSuffix("case do AJ-0001: perintah-spt"), "\(id.stdout)")
        // The refusal: the engine's own message, as the command printed it, in each language.
        let whyID = refusedID.stderr.replacingOccurrences(of: "sop: ", with: "").trimmingCharacters(in: .newlines)
        let whyEN = refusedEN.stderr.replacingOccurrences(of: "sop: ", with: "").trimmingCharacters(in: .newlines)
        #expect(line(id.stdout, "case do refused AJ-0001").hasSuffix("case do refused AJ-0001: disposisi-spt: \(whyID)"), "\(id.stdout)\n\(whyID)")
        #expect(line(en.stdout, "case do refused AJ-0001").hasSuffix("case do refused AJ-0001: disposisi-spt: \(whyEN)"), "\(en.stdout)\n\(whyEN)")
        #expect(line(id.stdout, "case list").hasSuffix("case list: 1 kasus"), "\(id.stdout)")
        #expect(line(en.stdout, "case list").hasSuffix("case list: 1 case(s)"), "\(en.stdout)")
        #expect(line(id.stdout, "user add").hasSuffix("user add: sari: peran kasi"), "\(id.stdout)")
        #expect(line(id.stdout, "user list").hasSuffix("user list: 1 pengguna"), "\(id.stdout)")
        #expect(line(en.stdout, "user list").hasSuffix("user list: 1 user(s)"), "\(en.stdout)")
        #expect(line(id.stdout, "report").hasSuffix("report: 2 case(s) of anak-jalanan"), "\(id.stdout)")
        #expect(!id.stdout.contains("opened on") && !id.stdout.contains("has not started") && !id.stdout.contains("\"m\""), "\(id.stdout)")

        // For programs: the detail in English, the old one as stored.
        let json = try sop(["audit", "--format", "json", "--bahasa", "id"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let details = rows.compactMap { $0["detail"] as? String }
        #expect(details.contains("1 case(s)") && details.contains("2 case(s) of anak-jalanan") && details.contains("1 user(s)"), "\(details)")
        #expect(details.contains("disposisi-spt: \(whyEN)"), "\(details)")
    }
}
