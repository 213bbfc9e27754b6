import Foundation
import PropertyBased
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

    @Test("the malformed URLs of the report: one slash, an unencoded & in password=, a mistyped scheme with one slash")
    func reported() {
        for text in ["postgres:/u:SECRET@host:port/db", "postgres://u@127.0.0.1:1/db?password=Se&cretTail",
                     "postgress:/u:SECRET@host/db", "host=db password=SECRET"] {
            let shown = PostgresURL.hidingPassword(text)
            #expect(!shown.contains("SECRET") && !shown.contains("cretTail"), "\(shown)")
            do {
                _ = try JournalBackend.open(text)
                Issue.record("\(text) opened a journal")
            } catch {
                #expect(!error.description.contains("SECRET") && !error.description.contains("cretTail"), "\(error)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "postgres:"))
    }

    /// The shape of one generated URL: (scheme, slashes, user, where the password goes, host,
    /// port, database, extra parameters, percent-encoding of the secret's separators).
    static let shapes = Gen.int(in: 0...9999).array(of: 9)
    /// The secret: fragments `zq<digits>` joined by characters that break naive parsers.
    static let secrets = zip(Gen.int(in: 0...11), Gen.int(in: 0...999)).array(of: 1...4)

    static func url(shape: [Int], secret pieces: [(Int, Int)]) -> (url: String, fragments: [String]) {
        func pick<T>(_ i: Int, _ options: [T]) -> T { options[shape[i] % options.count] }
        let separators = ["&", "@", "/", ":", "?", "#", "%26", "=", " ", "%", "&sslmode", "%40"]
        let encode = pick(8, [false, true])
        var secret = ""
        var fragments: [String] = []
        for (n, (separator, digits)) in pieces.enumerated() {
            if n > 0 {
                let raw = separators[separator % separators.count]
                secret += encode ? raw.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? raw : raw
            }
            fragments.append("zq\(digits)")
            secret += "zq\(digits)"
        }
        let scheme = pick(0, ["postgres", "postgresql", "POSTGRES", "postgress", "PostgreSQL"])
        let slashes = pick(1, ["//", "/", "", "///"])
        let user = pick(2, ["sop", "", "of%40fice", "dinsos"])
        let place = pick(3, ["userinfo", "query", "QUERY", "encoded-name", "both", "user-only"])
        let host = pick(4, ["127.0.0.1", "[::1]", "localhost", ""])
        let port = pick(5, [":1", "", ":port", ":99999", ":"])
        let database = pick(6, ["/sop", "", "/a/b", "/sop_test"])
        let extra = pick(7, ["", "sslmode=require", "sslmode=sometimes", "connect_timeout=1", "options=-c%20search_path%3Dx", "application_name"])
        var userinfo = user
        if place == "userinfo" || place == "both" { userinfo += ":" + secret }
        if place == "user-only" { userinfo = secret }
        var text = scheme + ":" + slashes + (userinfo.isEmpty ? "" : userinfo + "@") + host + port + database
        var parameters: [String] = []
        switch place {
        case "query", "both": parameters.append("password=" + secret)
        case "QUERY": parameters.append("PASSWORD=" + secret)
        case "encoded-name": parameters.append("pass%77ord=" + secret)
        default: break
        }
        if !extra.isEmpty { parameters.insert(extra, at: shape[7] % 2 == 0 ? 0 : parameters.count) }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        // A password given as the user (postgres://SECRET@host) cannot be told from a user name.
        return (text, place == "user-only" ? [] : fragments)
    }

    @Test("generated URL shapes, well-formed or not: no part of the password appears in any message")
    func generatedShapes() async {
        await propertyCheck(count: 300, input: Self.shapes, Self.secrets) { shape, pieces in
            let (text, fragments) = Self.url(shape: shape, secret: pieces)
            var messages = [PostgresURL.hidingPassword(text), JournalBackend.describe(text)]
            #expect(PostgresURL.isPostgres(text) || JournalBackend.looksLikeURL(text), "taken for a file name: \(text)")
            if PostgresURL.isPostgres(text) || JournalBackend.looksLikeURL(text) {
                do {
                    let url = try PostgresURL(text + (text.contains("?") ? "&" : "?") + "connect_timeout=2")
                    messages.append(url.redacted)
                    messages.append(url.server)
                } catch {
                    messages.append("\(error)")
                }
                do {
                    _ = try JournalBackend.open(text)
                    messages.append("opened")
                } catch {
                    messages.append("\(error)")
                }
            }
            for message in messages {
                for fragment in fragments {
                    #expect(!message.contains(fragment), "\(fragment) of \(text) shown in: \(message)")
                }
            }
        }
    }

    @Test("an encoded password= name is found even when another escape in the text is not valid (found by generatedShapes)")
    func encodedNameBesideBadEscape() {
        let text = "postgress:/127.0.0.1:1/sop?pass%77ord=zq0%zq0"
        #expect(JournalBackend.looksLikeURL(text))
        #expect(!JournalBackend.describe(text).contains("zq0"), "\(JournalBackend.describe(text))")
        #expect(PostgresURL.leniently("a%41%zz%4") == "aA%zz%4")
        // A password with an unencoded '@' and '/' moves part of it into the database name: not quoted.
        let slashed = "postgres://sop:zq0@zq0/zq0@127.0.0.1:1/sop"
        #expect(throws: JournalError.self) { _ = try PostgresURL(slashed) }
        do { _ = try PostgresURL(slashed) } catch { #expect(!"\(error)".contains("zq0"), "\(error)") }
    }
}
