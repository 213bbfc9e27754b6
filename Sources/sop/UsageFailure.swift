import ArgumentParser

/// A value the user gave that cannot be used: one line naming the option and the cause on
/// standard error, and exit status 64 (usage), as ArgumentParser does for values it checks itself.
enum UsageFailure {
    /// Prints `sop: OPTION: message` and returns the exit code to throw.
    static func exit(_ option: String, _ message: String) -> ExitCode {
        Terminal.error("sop: \(option): \(message)")
        return ExitCode.validationFailure
    }
}
