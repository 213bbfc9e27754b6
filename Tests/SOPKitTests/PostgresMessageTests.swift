import Foundation
import Testing
@testable import SOPJournal
#if canImport(Glibc)
import Glibc
#endif

/// PostgreSQL, network and TLS failures reach the user in sop's words: no postgres-nio generic
/// description, no system-call text, no BoringSSL text with the build machine's paths.
@Suite("PostgreSQL failures in our own words", .serialized, .enabled(if: Backend.postgresURL != nil))
struct PostgresMessageTests {
    /// Texts of the libraries that must never reach a user.
    static let raw = FaultLedger.raw + [".cc:", "SSL routines", "CERTIFICATE_VERIFY_FAILED", "handshakeFailed", "NIOSSL"]

    private func cannotOpen(_ url: String) -> String {
        do {
            _ = try PostgresJournal(url: url)
            return "opened"
        } catch {
            return error.description
        }
    }

    private func expectOurs(_ message: String, _ wanted: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(message.contains(wanted), "\(message)", sourceLocation: sourceLocation)
        #expect(!Self.raw.contains { message.contains($0) }, "raw library text in: \(message)", sourceLocation: sourceLocation)
        #expect(!message.contains("\n"), sourceLocation: sourceLocation)
    }

    @Test("a certificate from another CA, and a server that resets the connection, are named in our words")
    func tlsAndReset() throws {
        let server = try PostgresURL(try #require(Backend.postgresURL))
        let host = try #require(server.host)
        // A CA of our own that did not sign the server's certificate.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ca = folder.appendingPathComponent("ca.crt").path
        let made = try CLIResultRunner.run("/usr/bin/openssl", ["req", "-new", "-x509", "-days", "1", "-nodes", "-subj", "/CN=other-ca",
                                                                "-keyout", folder.appendingPathComponent("ca.key").path, "-out", ca])
        try #require(made == 0, "openssl could not make a CA")
        let base = "postgres://\(server.user):\(server.password ?? "")@\(host):\(server.port)/\(server.database)"
        expectOurs(cannotOpen(base + "?sslmode=verify-full&sslrootcert=\(ca)"), "is not signed by the CA in sslrootcert '\(ca)'")
        expectOurs(cannotOpen(base + "?sslmode=verify-ca&sslrootcert=\(ca)"), "is not signed by the CA in sslrootcert")
        // A file that is not a certificate.
        let junk = folder.appendingPathComponent("junk.crt").path
        try "not a certificate".write(toFile: junk, atomically: true, encoding: .utf8)
        expectOurs(cannotOpen(base + "?sslmode=verify-full&sslrootcert=\(junk)"), "is not a readable PEM certificate")
        // Something on the port that accepts and resets at once.
        let listener = try ResettingListener()
        defer { listener.stop() }
        expectOurs(cannotOpen("postgres://sop:pw@127.0.0.1:\(listener.port)/sop"), "the PostgreSQL server at 127.0.0.1:\(listener.port)")
    }

    @Test("a server error is ours with the server's reason; a privilege is named as one")
    func serverErrors() throws {
        let db = try TestDatabase(.postgres)
        defer { db.remove() }
        let journal = try PostgresJournal(url: db.location)
        do {
            try journal.execute("SELECT * FROM no_such_table")
            Issue.record("ran")
        } catch {
            expectOurs(error.description, "refused a statement: relation \"no_such_table\" does not exist")
        }
        let role = "t_nobody_\(UUID().uuidString.prefix(8).lowercased())"
        try journal.execute("CREATE ROLE \(role)")
        defer { try? journal.execute("DROP ROLE \(role)") }
        // Connected as the role that may do nothing.
        let schema = try #require(db.schema)
        let nobody = try PostgresSession(url: try PostgresURL(TestDatabase.url(try #require(Backend.postgresURL), searchPath: schema + "%20-c%20role%3D" + role)))
        var refusal = ""
        do {
            try nobody.execute("SELECT * FROM \(schema).cases")
        } catch {
            refusal = "\(error)"
        }
        nobody.closeIdle()
        expectOurs(refusal, "lacks a privilege")
    }
}

/// Runs a tool and returns its exit status (output discarded).
enum CLIResultRunner {
    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A TCP listener on loopback that resets every connection it accepts (SO_LINGER 0), as a
/// crashing server or a misconfigured proxy would.
final class ResettingListener: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private var running = true
    private let lock = NSLock()

    init() throws {
        let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listening, 8) == 0 else { throw ThrowawayServer.ToolFailure(message: "cannot listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
        }
        fd = listening
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [weak self] in
            while self?.isRunning ?? false {
                let client = accept(listening, nil, nil)
                guard client >= 0 else { return }
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                close(client)
            }
        }.start()
    }

    private var isRunning: Bool { lock.withLock { running } }

    func stop() {
        lock.withLock { running = false }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}
