import ArgumentParser
import SOPJournal
import SOPKit

/// Shared by `sop run --scenario` and `sop test`.
enum ScenarioCommands {
    /// Replays one scenario against the given SOP, printing its problems.
    static func replay(scenario path: String, sopPath: String) throws -> (report: CaseReport?, diagnostics: [Diagnostic]) {
        let file = ScenarioFile.run(path: path, sopPath: sopPath)
        for d in file.diagnostics { Terminal.diagnostic(d) }
        if file.outcome == nil { throw ExitCode(1) }
        return (file.outcome?.report, file.diagnostics.filter { $0.severity == .error })
    }
}
