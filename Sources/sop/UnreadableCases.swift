import ArgumentParser
import SOPJournal
import SOPKit

/// How `case list`, `tasks` and `report` name the cases they could not read, after printing the
/// others: one line each on standard error, then exit 1 so a script notices.
enum UnreadableCases {
    static func report(_ unreadable: [UnreadableCase]) throws {
        guard !unreadable.isEmpty else { return }
        for u in unreadable { Terminal.error(CaseCommandMessages.caseLeftOut.text(["case": .text(u.id), "reason": .message(u.why)], in: Language.session)) }
        Terminal.error(CaseCommandMessages.casesLeftOut.text(["n": .number(unreadable.count)], in: Language.session))
        throw ExitCode(1)
    }
}
