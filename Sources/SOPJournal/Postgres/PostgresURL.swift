import SOPKit
import Foundation

/// Where a PostgreSQL journal is, parsed from a libpq-style URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require&...]` (or `postgresql://`).
///
/// Understood parameters: `sslmode` (`disable`, the default: plain; `allow`/`prefer`: TLS when the
/// server offers it; `require`: TLS, the certificate not checked, as libpq does; `verify-ca`: TLS
/// with the certificate checked against `sslrootcert` or the system's roots; `verify-full`: also the
/// host name), `sslrootcert`, `connect_timeout` (seconds), `application_name`, `host` (a folder for a
/// Unix socket), and `options` (`-c name=value ...`, e.g. `-c search_path=office1`). Without a
/// password in the URL, `$PGPASSWORD` is used; without a user, `$PGUSER`, else the login name.
public struct PostgresURL: Sendable, Hashable {
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    /// The host name or address (nil with a Unix socket).
    public var host: String?
    public var port: Int
    /// The folder holding the server's Unix socket, when `host` names one.
    public var socketFolder: String?
    public var database: String
    public var tls: TLSMode
    public var rootCertificate: String?
    public var connectTimeout: Int
    /// Run-time parameters sent when connecting (`application_name`, `search_path`, ...).
    public var parameters: [(String, String)]

    /// The URL with the password left out, for messages.
    public var redacted: String {
        var text = "postgres://\(user)@"
        if let host { text += host.contains(":") ? "[\(host)]" : host } else if let socketFolder { text += socketFolder }
        text += ":\(port)/\(database)"
        if tls != .disable { text += "?sslmode=\(tls.rawValue)" }
        return text
    }

