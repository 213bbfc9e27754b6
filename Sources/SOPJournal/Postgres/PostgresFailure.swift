import Foundation
import PostgresNIO

/// A statement's connection closed before its answer came (postgres-nio may drop a query written
/// to a channel already torn down; the session watches the channel's close instead).
struct ConnectionClosed: Error {}

/// PostgreSQL, network and TLS failures in our own words: one line naming the cause and what to
/// do. The libraries' own texts never reach a message: postgres-nio's `PSQLError` describes itself
/// with a generic warning, NIO's errors name system calls ("read(descriptor:...)"), and BoringSSL's
/// carry the build machine's file paths. They are looked at only to tell causes apart.
enum PostgresFailure {
    /// The SQLSTATE of a server error, if the error is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether `error` means the connection is gone (the server restarted or closed it, the network
    /// dropped): the statement may be retried on a fresh connection where that is safe.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if error is ConnectionClosed { return true }
        guard let psql = error as? PSQLError else { return false }
        if let state = psql.serverInfo?[.sqlState] {
            // admin_shutdown, crash_shutdown, and the connection_exception class.
            return state == "57P01" || state == "57P02" || state.hasPrefix("08")
        }
        switch psql.code {
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .connectionError: return true
        default: return false
        }
    }

    /// A connection lost under a statement.
    static func lostConnection(url: PostgresURL) -> String {
        "lost the connection to the PostgreSQL server at \(url.server) (it restarted, or the network dropped); "
            + "the command may not have been recorded: look at the case (`sop case show`), or retry with the same --key"
    }

    /// A failed statement as a journal error.
    static func statement(_ error: any Error, url: PostgresURL) -> JournalError {
        if let journal = error as? JournalError { return journal }
        if let decoding = error as? PostgresDecodingError {
            return .corrupt("a stored value in column '\(decoding.columnName)' has an unexpected type (\(decoding.postgresType))")
        }
        if isConnectionLoss(error) { return .storage(lostConnection(url: url)) }
        guard let psql = error as? PSQLError else {
            return .storage("the PostgreSQL server at \(url.server) could not be used (an unexpected failure of kind \(kind(error))); retry, and if it persists report it")
        }
        guard let info = psql.serverInfo else {
            return .storage("the PostgreSQL server at \(url.server) sent a reply sop cannot read (\(psql.code)); check that \(url.server) is a PostgreSQL server (11 or later) and no proxy alters the traffic")
        }
        let message = oneLine(info[.message] ?? "no message")
        let detail = info[.detail].map { " (\(oneLine($0)))" } ?? ""
        let state = info[.sqlState] ?? ""
        switch state {
        case "55P03":
            let wait = url.parameters.last { $0.0 == "lock_timeout" }?.1 ?? "15s"
            return .storage("a case stayed locked by another command for longer than lock_timeout (\(wait)) on \(url.server); nothing was written: retry")
        case "40P01", "40001":
            return .storage("the PostgreSQL server at \(url.server) stopped this command to resolve a clash with another one; nothing was written: retry")
        case "57P03":
            return .storage("the PostgreSQL server at \(url.server) is starting up or shutting down; nothing was written: retry in a moment")
        case "25P03":
            return .storage("the PostgreSQL server at \(url.server) ended a transaction that stayed idle too long; nothing was written: retry")
        case "42501":
            return .storage(privilege(message, url: url))
        case "3F000":
            return .storage("the schema of the journal on \(url.server) does not exist or role '\(url.user)' may not use it (\(message)); "
                + "check options=-c search_path=... in the URL, or ask the database administrator for USAGE on the schema")
        default:
            return .storage("the PostgreSQL server at \(url.server) refused a statement: \(message)\(detail)")
        }
    }

    /// A privilege the role lacks, named as such, with where the grants are described.
    static func privilege(_ message: String, url: PostgresURL) -> String {
        "the PostgreSQL role '\(url.user)' lacks a privilege on \(url.server) (\(oneLine(message))); "
            + "ask the database administrator to grant the role its part (owner, writer or reader: see \"Roles\" in docs/journal.md)"
    }

    /// Why a connection could not be made, and what to check.
    static func connecting(_ error: any Error, url: PostgresURL) -> String {
        let server = url.server
        if let psql = error as? PSQLError, let info = psql.serverInfo {
            let message = oneLine(info[.message] ?? "refused")
            switch info[.sqlState] ?? "" {
            case "28P01", "28000":
                return "the PostgreSQL server at \(server) refused user '\(url.user)' (\(message)); check the user and password in the URL (or $PGPASSWORD) and the server's pg_hba.conf"
            case "3D000":
                return "the PostgreSQL server at \(server) has no database '\(url.database)': create it (createdb \(url.database)) or fix the database name in the URL"
            case "42501":
                return "the PostgreSQL role '\(url.user)' may not connect to the database '\(url.database)' on \(server) (\(message)); ask the database administrator for CONNECT on it"
            case "53300":
                return "the PostgreSQL server at \(server) has too many connections; retry later or raise max_connections"
            case "57P03":
                return "the PostgreSQL server at \(server) is starting up or shutting down; retry in a moment"
            case "42704", "22023":
                return "the PostgreSQL server at \(server) refused a setting from the URL's options (\(message)); fix options=-c ... in the URL"
            default:
                return "the PostgreSQL server at \(server) refused the connection (\(message)); check the URL and the server's pg_hba.conf"
            }
        }
        if let psql = error as? PSQLError {
            switch psql.code {
            case .sslUnsupported:
                return "the PostgreSQL server at \(server) does not offer TLS, but the URL asks for it (sslmode=\(url.tls.rawValue)): turn on ssl on the server, or use sslmode=disable on a trusted network"
            case .authMechanismRequiresPassword:
                return "the PostgreSQL server at \(server) asks user '\(url.user)' for a password: put it in the URL (postgres://USER:PASSWORD@...) or in $PGPASSWORD"
            case .unsupportedAuthMechanism:
                return "the PostgreSQL server at \(server) asks for a login method sop does not support (use scram-sha-256, md5 or trust in pg_hba.conf)"
            case .saslError:
                return "the PostgreSQL server at \(server) refused user '\(url.user)' (password check failed): check the password in the URL or $PGPASSWORD"
            default:
                break
            }
        }
        let text = diagnosis(error)
        if let tls = certificateProblem(text, url: url) { return tls }
        if text.contains("refused") || text.contains("errno: 111") {
            return "cannot connect to the PostgreSQL server at \(server): connection refused; check that the server is running and listens on that host and port (listen_addresses and port in postgresql.conf)"
        }
        if text.contains("timed out") || text.contains("timeout") || text.contains("errno: 110") {
            return "cannot connect to the PostgreSQL server at \(server): no answer within \(url.connectTimeout) s; check the host and port, and that no firewall is in the way"
        }
        if text.contains("dns") || text.contains("resolve") || text.contains("not known") || text.contains("no address") {
            return "cannot connect to the PostgreSQL server at \(server): the host name '\(url.host ?? "")' is not known; check the host in the URL"
        }
        if text.contains("unreachable") || text.contains("errno: 113") || text.contains("errno: 101") {
            return "cannot connect to the PostgreSQL server at \(server): no route to it; check the host in the URL and the network"
        }
        if text.contains("no such file") || text.contains("errno: 2)") {
            return "cannot connect to the PostgreSQL server at \(server): no socket there; check the host= folder and the port, and that the server is running"
        }
        if text.contains("ssl") || text.contains("tls") || text.contains("handshake") || text.contains("certificate") {
            return "the TLS handshake with the PostgreSQL server at \(server) failed (sslmode=\(url.tls.rawValue)); check sslmode and sslrootcert, and the server's ssl settings"
        }
        if text.contains("reset by peer") || text.contains("errno: 104") || text.contains("broken pipe") || isConnectionLoss(error) {
            return "the PostgreSQL server at \(server) closed the connection while it was being set up (a server restarting, a TLS or pg_hba.conf refusal, or something else listening there); retry in a moment, and check sslmode and the port"
        }
        return "cannot connect to the PostgreSQL server at \(server) (an unexpected failure of kind \(kind(error))); check the host, the port and that the server is running"
    }

    /// A certificate the client refused, by what the libraries' texts say, in our words; nil when
    /// it is none.
    static func certificateProblem(_ text: String, url: PostgresURL) -> String? {
        let server = url.server
        let root = url.rootCertificate.map { "the CA in sslrootcert '\($0)'" } ?? "the system's trusted CAs (give sslrootcert=FILE for a private CA)"
        if text.contains("hostname") || text.contains("host name") || text.contains("failedtovalidatehostname") {
            let byAddress = (url.host ?? "").allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
            return "the TLS certificate of the PostgreSQL server at \(server) does not name '\(url.host ?? "")' (sslmode=\(url.tls.rawValue) checks the name)"
                + (byAddress ? "; name the server by the host name in its certificate, not by its address" : "; connect by the name in its certificate")
        }
        if text.contains("certificate_verify_failed") || text.contains("certificate verify failed") || text.contains("self signed")
            || text.contains("unknown ca") || text.contains("unable to get local issuer") {
            return "the TLS certificate of the PostgreSQL server at \(server) is not signed by \(root); check sslrootcert, or use sslmode=require to encrypt without checking"
        }
        if text.contains("expired") {
            return "the TLS certificate of the PostgreSQL server at \(server) has expired or is not yet valid; the server's administrator renews it"
        }
        return nil
    }

    /// TLS could not be configured on this side (the sslrootcert file, typically).
    static func tlsSetUp(_ error: any Error, url: PostgresURL) -> String {
        if let root = url.rootCertificate {
            return "the sslrootcert file '\(root)' of \(url.redacted) is not a readable PEM certificate; give the CA certificate (PEM) that signed the server's certificate"
        }
        return "cannot set up TLS for \(url.redacted) (an unexpected failure of kind \(kind(error))); check sslmode and sslrootcert"
    }

    /// Everything the error and the errors it wraps say, lower-cased: for telling causes apart,
    /// never for printing.
    private static func diagnosis(_ error: any Error) -> String {
        // Not PSQLError's own reflection: it names the library's source files.
        guard let psql = error as? PSQLError else { return String(reflecting: error).lowercased() }
        return ("\(psql.code) " + (psql.underlying.map { String(reflecting: $0) } ?? "")).lowercased()
    }

    /// The error's type name, which says what failed without the library's text.
    private static func kind(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            return "\(psql.code)" + (psql.underlying.map { "/\(type(of: $0))" } ?? "")
        }
        return "\(type(of: error))"
    }

    /// Server texts on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
