import Foundation

/// The state of one case, derived from its events and nothing else.
public struct CaseState: Sendable, Hashable {
    /// A document the case holds.
    public struct Document: Sendable, Hashable {
        public var name: String
        /// The step that produced it; nil for documents the case brought.
        public var step: String?
        public var at: Date
    }

    public var status: CaseOutcome = .open
    public var openedAt: Date?
    public var endedAt: Date?
    public var data: [String: CaseValue] = [:]
    public var documents: [Document] = []
    /// Every run of a step, in the order the steps started: the path so far.
    public var runs: [StepRun] = []
    /// The deadline of the whole case: opened plus the SOP's jangka waktu penyelesaian.
    public var deadline: Date?
    /// Years the working calendar does not cover that due times passed through (warned, not guessed).
    public var uncoveredYears: Set<Int> = []
    /// How many events have been applied.
    public var version = 0
    /// The latest round of each step that has run (derived from `runs`, kept so that starting a
    /// step does not count through every earlier run: a straight SOP of 50,000 steps).
    var roundsByStep: [String: Int] = [:]
    /// The revisions the case moved away from, with when.
    public var migrations: [Migration] = []

    /// A move to a revised definition.
    public struct Migration: Sendable, Hashable {
        public var from: String
        public var at: Date
    }

    public init() {}

    /// The state after `events`, from nothing.
    public static func fold(_ events: [CaseEvent], in context: CaseContext) -> CaseState {
        var state = CaseState()
        for event in events { state.apply(event, in: context) }
        return state
    }

    /// The step ids in the order they ran (a step entered twice appears twice).
    public var path: [String] { runs.map(\.stepID) }

    /// Indices of the runs that are active (started, not completed).
    public var activeRunIndices: [Int] { runs.indices.filter { !runs[$0].isCompleted } }

    /// The latest run of a step.
    public func latestRun(of step: String) -> StepRun? { runs.last { $0.stepID == step } }

    /// Whether the case holds `document` (matched like kelengkapan: ignoring case and repeated spaces).
    public func holds(_ document: String) -> Bool {
        // The name exactly as written is the usual case, and needs no normalising.
        if documents.contains(where: { $0.name == document }) { return true }
        let key = DocumentAvailability.key(document)
        return documents.contains { DocumentAvailability.key($0.name) == key }
    }

    /// Applies one event. Pure: the same events in the same context always give the same state.
    public mutating func apply(_ event: CaseEvent, in context: CaseContext) {
        version += 1
        switch event.kind {
        case .opened(let data, let brought):
            // Room for the usual path at once (growing the runs and the rounds one step at a time
            // was 6% of running a case); capacity is no part of the state's value.
            let steps = min(context.definition.steps.count, 16)
            runs.reserveCapacity(steps)
            roundsByStep.reserveCapacity(steps)
            self.data = data
            openedAt = event.at
            documents += brought.map { Document(name: $0, step: nil, at: event.at) }
            if let period = context.definition.jangkaWaktu?.deadline {
                let result = context.calendar.adding(period, to: event.at)
                deadline = result.instant
                if !result.uncoveredYears.isEmpty { uncoveredYears.formUnion(result.uncoveredYears) }
            }
        case .stepStarted(let id):
            guard let step = context.definition.step(id) else { return }
            if roundsByStep.isEmpty, !runs.isEmpty {
                for run in runs { roundsByStep[run.stepID] = max(roundsByStep[run.stepID] ?? 0, run.round) }
            }
            let round = (roundsByStep[id] ?? 0) + 1
            roundsByStep[id] = round
            var run = StepRun(stepID: id, round: round, startedAt: event.at,
                              due: context.due(after: event.at, of: step, uncovered: &uncoveredYears))
            run.occurrences = context.occurrences(of: step, from: event.at, uncovered: &uncoveredYears)
            if let last = run.occurrences.last { run.due = last.windowEnd }
            // Room for each performer's sign-off at once (growing the list one sign-off at a time was
            // 2% of running a case); a recurring step's sessions may be attended without any.
            if !step.repeats {
                let signers = step.performers.count
                if signers > 1 { run.signedOff.reserveCapacity(signers) }
            }
            runs.append(run)
        case .signedOff(let id, let performer, let note):
            modifyActiveRun(id) { $0.signedOff.append(.init(performer: performer, at: event.at, note: note)) }
        case .documentProduced(let name, let step):
            documents.append(Document(name: name, step: step, at: event.at))
        case .decisionTaken(let id, let outcome, let byRule):
            modifyActiveRun(id) {
                $0.outcome = outcome
                $0.decidedByRule = byRule
            }
        case .stepCompleted(let id):
            modifyActiveRun(id) { $0.completedAt = event.at }
        case .sessionAttended(let id, let number):
            modifyActiveRun(id) { run in
                if let i = run.occurrences.firstIndex(where: { $0.number == number }) {
                    run.occurrences[i].attendedAt = event.at
                } else if run.occurrences.isEmpty {
                    // A batch: a group step that does not repeat ("the recommendation letter is made
                    // collectively once a month"). Its one session is the occurrence the case
                    // waited for, from reaching the row to the session.
                    run.occurrences.append(.init(number: number, windowStart: run.startedAt, windowEnd: event.at, attendedAt: event.at))
                }
            }
        case .ended(let outcome):
            status = outcome
            endedAt = event.at
        case .migrated(_, _, let mapping):
            // `context` is already the revised definition's: rename the runs and recount the due
            // time of the active run under its new standard.
            for i in runs.indices {
                if let renamed = mapping[runs[i].stepID] { runs[i].stepID = renamed }
                guard !runs[i].isCompleted, runs[i].occurrences.isEmpty, let step = context.definition.step(runs[i].stepID) else { continue }
                runs[i].due = context.due(after: runs[i].startedAt, waktu: step.waktu, uncovered: &uncoveredYears)
            }
            for i in documents.indices {
                if let step = documents[i].step, let renamed = mapping[step] { documents[i].step = renamed }
            }
            roundsByStep = [:]
            for run in runs { roundsByStep[run.stepID] = max(roundsByStep[run.stepID] ?? 0, run.round) }
            migrations.append(Migration(from: event.kind.migrationFrom ?? "", at: event.at))
        }
    }

    private mutating func modifyActiveRun(_ step: String, _ change: (inout StepRun) -> Void) {
        guard let index = runs.lastIndex(where: { $0.stepID == step && !$0.isCompleted }) else { return }
        change(&runs[index])
    }
}
