import Foundation
import SOPKit
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
                throw UsageFailure.exit("password", UserMessages.noPasswordOnStdin.text(in: Language.session))
            }
            return line
        }
        let first = try prompt(UserMessages.passwordPrompt.text(in: Language.session))
        if confirm {
            let second = try prompt(UserMessages.passwordAgain.text(in: Language.session))
            guard first == second else { throw UsageFailure.exit("password", UserMessages.passwordsDiffer.text(in: Language.session)) }
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
            throw UsageFailure.exit("password", UserMessages.noPasswordTyped.text(in: Language.session))
        }
        return line
    }
}
