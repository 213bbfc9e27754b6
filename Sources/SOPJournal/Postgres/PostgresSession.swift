import SOPKit
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
            throw .cannotOpen(PostgresConnectMessages.rootCertUnreadable(["file": .text(root), "url": .text(url.redacted)]))
        }
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try PostgresSession.tls(for: url)
        } catch {
            throw .cannotOpen(PostgresFailure.tlsSetUp(error, url: url))
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
    /// unless it broke. When `retry` allows it and the connection turns out to be lost (the server
    /// restarted, or closed it while it waited in the pool), `body` runs once more on a fresh one.
    func withConnection<T>(retry: Bool = false, _ body: (PostgresConnection) throws(JournalError) -> T) throws(JournalError) -> T {
        let connection = try borrow()
        do throws(JournalError) {
            let result = try body(connection)
            giveBack(connection)
            return result
        } catch {
            giveBack(connection)
            guard takeLoss(connection) else { throw error }
            // After a restart the other pooled connections are dead too.
            closeIdle()
            guard retry else { throw error }
            let fresh = try connect()
            do throws(JournalError) {
                let result = try body(fresh)
                giveBack(fresh)
                return result
            } catch {
                _ = takeLoss(fresh)
                giveBack(fresh)
                throw error
            }
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

    /// The statement each connection is waiting for, by connection id (a connection serves one
    /// caller at a time).
    private var pending: [Int: Outcome<[PostgresRow]>] = [:]

    /// When the connection's channel closes, its waiting statement fails at once: postgres-nio
    /// drops a query written to a channel already torn down without ever answering it.
    private func watchClose(_ connection: PostgresConnection) {
        let id = connection.id
        connection.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            let waiting = self.lock.withLock { self.pending[id] }
            waiting?.finish(.failure(ConnectionClosed()))
        }
    }

    /// Connections whose channel closed under a statement (ids), until the caller has seen it.
    private var lost: Set<Int> = []

    private func markLost(_ connection: PostgresConnection) {
        _ = lock.withLock { lost.insert(connection.id) }
    }

    /// Whether a statement on `connection` failed because the connection was gone (and forgets it).
    private func takeLoss(_ connection: PostgresConnection) -> Bool {
        lock.withLock { lost.remove(connection.id) != nil }
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
            throw .cannotOpen(PostgresConnectMessages.connectTimedOut(["server": .text(url.server), "seconds": .number(url.connectTimeout + 20)]))
        }
        switch result {
        case .success(let connection):
            watchClose(connection)
            return connection
        case .failure(let error):
            throw .cannotOpen(PostgresFailure.connecting(error, url: url))
        }
    }

    // MARK: Queries

    /// The longest a statement may take, in seconds, before its connection is given up (a network
    /// that drops silently would otherwise leave the command waiting for ever). Generous: a report
    /// over many millions of events is one statement.
    var statementDeadline = 300

    /// Runs one statement and returns its rows. A statement without an answer within
    /// `statementDeadline` closes its connection and fails with a message saying what to do; a
    /// statement on a connection whose channel is closed (or closes before the answer) fails at
    /// once: postgres-nio drops a query written to a channel already torn down without failing it,
    /// so the channel's close is watched too (``watchClose(_:)``), and the first outcome wins.
    @discardableResult
    func query(_ connection: PostgresConnection, _ query: PostgresQuery) throws(JournalError) -> [PostgresRow] {
        let outcome = Outcome<[PostgresRow]>()
        lock.withLock { pending[connection.id] = outcome }
        defer { _ = lock.withLock { pending.removeValue(forKey: connection.id) } }
        connection.query(query, logger: logger).whenComplete { result in outcome.finish(result.map(\.rows).mapError { $0 }) }
        // Closed before `pending` was set: the close watcher found nothing to fail.
        if connection.isClosed { outcome.finish(.failure(ConnectionClosed())) }
        guard let result = outcome.wait(until: .now() + .seconds(statementDeadline)) else {
            // Closing is local (the socket), so this wait ends even when the network is gone.
            let closing: EventLoopFuture<Void> = connection.close()
            _ = try? closing.wait()
            throw .storage(PostgresServerMessages.statementTimedOut(["server": .text(url.server), "seconds": .number(statementDeadline)]))
        }
        switch result {
        case .success(let rows):
            return rows
        case .failure(let error):
            if PostgresFailure.isConnectionLoss(error) || connection.isClosed {
                markLost(connection)
                _ = try? connection.close().wait()
                throw .storage(PostgresFailure.lostConnection(url: url))
            }
            throw PostgresFailure.statement(error, url: url)
        }
    }

    /// Runs one statement on a connection from the pool, outside any explicit transaction. A read
    /// (`SELECT ...`) whose connection turns out to be lost is run once more on a fresh one; a
    /// write is not (it may have been recorded).
    @discardableResult
    func query(_ query: PostgresQuery) throws(JournalError) -> [PostgresRow] {
        let isRead = query.sql.drop { $0.isWhitespace }.prefix(7).uppercased() == "SELECT "
        return try withConnection(retry: isRead) { (connection) throws(JournalError) -> [PostgresRow] in try self.query(connection, query) }
    }

    /// Runs one SQL statement given as text (schema administration in tests and tools).
    func execute(_ sql: String) throws(JournalError) {
        try query(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs `body` in one transaction (READ COMMITTED for writes, REPEATABLE READ READ ONLY for a
    /// consistent view across several reads): committed if `body` returns, rolled back if it throws.
    ///
    /// A connection lost before COMMIT was sent is safe to try again: the server never commits a
    /// transaction whose COMMIT it did not get. So the transaction runs once more on a fresh
    /// connection then; after a loss during COMMIT only when that cannot record twice (a read, or a
    /// write with an idempotency key: `idempotent`). A lost connection is never rolled back (nothing
    /// to send it on); it is closed.
    func transaction<T>(readOnly: Bool = false, idempotent: Bool = false,
                        _ body: (PostgresConnection) throws(JournalError) -> T) throws(JournalError) -> T {
        var fresh = false
        while true {
            let connection = fresh ? try connect() : try borrow()
            var committing = false
            do throws(JournalError) {
                try query(connection, readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL READ COMMITTED")
                let result: T
                do throws(JournalError) {
                    result = try body(connection)
                } catch {
                    if !connection.isClosed {
                        do {
                            try query(connection, "ROLLBACK")
                        } catch {
                            // A connection that cannot roll back is closed, never reused.
                            _ = try? connection.close().wait()
                        }
                    }
                    throw error
                }
                committing = true
                try query(connection, "COMMIT")
                giveBack(connection)
                return result
            } catch {
                let wasLost = takeLoss(connection)
                if committing { _ = try? connection.close().wait() }
                giveBack(connection)
                guard wasLost else { throw error }
                // After a restart the other pooled connections are dead too.
                closeIdle()
                if !fresh, !committing || readOnly || idempotent {
                    fresh = true
                    continue
                }
                if committing, !readOnly {
                    throw .storage(PostgresServerMessages.lostWhileCommitting(["server": .text(url.server)]))
                }
                throw error
            }
        }
    }
}

/// A one-shot result that one thread sets and another waits for.
final class Outcome<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let semaphore = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    private var abandoned = false
    private var finished = false

    /// Sets the result unless one is set already (the first wins); false when the waiter has
    /// already given up or another result came first (the value is the caller's to dispose of).
    @discardableResult
    func finish(_ value: Result<Value, any Error>) -> Bool {
        let taken = lock.withLock { () -> Bool in
            guard !abandoned, !finished else { return false }
            finished = true
            result = value
            return true
        }
        if taken { semaphore.signal() }
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