    /// Host and port (or socket folder), for messages.
    public var server: String {
        if let host { return (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }
        return "\(socketFolder ?? "?") (Unix socket, port \(port))"
    }

    /// Whether `location` is meant as a PostgreSQL URL rather than an SQLite path: it starts with
    /// the scheme `postgres:` or `postgresql:`, so a malformed one (`postgres:/u:pw@h/db`, one
    /// slash) is refused as a URL, with its password hidden, instead of being taken for a file.
    public static func isPostgres(_ location: String) -> Bool {
        let lower = location.lowercased()
        return lower.hasPrefix("postgres:") || lower.hasPrefix("postgresql:")
    }

    public static func == (a: PostgresURL, b: PostgresURL) -> Bool { a.redacted == b.redacted && a.password == b.password }
    public func hash(into hasher: inout Hasher) { hasher.combine(redacted) }

    /// Parses `text`; a malformed URL is a `cannotOpen` error saying what to write instead.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(JournalError) {
        func bad(_ why: Message) -> JournalError {
            .cannotOpen(PostgresConnectMessages.badURL(["url": .text(PostgresURL.hidingPassword(text)), "why": .message(why)]))
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") else {
            throw bad(PostgresConnectMessages.urlScheme())
        }
        // A second '@' or a '#' is a password written unencoded: the URL would split inside it and
        // show part of it as a host or a database name.
        guard text.filter({ $0 == "@" }).count <= 1, !text.contains("#") else {
            throw bad(PostgresConnectMessages.urlTwoAts())
        }
        guard let components = URLComponents(string: text) else { throw bad(PostgresConnectMessages.urlNotURL()) }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            // Never quoted: after a password holding an unencoded '&', the item is part of it.
            guard let value = item.value else {
                throw bad(PostgresConnectMessages.urlParameterNoEquals())
            }
            query[item.name] = value
        }
        user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? environment["PGUSER"] ?? environment["USER"] ?? NSUserName()
        password = components.password ?? query["password"] ?? environment["PGPASSWORD"]
        let hostPart = (components.host ?? "").removingPercentEncoding ?? ""
        let hostParameter = query["host"]
        if let folder = hostParameter, folder.hasPrefix("/") {
            socketFolder = folder
            host = nil
        } else if hostPart.hasPrefix("/") {
            socketFolder = hostPart
            host = nil
        } else {
            let name = hostParameter ?? hostPart
            guard !name.isEmpty else { throw bad(PostgresConnectMessages.urlNoHost()) }
            host = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
            socketFolder = nil
        }
        if let p = query["port"] {
            guard let n = Int(p), (1...65535).contains(n) else { throw bad(PostgresConnectMessages.urlPortNotNumber(["port": .text(p)])) }
            port = n
        } else if let p = components.port {
            guard (1...65535).contains(p) else { throw bad(PostgresConnectMessages.urlPortRange(["port": .text(String(p))])) }
            port = p
        } else {
            port = 5432
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        // Never quoted: a '/' or '@' in the path is most often part of a password written unencoded.
        guard !path.contains("/") else { throw bad(PostgresConnectMessages.urlDatabaseSlash()) }
        database = query["dbname"] ?? (path.isEmpty ? user : path)
        let mode = query["sslmode"] ?? environment["PGSSLMODE"] ?? "disable"
        guard let tls = TLSMode(rawValue: mode) else {
            throw bad(PostgresConnectMessages.urlSSLMode(["mode": .text(mode), "modes": .text(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))]))
        }
        self.tls = tls
        rootCertificate = query["sslrootcert"]
        if let t = query["connect_timeout"] {
            guard let n = Int(t), n > 0 else { throw bad(PostgresConnectMessages.urlConnectTimeout(["value": .text(t)])) }
            connectTimeout = n
        } else {
            connectTimeout = 10
        }
        var parameters: [(String, String)] = [("application_name", query["application_name"] ?? "sop")]
        if let options = query["options"] {
            for (name, value) in try PostgresURL.runtimeOptions(options, bad: bad) where name != "application_name" {
                parameters.append((name, value))
            }
        }
        self.parameters = parameters
    }

    /// `-c name=value` and `--name=value` settings of libpq's `options` parameter.
    private static func runtimeOptions(_ text: String, bad: (Message) -> JournalError) throws(JournalError) -> [(String, String)] {
        var result: [(String, String)] = []
        var words = text.split(separator: " ").map(String.init)[...]
        while let word = words.popFirst() {
            let setting: String
            if word == "-c" {
                guard let next = words.popFirst() else { throw bad(PostgresConnectMessages.urlOptionsNoSetting()) }
                setting = next
            } else if word.hasPrefix("-c") {
                setting = String(word.dropFirst(2))
            } else if word.hasPrefix("--") {
                setting = String(word.dropFirst(2))
            } else {
                throw bad(PostgresConnectMessages.urlOptionsOnlyC(["word": .text(word)]))
            }
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else {
                throw bad(PostgresConnectMessages.urlOptionNotNameValue(["setting": .text(setting)]))
            }
            let name = String(setting[..<eq]).replacingOccurrences(of: "-", with: "_")
            result.append((name, String(setting[setting.index(after: eq)...])))
        }
        return result
    }

    /// `text` with any password replaced by `***`, whatever the URL's shape (well-formed or not):
    ///
    /// - in the user part: after the first `:` of what follows the scheme (`postgres:`, any number
    ///   of slashes) up to the last `@`. The last, because a password may hold `/`, `?`, `#` or `@`
    ///   itself: hiding too much is better than showing part of a password;
    /// - every `password=` parameter (the name matched case-insensitively and percent-decoded), up
    ///   to the next `&` that starts a parameter libpq knows (`&sslmode=`...): an unencoded `&` in
    ///   a password (`password=Se&cretTail`) does not end it.
    public static func hidingPassword(_ text: String) -> String {
        // Both rules mark what to hide in the text as given; the union is replaced, so neither
        // rule's reading of a malformed URL can uncover what the other would hide.
        var hidden = passwordParameterRanges(text)
        if let colon = text.firstIndex(of: ":"), !text[..<colon].isEmpty,
           text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            let rest = text[text.index(after: colon)...].drop { $0 == "/" }
            if let at = rest.lastIndex(of: "@"), let secret = rest[..<at].firstIndex(of: ":") {
                hidden.append(text.index(after: secret)..<at)
            }
        }
        var merged: [Range<String.Index>] = []
        for range in hidden.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var result = ""
        var cursor = text.startIndex
        for range in merged {
            result += text[cursor..<range.lowerBound] + "***"
            cursor = range.upperBound
        }
        return result + text[cursor...]
    }

    /// libpq's connection parameters: after a `password=`, only `&` followed by one of these
    /// (and `=`) starts another parameter.
    static let knownParameters: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
        "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode", "requiressl",
        "sslcompression", "sslcert", "sslkey", "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
        "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib", "gssdelegation",
        "service", "target_session_attrs", "load_balance_hosts", "require_auth",
    ]

    /// The values of `password=` parameters in `text`, with what follows them up to the next
    /// `text` with every valid `%HH` escape decoded and any other `%` left as it is: one bad escape
    /// elsewhere must not stop `pass%77ord=` from being read as `password=` (Foundation's
    /// `removingPercentEncoding` gives up on the whole text).
    static func leniently(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: b - 0x30
            case 0x41...0x46: b - 0x41 + 10
            case 0x61...0x66: b - 0x61 + 10
            default: nil
            }
        }
        while i < utf8.count {
            if utf8[i] == 0x25, i + 2 < utf8.count, let h = hex(utf8[i + 1]), let l = hex(utf8[i + 2]) {
                bytes.append(h << 4 | l)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `&KNOWN=` parameter (pieces are split at `?`, `&` and spaces).
    private static func passwordParameterRanges(_ text: String) -> [Range<String.Index>] {
        var pieces: [(separator: String.Index?, body: Range<String.Index>)] = []
        var start = text.startIndex
        var separator: String.Index?
        for index in text.indices where "?& ".contains(text[index]) {
            pieces.append((separator, start..<index))
            separator = index
            start = text.index(after: index)
        }
        pieces.append((separator, start..<text.endIndex))
        func name(_ body: Substring) -> String? {
            guard let eq = body.firstIndex(of: "=") else { return nil }
            let raw = String(body[..<eq])
            return leniently(raw).lowercased()
        }
        var ranges: [Range<String.Index>] = []
        var hiding = false
        for piece in pieces {
            let body = text[piece.body]
            let key = name(body)
            if key == "password" || key == "sslpassword", let eq = body.firstIndex(of: "=") {
                ranges.append(text.index(after: eq)..<piece.body.upperBound)
                hiding = true
            } else if hiding, let separator = piece.separator,
                      text[separator] != "&" || key.map({ !knownParameters.contains($0) }) ?? true {
                ranges.append(separator..<piece.body.upperBound)  // still the password
            } else {
                hiding = false
            }
        }
        return ranges
    }
}
