import ArgumentParser
import Foundation
import SOPKit

/// `sop calendar`: the working calendars, what they cover, and what is provisional.
struct CalendarCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "calendar",
            abstract: HelpMessages.calendarCommandAbstract.text(in: Language.session),
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
            abstract: HelpMessages.calendarShowCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.calendarShowCommandDiscussion.text(in: Language.session)
        )
    }

    @Argument(help: "The calendar id (default: the one --sop names, else indonesia).")
    var id: String?

    @Option(help: "Look for the calendar as this SOP does (its folder), and default to the calendar it names.")
    var sop: String?

    @Option(help: "List the days off of this year, each marked decreed or provisional.")
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
        print(CalendarSummary(calendar: calendar).text(year: year), terminator: "")
        if let warning = CalendarCoverage.warning(for: calendar, now: Date(), at: nil) {
            // Printed as a diagnostic: its note goes on a line of its own (Terminal.error would show
            // the line break between them as a literal "\n").
            Terminal.diagnostic(warning)
        }
    }
}
