import ArgumentParser
import SOPJournal

/// How `case list`, `tasks` and `report` name the cases they could not read, after printing the
/// others: one line each on standard error, then exit 1 so a script notices.
enum UnreadableCases {
    static func report(_ unreadable: [UnreadableCase]) throws {
        guard !unreadable.isEmpty else { return }
        for u in unreadable { Terminal.error("sop: case \(u.id) cannot be read and is left out: \(u.reason)") }
        Terminal.error("sop: \(unreadable.count) case(s) left out; the others are shown above")
        throw ExitCode(1)
    }
}
