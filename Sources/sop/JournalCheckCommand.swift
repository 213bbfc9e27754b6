import ArgumentParser
import SOPKit
import SOPJournal

/// `sop journal check`: the storage's full integrity check, and every case read back.
struct JournalCheckCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: HelpMessages.journalCheckCommandAbstract.text(in: Language.session),
            discussion: "Exit status 0 when the journal is sound, 1 when it is damaged (restore the last backup; `sop journal export` saves what is readable)."
        )
    }

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let report = try journal.readOnlyStore().check()
        for problem in report.storageProblems { print("damaged: \(problem)") }
        for (id, reason) in report.unreadable { print("unreadable: \(id): \(reason)") }
        print("\(report.casesRead) case(s) read\(report.unreadable.isEmpty ? "" : ", \(report.unreadable.count) unreadable")")
        if report.isSound {
            print("the journal is sound")
        } else {
            Terminal.error("sop: the journal '\(JournalBackend.describe(journal.path))' is damaged: restore the last backup; `sop journal export` saves what is still readable")
            throw ExitCode(1)
        }
    }
}
