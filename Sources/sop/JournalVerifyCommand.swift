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
            abstract: HelpMessages.journalVerifyCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.journalVerifyCommandDiscussion.text(in: Language.session)
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
        print("\(result.cases) case(s) with \(result.events) event(s), \(result.auditRows) audit row(s), \(result.definitions) stored definition(s), \(result.calendars) stored calendar revision(s)"
              + (result.erased > 0 ? "; \(result.erased) erased payload(s) still chained by their hash" : ""))
        print("head: \(result.head)")
        if let broken = result.firstBreak {
            Terminal.error("sop: the journal was altered: \(broken)")
            throw ExitCode(1)
        }
        print("every chain holds")
    }
}
