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
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: JournalHelpMessages.serveCommandAbstract.text(in: Language.session), discussion: JournalHelpMessages.serveCommandDiscussion.text(in: Language.session))
    }

    @OptionGroup var language: BahasaOption
    @OptionGroup var journal: JournalOptions

    @Option(help: .catalogue(.serveSOPs))
    var sops: [String] = []

    @Option(help: .catalogue(.listen))
    var listen: ListenAddress = ListenAddress(argument: "127.0.0.1:8080")!

    @Option(help: .catalogue(.tlsCert))
    var tlsCert: String?

    @Option(help: .catalogue(.tlsKey))
    var tlsKey: String?

    @Flag(help: .catalogue(.behindProxy))
    var secureCookies = false

    @Option(help: .catalogue(.trustedProxy))
    var trustedProxy: [String] = []

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError(UserMessages.tlsTogether.text(in: Language.session)) }
        for path in [tlsCert, tlsKey].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError(UserMessages.cannotBeRead.text(["path": .text(path)], in: Language.session))
        }
        if case .failure(let refusal) = TrustedProxies.parse(trustedProxy) { throw ValidationError(refusal.text.text(in: Language.session)) }
    }

    func run() throws {
        // The pages' language is the server's own choice on its command line, Indonesian unless
        // `--bahasa en`: SOP_BAHASA and the locale speak for the terminal, not for the office's staff.
        PageText.bahasa = language.bahasa ?? .id
        let service = try journal.service()
        let folders = sops.isEmpty ? (FileManager.default.fileExists(atPath: "sops") ? ["sops"] : []) : sops
        let served = ServedSOPs(folders: folders)
        for problem in served.problems { Terminal.error(UserMessages.notOffered.text(["path": .text(problem.path), "reason": .text(TerminalText.escaped(problem.message.text(in: Language.session)))], in: Language.session)) }
        let tls = tlsCert.flatMap { cert in tlsKey.map { TLSFiles(certificate: cert, key: $0) } }
        if !listen.isLoopback, tls == nil, !secureCookies {
            Terminal.error(UserMessages.withoutTLS.text(["host": .text(listen.host)], in: Language.session))
        }
        var logger = Logger(label: "sop.serve")
        logger.logLevel = .info
        // Page views are audited in batches, one transaction a second (see AuditBatcher); every
        // batch left is written when the server stops.
        let batcher = AuditBatcher(store: service.store, failed: { error, waiting in
            Terminal.error(UserMessages.auditRetry.text(["n": .number(waiting), "why": .text(TerminalText.escaped(error.message(in: Language.session)))], in: Language.session))
        })
        batcher.start()
        let server = WebServer(store: service.store, sops: served, policy: SessionPolicy(secureCookies: tls != nil || secureCookies),
                               trustedProxies: (try? TrustedProxies.parse(trustedProxy).get()) ?? .none, pdf: ChromiumPDFRenderer(),
                               osLogin: OperatingSystemLogin.name, auditBatcher: batcher)
        let app: any ApplicationProtocol
        do {
            app = try server.application(host: listen.host, port: listen.port, tls: tls, logger: logger)
        } catch let error as WebSetupError {
            Terminal.error("sop: \(TerminalText.escaped(error.text.text(in: Language.session)))")
            throw ExitCode(1)
        }
        print(UserMessages.serving.text(["url": .text("http\(tls == nil ? "" : "s")://\(listen.host):\(listen.port)/"), "n": .number(served.entries.count)], in: Language.session))
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService() } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        do throws(JournalError) { try batcher.stop() } catch {
            Terminal.error(UserMessages.auditLost.text(["n": .number(batcher.waiting), "why": .text(TerminalText.escaped(error.message(in: Language.session)))], in: Language.session))
            throw ExitCode(1)
        }
        if let message = failure.get() {
            Terminal.error(UserMessages.serverStopped.text(["why": .text(TerminalText.escaped(message))], in: Language.session))
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
