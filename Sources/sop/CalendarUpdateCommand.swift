import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop calendar update FILE [--dry-run]`: stores a new revision of a working calendar in the
/// journal and moves the open cases of that calendar to it, listing the due times that move.
struct CalendarUpdateCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "update",
            abstract: JournalHelpMessages.calendarUpdateCommandAbstract.text(in: Language.session),
            discussion: JournalHelpMessages.calendarUpdateCommandDiscussion.text(in: Language.session)
        )
    }

    @Argument(help: .catalogue(.calendarFile))
    var file: String

    @Flag(help: .catalogue(.calendarDryRun))
    var dryRun = false

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Terminal.error(CaseCommandMessages.calendarFileUnreadable.text(["path": .text(file)], in: Language.session))
            throw ExitCode(1)
        }
        let (loaded, diagnostics) = CalendarStore.parse(bytes: [UInt8](data), file: file)
        try LoadedSOP.fail(on: diagnostics)
        guard let calendar = loaded else { throw ExitCode(1) }
        // A dry run opens the journal for reading only: the file stays byte for byte as it was (a
        // read-write open of SQLite touches its header), and a journal that does not exist is not made.
        let service = dryRun ? CaseService(store: try journal.readOnlyStore(), actor: journal.actor, osLogin: OperatingSystemLogin.name,
                                           claimedUser: journal.claimedUser)
                             : try journal.service()
        let plan: CalendarUpdatePlan
        do { plan = try service.planCalendarUpdate(calendar) } catch { throw JournalFailure.exit(error) }
        print(CalendarUpdateText(plan: plan, dryRun: dryRun).text(in: Language.session), terminator: "")
        if !dryRun {
            do { _ = try service.applyCalendarUpdate(plan, key: key.value) } catch { throw JournalFailure.exit(error) }
        }
        for unreadable in plan.unreadable {
            Terminal.error(CaseCommandMessages.caseNotReadNotMoved.text(["case": .text(unreadable.id), "reason": .message(unreadable.why)], in: Language.session))
        }
        if !plan.unreadable.isEmpty { throw ExitCode(1) }
    }
}

/// The text `sop calendar update` prints: per case the revision it moves from and to, and each due
/// time that moves, before -> after, with why.
struct CalendarUpdateText {
    var plan: CalendarUpdatePlan
    var dryRun: Bool

    func text(in bahasa: Bahasa) -> String {
        typealias M = CaseCommandMessages
        let revision = plan.revision
        let none = OutputMessages.none.text(in: bahasa)
        var out = M.calendarRevision.text(["calendar": .text(revision.calendarID), "revision": .text(revision.shortHash),
                                           "files": .text(revision.sources.keys.sorted().joined(separator: ", "))], in: bahasa) + "\n"
        for move in plan.cases {
            out += "\(move.caseID): \(move.from.map { String($0.prefix(12)) } ?? M.notPinned.text(in: bahasa)) -> \(revision.shortHash)"
            out += move.moves.isEmpty ? M.noDueMoves.text(in: bahasa) + "\n" : "\n"
            for due in move.moves {
                out += M.dueMove.text(["what": .text(due.what), "before": .text(due.before.map(move.format) ?? none),
                                       "after": .text(due.after.map(move.format) ?? none)], in: bahasa) + "\n"
                for reason in due.why { out += M.because.text(["reason": .text(reason)], in: bahasa) + "\n" }
            }
        }
        if !plan.alreadyOn.isEmpty { out += M.alreadyOnRevision.text(["revision": .text(revision.shortHash), "cases": .text(plan.alreadyOn.joined(separator: ", "))], in: bahasa) + "\n" }
        if !plan.ended.isEmpty { out += M.endedKeepCalendar.text(["cases": .text(plan.ended.joined(separator: ", "))], in: bahasa) + "\n" }
        let count = MessageArgument.number(plan.cases.count)
        out += (dryRun ? M.dryRunWouldMove.text(["n": count], in: bahasa) : M.movedTo.text(["n": count, "revision": .text(revision.shortHash)], in: bahasa)) + "\n"
        return out
    }
}
