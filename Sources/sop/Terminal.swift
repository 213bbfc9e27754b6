#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SOPJournal
import SOPKit

/// Where output goes, and whether it is a terminal that wants colour.
enum Terminal {
    /// Whether standard error is a terminal and colour is not switched off (`NO_COLOR`).
    static var stderrWantsColour: Bool {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes a one-line message to standard error, every control character in it escaped (a
    /// message quoting user input stays one line and runs no escape sequence).
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(text) + "\n").utf8))
    }

    /// Writes a diagnostic and its notes to standard error, one line each (the printer escapes
    /// the quoted text; colour only when standard error is a terminal).
    static func diagnostic(_ d: Diagnostic, colour: Bool = Terminal.stderrWantsColour) {
        FileHandle.standardError.write(Data((DiagnosticPrinter(useColour: colour, bahasa: Language.session).text(d) + "\n").utf8))
    }

    /// The width output should fit: the terminal's (TIOCGWINSZ on standard output), else `COLUMNS`
    /// (set by shells, and by users piping into a pager), else `fallback`; always within
    /// `TableWidth.range` (a `$COLUMNS` of 10^8 must not make a table that size).
    static func width(fallback: Int = 80) -> Int {
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return TableWidth.clamped(Int(size.ws_col)) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(columns), n > 20 { return TableWidth.clamped(n) }
        return fallback
    }

    /// Whether standard input is a terminal (so the user can be asked).
    static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// Asks the user for a decision's outcome on the terminal.
    static let askDecision: @Sendable (Step, Decision) -> String? = { step, decision in
        let labels = decision.outcomes.map(\.label)
        while true {
            FileHandle.standardError.write(Data(TerminalText.escaped("\(step.id): \(decision.question) [\(labels.joined(separator: "/"))] ").utf8))
            guard let line = readLine() else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if decision.outcome(labelled: answer) != nil { return answer }
            FileHandle.standardError.write(Data((TerminalText.escaped(CaseCommandMessages.answerOneOf.text(["labels": .text(labels.joined(separator: ", "))], in: Language.session)) + "\n").utf8))
        }
    }
}


/// Everything `sop` prints to standard output goes through here (it shadows the standard library's
/// `print` in this module), so no control character reaches the terminal raw, whichever command
/// prints it: line breaks and tabs stay, everything else is shown escaped (see `TerminalText`).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator) + terminator
    Swift.print(TerminalText.screen(text), terminator: "")
}
