import Foundation
import Testing
@testable import SOPJournal

/// What needs no server: passwords never shown, and a mistyped URL not taken for a file name.
@Suite("PostgreSQL URLs in messages")
struct PostgresURLTests {
    @Test("a password is hidden even when it holds /, ?, # or @, and every password= parameter is hidden",
          arguments: ["s3cr/et", "s3cr?et", "s3cr#et", "s3cr@et", "plain"])
    func hidden(_ password: String) {
        let shown = PostgresURL.hidingPassword("postgres://sop:\(password)@db.example:5432/sop?sslmode=require")
        #expect(!shown.contains("s3cr") && !shown.contains("plain"), "\(shown)")
        #expect(shown.hasPrefix("postgres://sop:***@"), "\(shown)")
        #expect(shown.hasSuffix("db.example:5432/sop?sslmode=require"), "\(shown)")
    }

    @Test("password= parameters are all hidden; a URL without a password is unchanged")
    func parameters() {
        let shown = PostgresURL.hidingPassword("postgres://db/sop?password=one&sslmode=require&PASSWORD=two")
        #expect(shown == "postgres://db/sop?password=***&sslmode=require&PASSWORD=***")
        #expect(PostgresURL.hidingPassword("postgres://sop@db:5432/sop") == "postgres://sop@db:5432/sop")
    }

    @Test("a mistyped scheme is refused with the password hidden, and no file is created")
    func mistypedScheme() {
        do {
            _ = try JournalBackend.open("postgress://sop:hunter2@db.example/sop")
            Issue.record("a mistyped URL opened a journal")
        } catch {
            #expect(error.description.contains("looks like a URL, but only postgres:// and postgresql://"), "\(error)")
            #expect(!error.description.contains("hunter2"))
        }
        // Taken as a path, it would have made the folder "postgress:" here.
        #expect(!FileManager.default.fileExists(atPath: "postgress:"))
    }
}
