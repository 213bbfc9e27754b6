import ArgumentParser
import SOPKit
import SOPJournal

/// `sop journal check`: the storage's full integrity check, and every case read back.
struct JournalCheckCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: JournalHelpMessages.journalCheckCommandAbstract.text(in: Language.session),
            discussion: JournalHelpMessages.journalCheckCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let report = try journal.readOnlyStore().check()
        let b = Language.session
        for problem in report.storageProblems { print(JournalCommandMessages.damaged.text(["problem": .message(problem)], in: b)) }
        for (id, why) in report.unreadable { print(JournalCommandMessages.unreadable.text(["case": .text(id), "reason": .message(why)], in: b)) }
        print(report.unreadable.isEmpty ? JournalCommandMessages.casesRead.text(["n": .number(report.casesRead)], in: b)
                                        : JournalCommandMessages.casesReadUnreadable.text(["n": .number(report.casesRead), "unreadable": .number(report.unreadable.count)], in: b))
        if report.isSound {
            print(JournalCommandMessages.sound.text(in: b))
        } else {
            Terminal.error(JournalCommandMessages.isDamaged.text(["journal": .text(JournalBackend.describe(journal.path))], in: b))
            throw ExitCode(1)
        }
    }
}
