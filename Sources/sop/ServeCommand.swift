import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SOPJournal
import SOPKit
import SOPWeb

/// A listening address `HOST:PORT` (`[::1]:8080` for IPv6), checked when the options are parsed.
struct ListenAddress: ExpressibleByArgument, Sendable {
    var host: String
    var port: Int

    init?(argument: String) {
        let host: Substring, port: Substring
        if argument.hasPrefix("["), let close = argument.firstIndex(of: "]") {
            host = argument[argument.index(after: argument.startIndex)..<close]
            let rest = argument[argument.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            port = rest.dropFirst()
        } else {
            guard let colon = argument.lastIndex(of: ":") else { return nil }
            host = argument[..<colon]
            port = argument[argument.index(after: colon)...]
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:".contains($0) }),
              let number = Int(port), (1...65535).contains(number) else { return nil }
        self.host = String(host)
        self.port = number
    }

    static var defaultValueDescription: String { "127.0.0.1:8080" }

    /// Whether only this machine can connect.
    var isLoopback: Bool { host == "localhost" || host.hasPrefix("127.") || host == "::1" }
}

/// `sop serve`: the office in a browser.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the office's cases in a browser (Tugas saya, Kasus, Kasus baru, case pages) for the users added with sop user.",
        discussion: """
        Sessions, users and the read model live in the journal, so several processes may serve one
        PostgreSQL journal. The default address is loopback; to serve a LAN give --listen with the
        address and --tls-cert/--tls-key (or put nginx with TLS in front, and --secure-cookies).
        Request logs go to standard error, without case data, form fields or tokens.

        Examples:
          sop serve --db sop.sqlite --sops sops/
          sop serve --db postgres://tpi_petugas@db/dinsos --listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem
        """
    )

    @OptionGroup var journal: JournalOptions

    @Option(help: "A folder of SOP files offered for new cases (repeat; default: sops/ when present).")
    var sops: [String] = []

    @Option(help: "The address to listen on, HOST:PORT.")
    var listen: ListenAddress = ListenAddress(argument: "127.0.0.1:8080")!

    @Option(help: "The TLS certificate chain (PEM); with --tls-key.")
    var tlsCert: String?

    @Option(help: "The TLS private key (PEM); with --tls-cert.")
    var tlsKey: String?

    @Flag(help: "Mark cookies Secure although this process speaks plain HTTP (it runs behind a TLS proxy such as nginx).")
    var secureCookies = false

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        for path in [tlsCert, tlsKey].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("'\(path)' cannot be read")
        }
    }

    func run() throws {
        let service = try journal.service()
        let folders = sops.isEmpty ? (FileManager.default.fileExists(atPath: "sops") ? ["sops"] : []) : sops
        let served = ServedSOPs(folders: folders)
        for problem in served.problems { Terminal.error("sop: \(problem.path): not offered for new cases: \(TerminalText.escaped(problem.message))") }
        let tls = tlsCert.flatMap { cert in tlsKey.map { TLSFiles(certificate: cert, key: $0) } }
        if !listen.isLoopback, tls == nil, !secureCookies {
            Terminal.error("sop: note: serving \(listen.host) without TLS: passwords and cookies cross the network in the clear; give --tls-cert/--tls-key or put a TLS proxy in front")
        }
        var logger = Logger(label: "sop.serve")
        logger.logLevel = .info
        // Page views are audited in batches, one transaction a second (see AuditBatcher); every
        // batch left is written when the server stops.
        let batcher = AuditBatcher(store: service.store, failed: { error, waiting in
            Terminal.error("sop: the audit trail could not be written (\(waiting) page view(s) wait and will be tried again): \(TerminalText.escaped(error.description))")
        })
        batcher.start()
        let server = WebServer(store: service.store, sops: served, policy: SessionPolicy(secureCookies: tls != nil || secureCookies),
                               osLogin: OperatingSystemLogin.name, auditBatcher: batcher)
        let app: any ApplicationProtocol
        do {
            app = try server.application(host: listen.host, port: listen.port, tls: tls, logger: logger)
        } catch let error as WebSetupError {
            Terminal.error("sop: \(error.description)")
            throw ExitCode(1)
        }
        print("sop serve: http\(tls == nil ? "" : "s")://\(listen.host):\(listen.port)/ (\(served.entries.count) SOP(s) for new cases)")
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService() } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        do throws(JournalError) { try batcher.stop() } catch {
            Terminal.error("sop: \(batcher.waiting) page view(s) could not be written to the audit trail: \(TerminalText.escaped(error.description))")
            throw ExitCode(1)
        }
        if let message = failure.get() {
            Terminal.error("sop: the server stopped: \(TerminalText.escaped(message))")
            throw ExitCode(1)
        }
    }
}

/// The error a server task ended with, handed back to the waiting thread.
final class FailureBox: @unchecked Sendable {
    private var message: String?
    private let lock = NSLock()
    func set(_ text: String) { lock.withLock { message = text } }
    func get() -> String? { lock.withLock { message } }
}
