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
            abstract: HelpMessages.calendarUpdateCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.calendarUpdateCommandDiscussion.text(in: Language.session)
        )
    }

    @Argument(help: "The calendar file of the new revision.")
    var file: String

    @Flag(help: "List what would move and change nothing.")
    var dryRun = false

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Terminal.error("sop: the calendar file \(file) cannot be read")
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
        print(CalendarUpdateText(plan: plan, dryRun: dryRun).text(), terminator: "")
        if !dryRun {
            do { _ = try service.applyCalendarUpdate(plan, key: key.value) } catch { throw JournalFailure.exit(error) }
        }
        for unreadable in plan.unreadable {
            Terminal.error("sop: case \(unreadable.id) not read (not moved): \(unreadable.reason)")
        }
        if !plan.unreadable.isEmpty { throw ExitCode(1) }
    }
}

/// The text `sop calendar update` prints: per case the revision it moves from and to, and each due
/// time that moves, before -> after, with why.
struct CalendarUpdateText {
    var plan: CalendarUpdatePlan
    var dryRun: Bool

    func text() -> String {
        let revision = plan.revision
        var out = "calendar \(revision.calendarID): revision \(revision.shortHash) (files: \(revision.sources.keys.sorted().joined(separator: ", ")))\n"
        for move in plan.cases {
            out += "\(move.caseID): \(move.from.map { String($0.prefix(12)) } ?? "not pinned") -> \(revision.shortHash)"
            out += move.moves.isEmpty ? ", no due time moves\n" : "\n"
            for due in move.moves {
                out += "  \(due.what): \(due.before.map(move.format) ?? "none") -> \(due.after.map(move.format) ?? "none")\n"
                for reason in due.why { out += "    because \(reason)\n" }
            }
        }
        if !plan.alreadyOn.isEmpty { out += "already on \(revision.shortHash): \(plan.alreadyOn.joined(separator: ", "))\n" }
        if !plan.ended.isEmpty { out += "ended, keep their calendar: \(plan.ended.joined(separator: ", "))\n" }
        let count = plan.cases.count
        out += dryRun ? "dry run: \(count) open case(s) would move; nothing was changed\n"
                      : "\(count) open case(s) moved to \(revision.shortHash)\n"
        return out
    }
}
