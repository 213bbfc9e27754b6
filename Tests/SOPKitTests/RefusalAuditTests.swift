import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// Refused commands are audited (issue 12 finding 5): each refusal that names a case or a
/// journal action leaves an audit row with its reason; the audit keeps the operating-system login
/// beside the name claimed with `--user` (and, on PostgreSQL, the role connected as: issue 20
/// finding 9). End to end, on each back end.
@Suite("Refused commands in the audit trail")
struct RefusalAuditTests {
    private func sop(_ arguments: [String], user: String? = "siti", db: TestDatabase) throws -> CLIResult {
        try CLI.run(arguments + ["--db", db.location] + (user.map { ["--user", $0] } ?? []))
    }

    private func entries(_ db: TestDatabase) throws -> [[String: Any]] {
        let r = try sop(["audit", "--format", "json"], db: db)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    @Test("every refused command is audited with its reason, the login and the claimed name side by side", arguments: Backend.enabled)
    func refusalsAudited(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let opened = try sop(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                              "--at", "2025-01-06T08:00", "--key", "k-open"], db: db)
        try #require(opened.status == 0, "\(opened.stderr)")
        // Refused by the SOP or the journal: exit 1; bad case data and a reused key are usage errors
        // naming their option (exit 64). Every one is audited.
        let refused: [([String], String)] = [
            (["case", "do", "AJ-0001", "disposisi-spt", "--as", "kabid", "--at", "2025-01-06T08:05"], "case do refused"),
            (["case", "do", "AJ-0001", "perintah-spt", "--as", "lurah", "--at", "2025-01-06T08:05"], "case do refused"),
            (["case", "do", "AJ-0099", "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05"], "case do refused"),
            (["case", "show", "AJ-0099"], "case show refused"),
            (["session", "record", "sops/anak-jalanan.yaml", "support-group", "--at", "2025-01-20T09:00", "--case", "AJ-0001"], "session record refused"),
            (["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--at", "2025-01-06T08:00"], "case open refused"),
            (["case", "do", "AJ-0001", "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05", "--key", "k-open"], "case do refused"),
        ]
        for (arguments, _) in refused {
            let r = try sop(arguments, user: "mallory", db: db)
            let usage = arguments.contains("k-open") || arguments == refused[5].0
            #expect(r.status == (usage ? 64 : 1), "\(arguments): \(r.status) \(r.stderr)")
        }
        let audit = try entries(db)
        let refusals = audit.filter { ($0["action"] as? String ?? "").hasSuffix("refused") }
        #expect(refusals.map { $0["action"] as? String ?? "" } == refused.map(\.1), "\(audit.map { $0["action"] ?? "" })")
        try #require(refusals.count == refused.count)
        let login = OperatingSystemLogin.name
        for row in refusals {
            #expect(row["claimed_user"] as? String == "mallory")
            #expect(row["login"] as? String == login)
            #expect(!(row["detail"] as? String ?? "").isEmpty)
        }
        #expect(refusals[2]["case"] as? String == "AJ-0099")
        #expect((refusals[6]["detail"] as? String ?? "").contains("already used for another command"))
        // The audit shows them to a person, with the login beside the claimed name.
        let text = try sop(["audit"], db: db)
        #expect(text.stdout.contains("mallory [login \(login)"), "\(text.stdout)")
        // The chain still holds.
        #expect(JournalVerification.verify(try db.open().chainRows()).firstBreak == nil)
    }

    @Test("without --user the login is the actor; $USER does not change it; PostgreSQL records the role connected as", arguments: Backend.enabled)
    func loginNotEnvironment(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let r = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--db", db.location],
                            environment: ["USER": "pretender", "LOGNAME": "pretender"])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(try entries(db).first)
        #expect(row["actor"] as? String == OperatingSystemLogin.name)
        #expect(row["login"] as? String == OperatingSystemLogin.name)
        #expect(row["claimed_user"] is NSNull)
        if backend == .postgres {
            let role = try PostgresURL(db.location).user
            #expect(row["database_role"] as? String == role)
        } else {
            #expect(row["database_role"] is NSNull)
        }
    }
}
