import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a child process with posix_spawn and reaps it with waitpid, so a test can SIGKILL it at
/// an exact moment (Foundation's Process reaps children on its own queue, which races with that).
enum Spawn {
    struct Result {
        var status: Int32
        var killed: Bool
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String], directory: String,
                    killAfter: Double?) -> Result {
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString).err").path
        defer { unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        // The tests read English messages unless they choose otherwise.
        var environment = environment
        if environment["SOP_BAHASA"] == nil { environment["SOP_BAHASA"] = "en" }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
            return Result(status: -1, killed: false, stderr: "posix_spawn failed")
        }
        var status: Int32 = 0
        var killed = false
        if let killAfter {
            let deadline = Date().addingTimeInterval(killAfter)
            while true {
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid { return result(status, killed: false, errPath) }
                if Date() >= deadline {
                    kill(pid, SIGKILL)
                    killed = true
                    break
                }
                usleep(300)
            }
        }
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return result(status, killed: killed, errPath)
    }

    private static func result(_ status: Int32, killed: Bool, _ errPath: String) -> Result {
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let signaled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        let exit = signaled ? -(status & 0x7f) : (status >> 8) & 0xff
        return Result(status: exit, killed: killed && signaled, stderr: stderr)
    }
}
