import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server of one test's own, started with scripts/pg-test-server.sh, so the test may
/// restart or stop it without disturbing the shared test server. `stop()` removes it.
final class ThrowawayServer: @unchecked Sendable {
    let folder: String
    /// Its URL (user `sop`, database `sop_test`).
    let url: String

    private init(folder: String, url: String) {
        self.folder = folder
        self.url = url
    }

    /// Starts a new cluster in a new folder under /tmp.
    static func start() throws -> ThrowawayServer {
        let folder = "/tmp/sop-pg-\(UUID().uuidString.prefix(8).lowercased())"
        let out = try run("/bin/bash", [TestPaths.root.appendingPathComponent("scripts/pg-test-server.sh").path, "start", folder])
        let url = try #require(out.split(separator: "\n").last.map(String.init), "pg-test-server.sh printed no URL")
        return ThrowawayServer(folder: folder, url: url)
    }

    /// Restarts the server: `fast` ends sessions cleanly (each gets 57P01), `immediate` as a crash.
    func restart(mode: String) throws {
        let bin = try #require(ThrowawayServer.binaries, "no PostgreSQL binaries")
        let arguments = ["-D", "\(folder)/data", "-l", "\(folder)/server.log", "-m", mode, "-w", "-t", "60", "restart"]
        if getuid() == 0 {
            // The cluster belongs to sopci (PostgreSQL refuses to run as root).
            _ = try ThrowawayServer.run("/usr/sbin/runuser", ["-u", "sopci", "--", "\(bin)/pg_ctl"] + arguments)
        } else {
            _ = try ThrowawayServer.run("\(bin)/pg_ctl", arguments)
        }
    }

    /// Stops the server and removes its folder.
    func stop() {
        _ = try? ThrowawayServer.run("/bin/bash", [TestPaths.root.appendingPathComponent("scripts/pg-test-server.sh").path, "stop", folder])
    }

    private static let binaries: String? = {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { "/usr/lib/postgresql/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/pg_ctl") }
    }()

    /// Runs a tool to its end (posix_spawn and waitpid, as `Spawn`: Foundation's Process was
    /// seen never to reap the script here); its standard output, or an error with its standard error.
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString).out").path
        defer { unlink(outPath) }
        let process = try PausableProcess(executable, arguments, environment: ProcessInfo.processInfo.environment, output: outPath)
        let (status, errors) = process.wait(bound: 180)
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw ToolFailure(message: "\(executable) \(arguments.joined(separator: " ")) (status \(status.map(String.init) ?? "none")): \(errors)")
        }
        return output
    }

    struct ToolFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// A child process a test can pause (SIGSTOP), continue (SIGCONT) and wait for, killing it if it
/// outlives a generous bound (a hang, reported as such).
struct PausableProcess {
    let pid: pid_t
    private let errPath: String

    init(_ executable: String, _ arguments: [String], environment: [String: String], output: String = "/dev/null") throws {
        errPath = FileManager.default.temporaryDirectory.appendingPathComponent("pausable-\(UUID().uuidString).err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
            throw ThrowawayServer.ToolFailure(message: "posix_spawn \(executable) failed")
        }
        self.pid = pid
    }

    func pause() { kill(pid, SIGSTOP) }
    func resume() { kill(pid, SIGCONT) }

    /// Waits for the end; nil status when it was still running after `bound` seconds (then killed).
    func wait(bound: Double) -> (status: Int32?, stderr: String) {
        let deadline = Date().addingTimeInterval(bound)
        var status: Int32 = 0
        var ended = false
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                ended = true
                break
            }
            usleep(5000)
        }
        if !ended {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        }
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        unlink(errPath)
        return (ended ? (status >> 8) & 0xff : nil, stderr)
    }
}
