import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a password for `sop user add|passwd`: at a terminal, from the terminal with echo off
/// (asked twice, the two must match); otherwise one line from standard input (for scripts:
/// `printf '%s\n' "$PW" | sop user add ...`). Never from an option: an argument shows in `ps`
/// and in shell history.
enum PasswordPrompt {
    static func read(confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw UsageFailure.exit("password", "no password on standard input: type it at the terminal, or pipe one line")
            }
            return line
        }
        let first = try prompt("Kata sandi: ")
        if confirm {
            let second = try prompt("Ulangi kata sandi: ")
            guard first == second else { throw UsageFailure.exit("password", "the two passwords differ; nothing was changed") }
        }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw UsageFailure.exit("password", "no password was typed")
        }
        return line
    }
}
