import ArgumentParser
import SOPKit
import SOPJournal

/// `sop journal`: the journal file itself: its soundness, what can be read out of it, its chains.
struct JournalCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "journal",
            abstract: JournalHelpMessages.journalCommandAbstract.text(in: Language.session),
            discussion: JournalHelpMessages.journalCommandDiscussion.text(in: Language.session),
            subcommands: [JournalCheckCommand.self, JournalExportCommand.self, JournalVerifyCommand.self, JournalRebuildCommand.self]
        )
    }
}

extension JournalOptions {
    /// The journal opened for reading only: an SQLite file is neither created, migrated nor written
    /// (it stays byte-for-byte as it is, damaged or not).
    func readOnlyStore() throws -> any JournalStore {
        do {
            if path.contains("://") { return try JournalBackend.open(path, allowShared: sharedJournal) }
            return try SQLiteJournal(readingOnly: path, allowShared: sharedJournal)
        } catch {
            Terminal.error("sop: \(error.message(in: Language.session))")
            throw ExitCode(1)
        }
    }
}
