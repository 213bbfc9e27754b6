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

    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The width output should fit: the terminal's (TIOCGWINSZ on standard output), else `COLUMNS`
    /// (set by shells, and by users piping into a pager), else `fallback`.
    static func width(fallback: Int = 80) -> Int {
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(columns), n > 20 { return n }
        return fallback
    }

    /// Whether standard input is a terminal (so the user can be asked).
    static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// Asks the user for a decision's outcome on the terminal.
    static let askDecision: @Sendable (Step, Decision) -> String? = { step, decision in
        let labels = decision.outcomes.map(\.label)
        while true {
            FileHandle.standardError.write(Data("\(step.id): \(decision.question) [\(labels.joined(separator: "/"))] ".utf8))
            guard let line = readLine() else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if decision.outcome(labelled: answer) != nil { return answer }
            FileHandle.standardError.write(Data("answer one of: \(labels.joined(separator: ", "))\n".utf8))
        }
    }
}
