import Foundation
import PostgresNIO

/// Connections to one PostgreSQL database, used synchronously.
///
/// The journal's interface is synchronous, postgres-nio's is asynchronous. The bridge never needs a
/// thread of Swift's cooperative pool: queries use postgres-nio's `EventLoopFuture` API and the
/// calling thread waits on the future (`wait()`), while the I/O runs on NIO's event-loop threads.
/// Connecting exists only as an `async` function; it runs in a task whose executor is an event
/// loop (``EventLoopTaskExecutor``), and the caller waits on a semaphore with a deadline. So a
/// caller that blocks a cooperative thread (a synchronous test, say) cannot starve the work it
/// waits for, and nothing waits forever.
///
/// Connections are pooled: each operation borrows an idle connection (or opens one) for its
/// transaction and gives it back, so one journal can serve several threads at once.
final class PostgresSession: @unchecked Sendable {
    let url: PostgresURL
    private let configuration: PostgresConnection.Configuration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var nextID = 0

    init(url: PostgresURL) throws(JournalError) {
        self.url = url
        group = MultiThreadedEventLoopGroup.singleton
        var logger = Logger(label: "sop.journal.postgres")
        logger.logLevel = .critical
        self.logger = logger
        if url.tls != .disable, let root = url.rootCertificate, !FileManager.default.isReadableFile(atPath: root) {
            throw .cannotOpen("sslrootcert '\(root)' of \(url.redacted) cannot be read; give the CA certificate (PEM) that signed the server's certificate")
        }
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try PostgresSession.tls(for: url)
        } catch {
            throw .cannotOpen("cannot set up TLS for \(url.redacted): \(error); check sslmode and sslrootcert")
        }
        var configuration: PostgresConnection.Configuration
        if let host = url.host {
            configuration = .init(host: host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        } else {
            configuration = .init(unixSocketPath: (url.socketFolder ?? "/var/run/postgresql") + "/.s.PGSQL.\(url.port)",
                                  username: url.user, password: url.password, database: url.database)
        }
        configuration.options.connectTimeout = .seconds(Int64(url.connectTimeout))
        // Wait for a locked case at most 15 s, as SQLite's busy timeout; end a session that keeps a
        // transaction open and idle (a hung client) so it cannot hold a case's lock for ever.
        configuration.options.additionalStartupParameters =
            [("lock_timeout", "15s"), ("idle_in_transaction_session_timeout", "60s")] + url.parameters
        self.configuration = configuration
    }

    deinit {
        let connections = lock.withLock { () -> [PostgresConnection] in
            defer { idle = [] }
            return idle
        }
        for connection in connections { _ = try? connection.close().wait() }
    }

    /// Closes the idle connections (the journal stays usable: it connects again when needed).
    func closeIdle() {
        let connections = lock.withLock { () -> [PostgresConnection] in
            defer { idle = [] }
            return idle
        }
        for connection in connections { _ = try? connection.close().wait() }
    }

