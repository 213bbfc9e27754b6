import ArgumentParser
import Foundation
import SOPKit
import SOPSimulate

/// `sop simulate`: what an SOP (or a revision of it) will do to waiting and on-time service.
struct SimulateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "simulate", abstract: JournalHelpMessages.simulateCommandAbstract.text(in: Language.session), discussion: JournalHelpMessages.simulateCommandDiscussion.text(in: Language.session))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Argument(help: .catalogue(.sopFile))
    var sop: String

    @Option(help: .catalogue(.arrivals),
            transform: SimulateCommand.rate)
    var arrivals: ArrivalRate?

    @Flag(help: .catalogue(.arrivalsFromJournal))
    var arrivalsFromJournal = false

    @Option(help: .catalogue(.simFrom))
    var from: String?

    @Option(help: .catalogue(.simTo))
    var to: String?

    @Option(name: .customLong("staff"), help: .catalogue(.staff),
            transform: SimulateCommand.staffEntry)
    var staff: [StaffEntry] = []

    @Option(help: .catalogue(.durations))
    var durations: SimulationSettings.Durations = .standard

    @Option(name: .customLong("share"), help: .catalogue(.share),
            transform: SimulateCommand.share)
    var shares: [ShareSpec] = []

    @Option(help: .catalogue(.runs))
    var runs: Int = 20

    @Option(help: .catalogue(.seed))
    var seed: UInt64 = 1

    @Option(help: .catalogue(.compare))
    var compare: String?

    @Option(help: .catalogue(.formatSimulate))
    var format: Format = .text

    @Option(name: .shortAndLong, help: .catalogue(.outputFile))
    var output: String?

    @OptionGroup var language: BahasaOption
    @OptionGroup var journal: JournalOptions

    struct StaffEntry {
        var name: String
        var count: Int
        init(_ pair: (name: String, count: Int)) {
            name = pair.name
            count = pair.count
        }
    }

    // Option values read by the library's parsers, so a bad one fails at parse time with our reason.
    static func rate(_ text: String) throws -> ArrivalRate {
        do throws(SimulationInputError) { return try ArrivalRate(parsing: text) } catch { throw ValidationError(error.message(in: Language.session)) }
    }

    static func staffEntry(_ text: String) throws -> StaffEntry {
        do throws(SimulationInputError) { return StaffEntry(try SimulationSettings.staffEntry(parsing: text)) } catch { throw ValidationError(error.message(in: Language.session)) }
    }

    static func share(_ text: String) throws -> ShareSpec {
        do throws(SimulationInputError) { return try ShareSpec(parsing: text) } catch { throw ValidationError(error.message(in: Language.session)) }
    }

    func validate() throws {
        if arrivals != nil, arrivalsFromJournal {
            throw ValidationError(SimulationMessages.bothArrivals.text(in: Language.session))
        }
        if arrivals == nil, !arrivalsFromJournal {
            throw ValidationError(SimulationMessages.noArrivals.text(in: Language.session))
        }
    }

    func run() throws {
        let definition = try LoadedSOP.load(sop)
        let context = try LoadedSOP.context(definition, sopPath: sop)
        let calendar = context.calendar
        func day(_ text: String?, _ option: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(iso: text) else {
                throw UsageFailure.exit(option, CaseCommandMessages.notADate.text(["text": .text(text)], in: Language.session))
            }
            return date
        }
        let thisYear = calendar.date(of: Date()).year
        let start = try day(from, "--from") ?? CalendarDate(year: thisYear, month: 1, day: 1)!
        let end = try day(to, "--to") ?? start.addingYear()
        var revised: (definition: SOPDefinition, context: CaseContext)?
        if let compare {
            let other = try LoadedSOP.load(compare)
            revised = (other, try LoadedSOP.context(other, sopPath: compare))
        }
        var history: SimulationHistory?
        if arrivalsFromJournal || durations == .journal {
            history = try SimulationJournal.history(journal, sopID: definition.id,
                                                     from: calendar.instant(start, minuteOfDay: 0), to: calendar.instant(end, minuteOfDay: 0))
        }
        let settings = SimulationSettings(arrivals: arrivals.map { .rate($0) } ?? .journal, from: start, to: end,
                                          staff: staff.map { ($0.name, $0.count) }, durations: durations, shares: shares,
                                          runs: runs, seed: seed)
        let text: String
        do {
            if let revised {
                let basePlan = try SimulationPlan(context: context, settings: settings, history: history,
                                                  tolerating: .init(revised.definition))
                let revisedPlan = try SimulationPlan(context: revised.context, settings: settings, history: history,
                                                     tolerating: .init(definition))
                let comparison = SimulationComparison(base: try Simulation.run(basePlan), revised: try Simulation.run(revisedPlan),
                                                      baseName: sop, revisedName: compare ?? "")
                switch format {
                case .text: text = comparison.text(in: Language.session)
                case .json: text = comparison.json().serialized() + "\n"
                case .html: text = SimulationHTML.page(comparison, in: Language.session)
                }
                try emit(text)
                if comparison.base.unstable != nil || comparison.revised.unstable != nil { throw ExitCode(1) }
                return
            }
            let plan = try SimulationPlan(context: context, settings: settings, history: history)
            let report = try Simulation.run(plan)
            switch format {
            case .text: text = report.text(in: Language.session)
            case .json: text = report.json().serialized() + "\n"
            case .html: text = SimulationHTML.page(report, in: Language.session)
            }
            try emit(text)
            if report.unstable != nil { throw ExitCode(1) }
        } catch let error as SimulationInputError {
            throw UsageFailure.exit(error.option, error.message(in: Language.session))
        } catch let failure as SimulationFailure {
            Terminal.error("\(sop): \(failure.text.text(in: Language.session))")
            throw ExitCode(1)
        }
    }

    private func emit(_ text: String) throws {
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            Terminal.error(SimulationMessages.cannotWrite.text(["path": .text(output), "why": .text(error.localizedDescription)], in: Language.session))
            throw ExitCode(1)
        }
    }
}

extension SimulationSettings.Durations: ExpressibleByArgument {}

extension SimulationPlan.Tolerance {
    /// The steps and performers of another revision.
    init(_ other: SOPDefinition) {
        self.init(steps: Set(other.steps.map(\.id)), performers: Set(other.performers.map(\.id)))
    }
}

extension CalendarDate {
    /// The same day a year later (29 February becomes 28 February).
    func addingYear() -> CalendarDate {
        CalendarDate(year: year + 1, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year + 1)))
            ?? CalendarDate(year: year + 1, month: 1, day: 1)!
    }
}
