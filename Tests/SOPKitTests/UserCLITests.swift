import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// `sop user` and `sop journal rebuild` end to end, on each back end.
@Suite("sop user, sop journal rebuild")
struct UserCLITests {
    @Test("users are added with a password from standard input, never an option; bad names, roles and passwords are refused in our words",
          arguments: Backend.enabled)
    func users(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let secret = "rahasia-kantor-123"
        let added = try CLI.run(["user", "add", "sari", "--role", "Kasie", "--role", "peksos", "--sops", "sops", "--db", db.location], stdin: secret + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("user sari added: roles kasi, peksos"))
        let listed = try CLI.run(["user", "list", "--db", db.location])
        #expect(listed.stdout.contains("sari  roles kasi, peksos  SOPs all"))
        // Stored as a bcrypt hash of cost 12, never the password.
        let user = try #require(try db.open().accounts.user(named: "sari"))
        #expect(user.passwordHash.hasPrefix("$2b$12$") || user.passwordHash.hasPrefix("$2a$12$") || user.passwordHash.hasPrefix("$2y$12$"))
        #expect(!user.passwordHash.contains(secret))

        let again = try CLI.run(["user", "add", "sari", "--role", "kasi", "--sops", "sops", "--db", db.location], stdin: secret + "\n")
        #expect(again.status == 64 && again.stderr.contains("the user 'sari' exists already"))
        let badRole = try CLI.run(["user", "add", "budi", "--role", "kassi", "--sops", "sops", "--db", db.location], stdin: secret + "\n")
        #expect(badRole.status == 64 && badRole.stderr.contains("'kassi' is not a performer of any known SOP; did you mean 'kasi'?"))
        let short = try CLI.run(["user", "add", "budi", "--role", "kasi", "--sops", "sops", "--db", db.location], stdin: "pendek\n")
        #expect(short.status == 64 && short.stderr.contains("too short") && !short.stderr.contains("pendek"))
        let badName = try CLI.run(["user", "add", "bu di<", "--role", "kasi", "--sops", "sops", "--db", db.location], stdin: secret + "\n")
        #expect(badName.status == 64 && badName.stderr.contains("a user name holds only letters"))
        let noOption = try CLI.run(["user", "add", "budi", "--role", "kasi", "--password", secret, "--db", db.location])
        #expect(noOption.status == 64)
        #expect(!noOption.stderr.contains(secret), "\(noOption.stderr)")

        #expect(try CLI.run(["user", "passwd", "sari", "--db", db.location], stdin: "kata-sandi-baru-1\n").status == 0)
        #expect(try CLI.run(["user", "disable", "sari", "--db", db.location]).status == 0)
        #expect(try CLI.run(["user", "list", "--db", db.location]).stdout.contains("DISABLED"))
        let missing = try CLI.run(["user", "disable", "nobody", "--db", db.location])
        #expect(missing.status == 64 && missing.stderr.contains("there is no user 'nobody'"))
        let audit = try CLI.run(["audit", "--db", db.location]).stdout
        for action in ["user add", "user list", "user passwd", "user disable"] { #expect(audit.contains(action)) }
        #expect(!audit.contains(secret) && !audit.contains("kata-sandi-baru"))
    }

    @Test("sop journal rebuild makes the read model again from the events", arguments: Backend.enabled)
    func rebuild(_ backend: Backend) throws {
        let db = try TestDatabase(backend)
        defer { db.remove() }
        let opened = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                                  "--at", "2025-01-06T08:00", "--db", db.location])
        #expect(opened.status == 0, "\(opened.stderr)")
        try db.execute("DELETE FROM case_awaiting")
        try db.execute("DELETE FROM case_state")
        #expect(try db.count("SELECT COUNT(*) FROM case_state") == 0)
        // Still listed (folded by the reader) before the rebuild.
        #expect(try CLI.run(["case", "list", "--db", db.location]).stdout.contains("AJ-0001"))
        let rebuilt = try CLI.run(["journal", "rebuild", "--db", db.location])
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("1 case(s) rebuilt"), "\(rebuilt.stderr)")
        #expect(try db.count("SELECT COUNT(*) FROM case_state") == 1)
        #expect(try CLI.run(["tasks", "--as", "kasi", "--db", db.location]).stdout.contains("AJ-0001"))
    }
}