    private static func tls(for url: PostgresURL) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.tls {
        case .disable:
            return .disable
        case .allow, .prefer:
            tls.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: tls))
        case .require:
            // As libpq: encrypted, the server's certificate not checked (unless a root is given).
            if let root = url.rootCertificate {
                tls.trustRoots = .file(root)
                tls.certificateVerification = .noHostnameVerification
            } else {
                tls.certificateVerification = .none
            }
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyCA:
            if let root = url.rootCertificate { tls.trustRoots = .file(root) }
            tls.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyFull:
            if let root = url.rootCertificate { tls.trustRoots = .file(root) }
            tls.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: tls))
        }
    }

    // MARK: Connections

    /// Runs `body` with a connection of its own; the connection goes back to the pool afterwards
    /// unless it broke.
    func withConnection<T>(_ body: (PostgresConnection) throws(JournalError) -> T) throws(JournalError) -> T {
        let connection = try borrow()
        do throws(JournalError) {
            let result = try body(connection)
            giveBack(connection)
            return result
        } catch {
            giveBack(connection)
            throw error
        }
    }

    private func borrow() throws(JournalError) -> PostgresConnection {
        while let candidate = lock.withLock({ idle.popLast() }) {
            if !candidate.isClosed { return candidate }
        }
        return try connect()
    }

    private func giveBack(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        lock.withLock { idle.append(connection) }
    }

    /// Opens a connection, waiting at most the connect timeout (plus some seconds for the login).
    func connect() throws(JournalError) -> PostgresConnection {
        let id = lock.withLock { () -> Int in
            nextID += 1
            return nextID
        }
        let loop = group.next()
        let outcome = Outcome<PostgresConnection>()
        let configuration = self.configuration
        let logger = self.logger
        let work: @Sendable () async -> Void = {
            do {
                let connection = try await PostgresConnection.connect(on: loop, configuration: configuration, id: id, logger: logger)
                // Connected after the caller gave up: nobody will use or close it, so close it here.
                if !outcome.finish(.success(connection)) { try? await connection.close() }
            } catch {
                outcome.finish(.failure(error))
            }
        }
        let task: Task<Void, Never>
        if #available(macOS 15.0, iOS 18.0, *) {
            task = Task(executorPreference: EventLoopTaskExecutor(loop), operation: work)
        } else {
            task = Task.detached(operation: work)
        }
        let deadline = DispatchTime.now() + .seconds(url.connectTimeout + 20)
        guard let result = outcome.wait(until: deadline) else {
            task.cancel()
            if case .success(let late)? = outcome.abandon() { _ = try? late.close().wait() }
            throw .cannotOpen("the PostgreSQL server at \(url.server) did not answer within \(url.connectTimeout + 20) s: check that it is running and reachable, or raise connect_timeout in the URL")
        }
        switch result {
        case .success(let connection):
            return connection
        case .failure(let error):
            throw .cannotOpen(PostgresSession.connectionProblem(error, url: url))
        }
    }

    // MARK: Queries

    /// The longest a statement may take, in seconds, before its connection is given up (a network
    /// that drops silently would otherwise leave the command waiting for ever). Generous: a report
    /// over many millions of events is one statement.
    var statementDeadline = 300

    /// Runs one statement and returns its rows. A statement without an answer within
    /// `statementDeadline` closes its connection and fails with a message saying what to do.
    @discardableResult
    func query(_ connection: PostgresConnection, _ query: PostgresQuery) throws(JournalError) -> [PostgresRow] {
        let outcome = Outcome<[PostgresRow]>()
        connection.query(query, logger: logger).whenComplete { result in outcome.finish(result.map(\.rows).mapError { $0 }) }
        guard let result = outcome.wait(until: .now() + .seconds(statementDeadline)) else {
            // Closing is local (the socket), so this wait ends even when the network is gone.
            let closing: EventLoopFuture<Void> = connection.close()
            _ = try? closing.wait()
            throw .storage("the PostgreSQL server at \(url.server) did not answer within \(statementDeadline) s; "
                + "the connection was closed. A change may or may not have been recorded: look with `sop case show`, and retry "
                + "with the same --key")
        }
        switch result {
        case .success(let rows): return rows
        case .failure(let error): throw PostgresSession.failure(error, url: url)
        }
    }

    /// Runs one statement on a connection from the pool, outside any explicit transaction.
    @discardableResult
    func query(_ query: PostgresQuery) throws(JournalError) -> [PostgresRow] {
        try withConnection { (connection) throws(JournalError) -> [PostgresRow] in try self.query(connection, query) }
    }

    /// Runs one SQL statement given as text (schema administration in tests and tools).
    func execute(_ sql: String) throws(JournalError) {
        try query(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs `body` in one transaction (READ COMMITTED for writes, REPEATABLE READ READ ONLY for a
    /// consistent view across several reads): committed if `body` returns, rolled back if it throws.
    func transaction<T>(readOnly: Bool = false, _ body: (PostgresConnection) throws(JournalError) -> T) throws(JournalError) -> T {
        try withConnection { (connection) throws(JournalError) -> T in
            try query(connection, readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL READ COMMITTED")
            let result: T
            do throws(JournalError) {
                result = try body(connection)
            } catch {
                do {
                    try query(connection, "ROLLBACK")
                } catch {
                    // A connection that cannot roll back is closed, never reused.
                    _ = try? connection.close().wait()
                }
                throw error
            }
            do throws(JournalError) {
                try query(connection, "COMMIT")
            } catch {
                _ = try? connection.close().wait()
                throw error
            }
            return result
        }
    }

    // MARK: Errors

    /// The SQLSTATE of a server error, if the error is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// A failed statement as a journal error, in words.
    static func failure(_ error: any Error, url: PostgresURL) -> JournalError {
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo {
                let message = info[.message] ?? "unknown error"
                let detail = info[.detail].map { " (\($0))" } ?? ""
                switch info[.sqlState] ?? "" {
                case "55P03":
                    let wait = url.parameters.last { $0.0 == "lock_timeout" }?.1 ?? "15s"
                    return .storage("a case stayed locked by another command for longer than lock_timeout (\(wait)) on \(url.server); nothing was written: retry")
                case "40P01", "40001":
                    return .storage("the PostgreSQL server at \(url.server) stopped this command to resolve a clash with another one; nothing was written: retry")
                case "57P01", "57P02", "57P03":
                    return .storage("the PostgreSQL server at \(url.server) is shutting down or restarting: \(message); retry later")
                case "25P03":
                    return .storage("the PostgreSQL server at \(url.server) ended a transaction that stayed idle too long: \(message)")
                default:
                    return .storage("the PostgreSQL server at \(url.server) refused a statement: \(message)\(detail)")
                }
            }
            switch psql.code {
            case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .connectionError:
                return .storage("lost the connection to the PostgreSQL server at \(url.server): \(underlying(psql)); the command may not have been recorded: look at the case, or retry with the same --key")
            default:
                return .storage("the PostgreSQL server at \(url.server) could not run a statement: \(psql.code)\(psql.underlying.map { " (\($0))" } ?? "")")
            }
        }
        if let decoding = error as? PostgresDecodingError {
            return .corrupt("a stored value in column '\(decoding.columnName)' has an unexpected type (\(decoding.postgresType))")
        }
        if let journal = error as? JournalError { return journal }
        return .storage("the PostgreSQL server at \(url.server) could not be used: \(error)")
    }

    private static func underlying(_ error: PSQLError) -> String {
        guard let underlying = error.underlying else { return "\(error.code)" }
        return "\(underlying)"
    }

    /// Why a connection failed, and what to check.
    static func connectionProblem(_ error: any Error, url: PostgresURL) -> String {
        let server = url.server
        guard let psql = error as? PSQLError else {
            return "cannot connect to the PostgreSQL server at \(server): \(error); check the host and port in --db / $SOP_DB"
        }
        if let info = psql.serverInfo {
            let message = info[.message] ?? "refused"
            switch info[.sqlState] ?? "" {
            case "28P01", "28000":
                return "the PostgreSQL server at \(server) refused user '\(url.user)': \(message); check the user and password in the URL (or $PGPASSWORD) and the server's pg_hba.conf"
            case "3D000":
                return "the PostgreSQL server at \(server) has no database '\(url.database)': create it (createdb \(url.database)) or fix the database name in the URL"
            case "53300":
                return "the PostgreSQL server at \(server) has too many connections: \(message); retry later or raise max_connections"
            case "57P03":
                return "the PostgreSQL server at \(server) is starting up or shutting down: \(message); retry in a moment"
            case "42704", "22023":
                return "the PostgreSQL server at \(server) refused a setting from the URL's options: \(message)"
            default:
                return "the PostgreSQL server at \(server) refused the connection: \(message)"
            }
        }
        let cause = underlying(psql)
        switch psql.code {
        case .sslUnsupported:
            return "the PostgreSQL server at \(server) does not offer TLS, but the URL asks for it (sslmode=\(url.tls.rawValue)): turn on ssl on the server, or use sslmode=disable on a trusted network"
        case .failedToAddSSLHandler:
            return "cannot start TLS with the PostgreSQL server at \(server): \(cause); check sslmode and sslrootcert"
        case .authMechanismRequiresPassword:
            return "the PostgreSQL server at \(server) asks user '\(url.user)' for a password: put it in the URL (postgres://USER:PASSWORD@...) or in $PGPASSWORD"
        case .unsupportedAuthMechanism:
            return "the PostgreSQL server at \(server) asks for a login method sop does not support (use scram-sha-256, md5 or trust in pg_hba.conf)"
        case .saslError:
            return "the PostgreSQL server at \(server) refused user '\(url.user)' (password check failed): check the password in the URL or $PGPASSWORD"
        default:
            let lower = cause.lowercased()
            if lower.contains("refused") {
                return "cannot connect to the PostgreSQL server at \(server): connection refused; check that the server is running and listens on that host and port (listen_addresses and port in postgresql.conf)"
            }
            if lower.contains("timed out") || lower.contains("timeout") {
                return "cannot connect to the PostgreSQL server at \(server): no answer within \(url.connectTimeout) s; check the host and port, and that no firewall is in the way"
            }
            if lower.contains("resolve") || lower.contains("name") && lower.contains("known") || lower.contains("no address") {
                return "cannot connect to the PostgreSQL server at \(server): the host name '\(url.host ?? "")' is not known; check the host in the URL"
            }
            if lower.contains("certificate") || lower.contains("handshake") || lower.contains("ssl") || lower.contains("tls") || lower.contains("hostname") {
                let byAddress = url.tls == .verifyFull && (url.host ?? "").allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
                return "the TLS handshake with the PostgreSQL server at \(server) failed: \(cause); check sslmode and sslrootcert"
                    + (byAddress ? " (with sslmode=verify-full, name the server by the host name in its certificate, not by its address)" : "")
            }
            return "cannot connect to the PostgreSQL server at \(server): \(cause); check the host, port and that the server is running"
        }
    }
}

/// A one-shot result that one thread sets and another waits for.
final class Outcome<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let semaphore = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    private var abandoned = false

    /// Sets the result; false when the waiter has already given up (the value is the caller's to
    /// dispose of).
    @discardableResult
    func finish(_ value: Result<Value, any Error>) -> Bool {
        let taken = lock.withLock { () -> Bool in
            guard !abandoned else { return false }
            result = value
            return true
        }
        semaphore.signal()
        return taken
    }

    /// Gives up waiting: a later `finish` returns false. Returns a result that came in meanwhile.
    func abandon() -> Result<Value, any Error>? {
        lock.withLock {
            abandoned = true
            return result
        }
    }

    /// The result, or nil if none came before `deadline`.
    func wait(until deadline: DispatchTime) -> Result<Value, any Error>? {
        if let done = lock.withLock({ result }) { return done }
        guard semaphore.wait(timeout: deadline) == .success else { return nil }
        return lock.withLock { result }
    }
}

/// Runs a task's jobs on a NIO event loop, so an async postgres-nio call made from synchronous
/// code never needs a thread of the cooperative pool (which the waiting caller may be blocking).
@available(macOS 15.0, iOS 18.0, *)
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    let loop: any EventLoop
    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
