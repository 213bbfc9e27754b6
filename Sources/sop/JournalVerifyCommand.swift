import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop journal verify`: checks every tamper-evident chain and prints the head hash.
struct JournalVerifyCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: JournalHelpMessages.journalVerifyCommandAbstract.text(in: Language.session),
            discussion: JournalHelpMessages.journalVerifyCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let store = try journal.readOnlyStore()
        let result: JournalVerification
        do {
            result = JournalVerification.verify(try store.chainRows())
        } catch {
            throw JournalFailure.exit(error)
        }
        let b = Language.session
        print(JournalCommandMessages.verifyCounts.text(["cases": .number(result.cases), "events": .number(result.events), "audit": .number(result.auditRows),
                                     "definitions": .number(result.definitions), "calendars": .number(result.calendars)], in: b)
              + (result.erased > 0 ? JournalCommandMessages.verifyErased.text(["n": .number(result.erased)], in: b) : ""))
        print(JournalCommandMessages.head.text(["hash": .text(result.head)], in: b))
        if let broken = result.firstBreak {
            Terminal.error(JournalCommandMessages.altered.text(["where": .text("\(broken)")], in: b))
            throw ExitCode(1)
        }
        print(JournalCommandMessages.everyChainHolds.text(in: b))
    }
}
