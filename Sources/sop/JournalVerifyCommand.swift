import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop journal verify`: checks every tamper-evident chain and prints the head hash.
struct JournalVerifyCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Checks the hash chains of the events of every case, of the audit trail and of the stored definitions; prints the head hash to keep elsewhere.",
        discussion: """
        Exit status 0 when every chain holds, 1 naming the first row that breaks one. The head hash changes with every \
        command; write it down or send it elsewhere (a record that someone with access to the journal cannot rewrite): \
        a rewrite of the whole chain is only visible against such an external copy.
        """
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let store = try journal.readOnlyStore()
        let result: JournalVerification
        do {
            result = JournalVerification.verify(try store.chainRows())
        } catch {
            throw JournalFailure.exit(error)
        }
        print("\(result.cases) case(s) with \(result.events) event(s), \(result.auditRows) audit row(s), \(result.definitions) stored definition(s)"
              + (result.erased > 0 ? "; \(result.erased) erased payload(s) still chained by their hash" : ""))
        print("head: \(result.head)")
        if let broken = result.firstBreak {
            Terminal.error("sop: the journal was altered: \(broken)")
            throw ExitCode(1)
        }
        print("every chain holds")
    }
}
