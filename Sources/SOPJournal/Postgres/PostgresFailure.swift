import Foundation
import PostgresNIO
import SOPKit

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
    static func lostConnection(url: PostgresURL) -> Message {
        PostgresServerMessages.lostConnection(["server": .text(url.server)])
    }

    /// A failed statement as a journal error.
    static func statement(_ error: any Error, url: PostgresURL) -> JournalError {
        if let journal = error as? JournalError { return journal }
        if let decoding = error as? PostgresDecodingError {
            return .corrupt(JournalDataMessages.columnUnexpectedType(["column": .text(decoding.columnName), "type": .text("\(decoding.postgresType)")]))
        }
        if isConnectionLoss(error) { return .storage(lostConnection(url: url)) }
        let server: MessageArgument = .text(url.server)
        guard let psql = error as? PSQLError else {
            return .storage(PostgresServerMessages.unexpected(["server": server, "kind": .text(kind(error))]))
        }
        guard let info = psql.serverInfo else {
            return .storage(PostgresServerMessages.unreadableReply(["server": server, "code": .text("\(psql.code)")]))
        }
        let message = oneLine(info[.message] ?? "-")
        let detail = info[.detail].map { " (\(oneLine($0)))" } ?? ""
        let state = info[.sqlState] ?? ""
        switch state {
        case "55P03":
            let wait = url.parameters.last { $0.0 == "lock_timeout" }?.1 ?? "15s"
            return .storage(PostgresServerMessages.lockTimeout(["wait": .text(wait), "server": server]))
        case "40P01", "40001":
            return .storage(PostgresServerMessages.clash(["server": server]))
        case "57P03":
            return .storage(PostgresServerMessages.startingUp(["server": server]))
        case "25P03":
            return .storage(PostgresServerMessages.idleTimeout(["server": server]))
        case "42501":
            return .storage(privilege(message, url: url))
        case "3F000":
            return .storage(PostgresServerMessages.schemaMissing(["server": server, "role": .text(url.user), "reply": .text(message)]))
        default:
            return .storage(PostgresServerMessages.refusedStatement(["server": server, "reply": .text(message), "detail": .text(detail)]))
        }
    }

    /// A privilege the role lacks, named as such, with where the grants are described.
    static func privilege(_ message: String, url: PostgresURL) -> Message {
        PostgresServerMessages.lacksPrivilege(["role": .text(url.user), "server": .text(url.server), "reply": .text(oneLine(message))])
    }

    /// Why a connection could not be made, and what to check.
    static func connecting(_ error: any Error, url: PostgresURL) -> Message {
        typealias M = PostgresConnectMessages
        let server: MessageArgument = .text(url.server)
        let user: MessageArgument = .text(url.user)
        let mode: MessageArgument = .text(url.tls.rawValue)
        if let psql = error as? PSQLError, let info = psql.serverInfo {
            let reply: MessageArgument = .text(oneLine(info[.message] ?? "-"))
            switch info[.sqlState] ?? "" {
            case "28P01", "28000": return M.refusedUser(["server": server, "user": user, "reply": reply])
            case "3D000": return M.noDatabase(["server": server, "database": .text(url.database)])
            case "42501": return M.mayNotConnect(["user": user, "database": .text(url.database), "server": server, "reply": reply])
            case "53300": return M.tooManyConnections(["server": server])
            case "57P03": return M.startingUp(["server": server])
            case "42704", "22023": return M.badOption(["server": server, "reply": reply])
            default: return M.refusedConnection(["server": server, "reply": reply])
            }
        }
        if let psql = error as? PSQLError {
            switch psql.code {
            case .sslUnsupported: return M.noTLS(["server": server, "mode": mode])
            case .authMechanismRequiresPassword: return M.needsPassword(["server": server, "user": user])
            case .unsupportedAuthMechanism: return M.loginMethod(["server": server])
            case .saslError: return M.passwordFailed(["server": server, "user": user])
            default: break
            }
        }
        let text = diagnosis(error)
        if let tls = certificateProblem(text, url: url) { return tls }
        if text.contains("refused") || text.contains("errno: 111") {
            return M.connectionRefused(["server": server])
        }
        if text.contains("timed out") || text.contains("timeout") || text.contains("errno: 110") {
            return M.noAnswer(["server": server, "seconds": .number(url.connectTimeout)])
        }
        if text.contains("dns") || text.contains("resolve") || text.contains("not known") || text.contains("no address") {
            return M.unknownHost(["server": server, "host": .text(url.host ?? "")])
        }
        if text.contains("unreachable") || text.contains("errno: 113") || text.contains("errno: 101") {
            return M.noRoute(["server": server])
        }
        if text.contains("no such file") || text.contains("errno: 2)") {
            return M.noSocket(["server": server])
        }
        if text.contains("ssl") || text.contains("tls") || text.contains("handshake") || text.contains("certificate") {
            return M.tlsHandshake(["server": server, "mode": mode])
        }
        if text.contains("reset by peer") || text.contains("errno: 104") || text.contains("broken pipe") || isConnectionLoss(error) {
            return M.closedWhileSettingUp(["server": server])
        }
        return M.unexpectedConnect(["server": server, "kind": .text(kind(error))])
    }

    /// A certificate the client refused, by what the libraries' texts say, in our words; nil when
    /// it is none.
    static func certificateProblem(_ text: String, url: PostgresURL) -> Message? {
        typealias M = PostgresConnectMessages
        let server: MessageArgument = .text(url.server)
        let root = url.rootCertificate.map { M.rootCertificateCA(["file": .text($0)]) } ?? M.systemCAs()
        if text.contains("hostname") || text.contains("host name") || text.contains("failedtovalidatehostname") {
            let byAddress = (url.host ?? "").allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
            return M.certificateName(["server": server, "host": .text(url.host ?? ""), "mode": .text(url.tls.rawValue),
                                      "advice": .message(byAddress ? M.certificateNameByAddress() : M.certificateNameByName())])
        }
        if text.contains("certificate_verify_failed") || text.contains("certificate verify failed") || text.contains("self signed")
            || text.contains("unknown ca") || text.contains("unable to get local issuer") {
            return M.certificateNotSigned(["server": server, "root": .message(root)])
        }
        if text.contains("expired") {
            return M.certificateExpired(["server": server])
        }
        return nil
    }

    /// TLS could not be configured on this side (the sslrootcert file, typically).
    static func tlsSetUp(_ error: any Error, url: PostgresURL) -> Message {
        if let root = url.rootCertificate {
            return PostgresConnectMessages.rootCertNotPEM(["file": .text(root), "url": .text(url.redacted)])
        }
        return PostgresConnectMessages.tlsSetUp(["url": .text(url.redacted), "kind": .text(kind(error))])
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
