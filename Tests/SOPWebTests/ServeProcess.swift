import Foundation
import Testing
@testable import SOPJournal

#if canImport(Glibc)
import Glibc
#endif

/// A real `sop serve` process (the built binary) on a free loopback port, for the tests that need
/// the command itself: two processes on one journal, TLS. Stopped (SIGTERM, then SIGKILL) by `stop()`.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let scheme: String
    let stderrFile: URL

    /// Starts `sop serve --db DB --sops sops/ --listen 127.0.0.1:PORT` plus `arguments`, and waits
    /// until `/healthz` answers (`curlOptions` reach it, e.g. `--cacert`), or fails with its stderr.
    /// `environment` is added to the test's own.
    init(db: String, arguments: [String] = [], environment: [String: String] = [:], scheme: String = "http", curlOptions: [String] = [],
         folder: URL) throws {
        port = try ServeProcess.freePort()
        self.scheme = scheme
        stderrFile = folder.appendingPathComponent("serve-\(port).err")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = BrowserTests.binary
        process.arguments = ["serve", "--db", db, "--sops", WebFixture.root.appendingPathComponent("sops").path,
                             "--listen", "127.0.0.1:\(port)"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning { break }
            if let r = try? Curl.run(url("/healthz"), options: curlOptions), r.status == 200 { return }
            usleep(200_000)
        }
        stop()
        Issue.record("sop serve did not come up on port \(port): \(stderr)")
        throw CancellationError()
    }

    var base: String { "\(scheme)://127.0.0.1:\(port)" }
    func url(_ path: String) -> String { base + path }
    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// A port nobody listens on now (bound to port 0 and released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CancellationError() }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw CancellationError() }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs the `sop` binary to completion: (status, stdout, stderr). One still running after
    /// `timeout` seconds (a server that should have refused to start) is killed: status -1.
    static func sop(_ arguments: [String], stdin: String? = nil, timeout: TimeInterval = 60) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = BrowserTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = WebFixture.root
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outFile = folder.appendingPathComponent("out"), errFile = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let input = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        var status: Int32 = -1
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        } else {
            status = process.terminationStatus
        }
        let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        return (status, read(outFile), read(errFile))
    }

    /// Adds the users (name, role) to the journal at `db` with `sop user add`; passwords as WebFixture's.
    static func addUsers(_ users: [(String, String)], db: String) throws {
        for (name, role) in users {
            let r = try sop(["user", "add", name, "--role", role, "--sops", "sops", "--db", db], stdin: WebFixture.password(name) + "\n")
            #expect(r.status == 0, "user add \(name): \(r.stderr)")
        }
    }
}

/// One HTTP exchange through the `curl` command (it speaks TLS with a given CA, keeps a cookie jar
/// like a browser and never follows redirects here).
struct Curl {
    var status: Int
    var headers: String
    var body: [UInt8]
    var exitCode: Int32
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The `Set-Cookie` header lines.
    var setCookies: [String] {
        headers.split(separator: "\r\n").map(String.init).filter { $0.lowercased().hasPrefix("set-cookie:") }
    }

    func header(_ name: String) -> String? {
        headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
    }

    /// GET, or POST of `form` (URL-encoded) when given; `jar`: a cookie file read and written.
    static func run(_ url: String, form: [(String, String)]? = nil, jar: URL? = nil, options: [String] = []) throws -> Curl {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let headerFile = folder.appendingPathComponent("h"), bodyFile = folder.appendingPathComponent("b")
        var arguments = ["-s", "--max-time", "120", "-D", headerFile.path, "-o", bodyFile.path, "-w", "%{http_code}"] + options
        if let jar { arguments += ["-b", jar.path, "-c", jar.path] }
        if let form {
            arguments += ["--data-raw", form.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")]
        }
        arguments.append(url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let code = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Curl(status: Int(code) ?? 0, headers: (try? String(contentsOf: headerFile, encoding: .utf8)) ?? "",
                    body: Array((try? Data(contentsOf: bodyFile)) ?? Data()), exitCode: process.terminationStatus)
    }
}

/// A person in a browser of their own against a real server: a cookie jar and the CSRF token of
/// the last page.
final class CurlBrowser: @unchecked Sendable {
    let jar: URL
    let options: [String]
    var csrf: String?

    init(folder: URL, name: String, options: [String] = []) {
        jar = folder.appendingPathComponent("jar-\(name)-\(UUID().uuidString)")
        self.options = options
    }

    @discardableResult
    func get(_ server: ServeProcess, _ path: String) throws -> Curl {
        let r = try Curl.run(server.url(path), jar: jar, options: options)
        if let token = Browser.token(in: r.text) { csrf = token }
        return r
    }

    @discardableResult
    func post(_ server: ServeProcess, _ path: String, _ form: [(String, String)]) throws -> Curl {
        try Curl.run(server.url(path), form: [("csrf", csrf ?? "")] + form, jar: jar, options: options)
    }

    @discardableResult
    func login(_ server: ServeProcess, _ name: String) throws -> Curl {
        try get(server, "/masuk")
        return try post(server, "/masuk", [("nama", name), ("sandi", WebFixture.password(name))])
    }
}
