import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop run`: one case through an SOP, in standard time or replaying a scenario.
struct RunCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "run",
            abstract: HelpMessages.runCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.runCommandDiscussion.text(in: Language.session)
        )
    }

    @Argument(help: .catalogue(.sopFile))
    var sop: String

    @Option(name: .customLong("data"), help: .catalogue(.data))
    var data: [String] = []

    @Option(help: .catalogue(.dataFile))
    var dataFile: String?

    @Option(help: .catalogue(.runStart))
    var start: String?

    @Option(help: .catalogue(.scenario))
    var scenario: String?

    @Option(name: .customLong("answer"), help: .catalogue(.runAnswer))
    var answers: [String] = []

    @Option(help: .catalogue(.formatTextJSON))
    var format: OutputFormat = .text

    func validate() throws {
        if scenario != nil, !(data.isEmpty && dataFile == nil && start == nil && answers.isEmpty) {
            throw ValidationError(CLIMessages.scenarioAlone.text(in: Language.session))
        }
    }

    func run() throws {
        if let scenario {
            let outcome = try ScenarioCommands.replay(scenario: scenario, sopPath: sop)
            emit(outcome.report)
            if !outcome.diagnostics.isEmpty { throw ExitCode(1) }
            return
        }
        let definition = try LoadedSOP.load(sop)
        let context = try LoadedSOP.context(definition, sopPath: sop)
        let raw = try LoadedSOP.caseData(file: dataFile, pairs: data)
        let startAt = try LoadedSOP.instant(start, context: context, option: "--start") ?? Date()
        var queued: [String: [String]] = [:]
        for item in answers {
            guard let eq = item.firstIndex(of: "=") else { throw UsageFailure.exit("--answer", CLIMessages.notStepOutcome.text(["item": .text(item)], in: Language.session)) }
            queued[String(item[..<eq]), default: []].append(String(item[item.index(after: eq)...]))
        }
        if let problem = StandardRun.problem(with: queued, in: definition) { throw UsageFailure.exit("--answer", problem) }
        let runner = StandardRun(engine: CaseEngine(context: context), answers: queued,
                                 ask: Terminal.stdinIsTerminal ? Terminal.askDecision : nil)
        do {
            let result = try runner.run(data: raw, start: startAt)
            emit(CaseReport(state: result.state, context: context, now: result.state.endedAt ?? startAt))
        } catch {
            if error.state.openedAt != nil {
                emit(CaseReport(state: error.state, context: context, now: error.state.runs.last?.startedAt ?? startAt))
            }
            if error.refusal.reason == .badData { throw UsageFailure.exit("--data", error.refusal.message(in: Language.session)) }
            Terminal.error("\(sop): \(error.refusal.message(in: Language.session))")
            throw ExitCode(1)
        }
    }

    private func emit(_ report: CaseReport?) {
        guard let report else { return }
        switch format {
        case .text: print(report.text(in: Language.session), terminator: "")
        case .json: print(report.json().serialized())
        }
    }
}
