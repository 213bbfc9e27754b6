import ArgumentParser
import Foundation
import SOPKit
import SOPSimulate

/// `sop simulate`: what an SOP (or a revision of it) will do to waiting and on-time service.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulates cases arriving at an SOP with the staff each role has: on-time shares, waiting, utilisation and the bottleneck.",
        discussion: """
        Cases arrive at a rate (Poisson in working time) or at the journal's own arrival times; each \
        step is moved by the same engine as `sop run`, each role has N people working one case step \
        at a time in working time on the SOP's calendar, queues are served earliest due first, and \
        decisions go each way with the shares given (else learned from the journal, else equal). \
        Figures are means over the runs with the 5th-95th percentile interval. An unstable load is \
        reported with the role responsible (exit 1). See docs/simulate.md.

        Examples:
          sop simulate sops/anak-jalanan.yaml --arrivals 40/bulan --staff kasi=1 --staff peksos=2 --runs 50
          sop simulate sops/anak-jalanan.yaml --arrivals 40/bulan --share penjangkauan=Ya:0.3 --compare revisi.yaml
          sop simulate sops/anak-jalanan.yaml --arrivals-from-journal --durations journal --from 2025-01-01 --to 2026-01-01
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Argument(help: "The SOP file.")
    var sop: String

    @Option(help: "Cases arriving per period: N/hari, N/minggu, N/bulan or N/tahun (e.g. 40/bulan).",
            transform: SimulateCommand.rate)
    var arrivals: ArrivalRate?

    @Flag(help: "Cases arrive when the journal's cases of this SOP were opened in the period.")
    var arrivalsFromJournal = false

    @Option(help: "The first day cases arrive (YYYY-MM-DD; default 1 January of this year).")
    var from: String?

    @Option(help: "The day after the last day cases arrive (default one year after --from).")
    var to: String?

    @Option(name: .customLong("staff"), help: "People of a role, ROLE=N (repeatable; a role not given has one person).",
            transform: SimulateCommand.staffEntry)
    var staff: [StaffEntry] = []

    @Option(help: "Step durations: standard (drawn from the mutu baku) or journal (the journal's actual times).")
    var durations: SimulationSettings.Durations = .standard

    @Option(name: .customLong("share"), help: "The share of a decision's outcome, STEP=OUTCOME:P (repeatable).",
            transform: SimulateCommand.share)
    var shares: [ShareSpec] = []

    @Option(help: "How many independent runs (1 to 10000).")
    var runs: Int = 20

    @Option(help: "The seed of the random streams (the same seed gives the same figures).")
    var seed: UInt64 = 1

    @Option(help: "A revised SOP to simulate on the same random streams, side by side.")
    var compare: String?

    @Option(help: "Output format: text, json or html.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

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
        do throws(SimulationInputError) { return try ArrivalRate(parsing: text) } catch { throw ValidationError(error.message) }
    }

    static func staffEntry(_ text: String) throws -> StaffEntry {
        do throws(SimulationInputError) { return StaffEntry(try SimulationSettings.staffEntry(parsing: text)) } catch { throw ValidationError(error.message) }
    }

    static func share(_ text: String) throws -> ShareSpec {
        do throws(SimulationInputError) { return try ShareSpec(parsing: text) } catch { throw ValidationError(error.message) }
    }

    func validate() throws {
        if arrivals != nil, arrivalsFromJournal {
            throw ValidationError("give either --arrivals N/PERIOD or --arrivals-from-journal, not both")
        }
        if arrivals == nil, !arrivalsFromJournal {
            throw ValidationError("give --arrivals N/PERIOD (e.g. --arrivals 40/bulan) or --arrivals-from-journal")
        }
    }

    func run() throws {
        let definition = try LoadedSOP.load(sop)
        let context = try LoadedSOP.context(definition, sopPath: sop)
        let calendar = context.calendar
        func day(_ text: String?, _ option: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(iso: text) else {
                throw UsageFailure.exit(option, "'\(text)' is not a date; write e.g. 2025-01-01 (YYYY-MM-DD)")
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
                case .text: text = comparison.text()
                case .json: text = comparison.json().serialized() + "\n"
                case .html: text = SimulationHTML.page(comparison)
                }
                try emit(text)
                if comparison.base.unstable != nil || comparison.revised.unstable != nil { throw ExitCode(1) }
                return
            }
            let plan = try SimulationPlan(context: context, settings: settings, history: history)
            let report = try Simulation.run(plan)
            switch format {
            case .text: text = report.text()
            case .json: text = report.json().serialized() + "\n"
            case .html: text = SimulationHTML.page(report)
            }
            try emit(text)
            if report.unstable != nil { throw ExitCode(1) }
        } catch let error as SimulationInputError {
            throw UsageFailure.exit(error.option, error.message)
        } catch let failure as SimulationFailure {
            Terminal.error("\(sop): \(failure.message)")
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
            Terminal.error("sop: -o: cannot write '\(output)': \(error.localizedDescription)")
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
