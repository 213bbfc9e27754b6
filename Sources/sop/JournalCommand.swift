import ArgumentParser
import SOPJournal

/// `sop journal`: the journal file itself: its soundness, what can be read out of it, its chains.
struct JournalCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Checks the journal for damage, exports what is readable, and verifies its tamper-evident chains.",
        discussion: """
        Examples:
          sop journal check
          sop journal export > cases.json
          sop journal verify
        """,
        subcommands: [JournalCheckCommand.self, JournalExportCommand.self, JournalVerifyCommand.self]
    )
}

extension JournalOptions {
    /// The journal opened for reading only: an SQLite file is neither created, migrated nor written
    /// (it stays byte-for-byte as it is, damaged or not).
    func readOnlyStore() throws -> any JournalStore {
        do {
            if path.contains("://") { return try JournalBackend.open(path, allowShared: sharedJournal) }
            return try SQLiteJournal(readingOnly: path, allowShared: sharedJournal)
        } catch {
            Terminal.error("sop: \(error.description)")
            throw ExitCode(1)
        }
    }
}
