import ArgumentParser
import Foundation
import SOPKit

/// `sop calendar`: the working calendars, what they cover, and what is provisional.
struct CalendarCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "calendar",
            abstract: JournalHelpMessages.calendarCommandAbstract.text(in: Language.session),
            subcommands: [CalendarShowCommand.self, CalendarUpdateCommand.self],
            defaultSubcommand: CalendarShowCommand.self
        )
    }
}

/// `sop calendar show`: coverage and provisional days of one calendar.
struct CalendarShowCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: JournalHelpMessages.calendarShowCommandAbstract.text(in: Language.session),
            discussion: JournalHelpMessages.calendarShowCommandDiscussion.text(in: Language.session)
        )
    }

    @Argument(help: .catalogue(.calendarID))
    var id: String?

    @Option(help: .catalogue(.calendarSOP))
    var sop: String?

    @Option(help: .catalogue(.calendarYear))
    var year: Int?

    func run() throws {
        var calendarID = id ?? CalendarStore.nationalID
        var folder: String?
        if let sop {
            let definition = try LoadedSOP.load(sop)
            if id == nil { calendarID = definition.time.calendar }
            folder = URL(fileURLWithPath: sop).deletingLastPathComponent().path
        }
        let (loaded, diagnostics) = CalendarStore.load(id: calendarID, searchingFrom: folder)
        try LoadedSOP.fail(on: diagnostics)
        guard let calendar = loaded else { throw ExitCode(1) }
        print(CalendarSummary(calendar: calendar).text(year: year, in: Language.session), terminator: "")
        if let warning = CalendarCoverage.warning(for: calendar, now: Date(), at: nil) {
            // Printed as a diagnostic: its note goes on a line of its own (Terminal.error would show
            // the line break between them as a literal "\n").
            Terminal.diagnostic(warning)
        }
    }
}
