import Foundation

/// The state of one case of a ``CompiledSOP``: ``CaseState`` with indices for steps, performers and
/// documents, and the sign-offs of every run in one flat list, so that applying an event copies
/// and retains nearly nothing. Derived from its events alone (``apply(_:in:)``), like the fold;
/// ``CompiledSOP/caseState(_:)`` gives the ``CaseState`` it stands for.
public struct CompiledCaseState: Sendable, Hashable {
    /// One run of a step (``StepRun``). Usable from inline code, so that the simulator's questions
    /// about a run are answered in place (a call into SOPKit copied the whole case state to ask).
    @usableFromInline struct Run: Sendable, Hashable {
        @usableFromInline var step: Int
        var round: Int
        var startedAt: Date
        @usableFromInline var due: Date?
        @usableFromInline var completedAt: Date?
        /// The outcome index of a decision, or -1.
        var outcome = -1
        var decidedByRule = false
        /// A bit per performer index that signed off.
        @usableFromInline var signed: UInt64 = 0
        @usableFromInline var occurrences: [StepRun.Occurrence] = []
        /// The step's due time from the run's start: ``due`` for a step that does not recur; for one
        /// that does (``due`` is then the end of its last window), the due time of its first session.
        var ownDue: Date?
    }

    /// A document the case holds: a name index, the producing step index (-1 when brought).
    struct Document: Sendable, Hashable {
        var name: Int
        var step: Int
        var at: Date
    }

    /// A sign-off: the run index, the performer index, when.
    struct SignOff: Sendable, Hashable {
        var run: Int
        var performer: Int
        var at: Date
    }

    public internal(set) var status: CaseOutcome = .open
    var openedAt: Date?
    var endedAt: Date?
    /// The case's data, as opened.
    public let data: [String: CaseValue]
    /// The documents the case brought (name indices), recorded when the opening is applied.
    let brought: [Int]
    var documents: [Document] = []
    @usableFromInline var runs: [Run] = []
    var signOffs: [SignOff] = []
    var deadline: Date?
    public internal(set) var uncoveredYears: Set<Int> = []
    public internal(set) var version = 0

    /// A case about to be opened with `data` and the documents it brings (name indices,
    /// ``CompiledSOP/documentIndex(named:)``): the state before any event.
    public init(data: [String: CaseValue], documents: [Int]) {
        self.data = data
        brought = documents
    }

    /// Applies one event, as ``CaseState/apply(_:in:)`` applies the ``CaseEvent`` it stands for.
    public mutating func apply(_ event: CompiledEvent, in sop: CompiledSOP) {
        version += 1
        let s = Int(event.step)
        switch event.kind {
        case .opened:
            runs.reserveCapacity(min(sop.steps.count, 16))
            // Room for a usual case's sign-offs and documents (growing each list twice or three
            // times was 2-3% of a case of the reference SOP).
            signOffs.reserveCapacity(32)
            documents.reserveCapacity(16)
            openedAt = event.at
            for name in brought { documents.append(Document(name: name, step: -1, at: event.at)) }
            if let period = sop.deadlinePeriod {
                deadline = sop.context.adding(period, to: event.at, uncovered: &uncoveredYears)
            }
        case .stepStarted:
            // The round: one more than that of the step's latest run (each start of a step is one
            // more round of it), found by looking back over the runs. A table of rounds by step made
            // for every case took Swift's unspecialised array allocation (1% of a case).
            var round = 1, back = runs.count - 1
            while back >= 0 {
                if runs[back].step == s {
                    round = runs[back].round + 1
                    break
                }
                back -= 1
            }
            // Due time and occurrences in one call on the context (it is copied out of the compiled
            // definition for each call).
            let step = sop.steps[s]
            let (due, own, occurrences) = sop.context.started(step.step, sessions: step.sessions, at: event.at, uncovered: &uncoveredYears)
            runs.append(Run(step: s, round: round, startedAt: event.at, due: due, occurrences: occurrences, ownDue: own))
        case .signedOff:
            guard let r = activeRun(of: s) else { return }
            runs[r].signed |= 1 << UInt64(event.value)
            signOffs.append(SignOff(run: r, performer: Int(event.value), at: event.at))
        case .documentProduced:
            documents.append(Document(name: Int(event.value), step: s, at: event.at))
        case .decisionTaken:
            guard let r = activeRun(of: s) else { return }
            runs[r].outcome = Int(event.value)
            runs[r].decidedByRule = event.byRule
        case .stepCompleted:
            guard let r = activeRun(of: s) else { return }
            runs[r].completedAt = event.at
        case .sessionAttended:
            guard let r = activeRun(of: s) else { return }
            let number = Int(event.value)
            // Occurrence k is numbered k + 1 (``CaseContext/occurrences(every:count:from:uncovered:)``),
            // so its place is tried first; the search is for any other list.
            let place = number - 1
            if place >= 0, place < runs[r].occurrences.count, runs[r].occurrences[place].number == number {
                runs[r].occurrences[place].attendedAt = event.at
            } else if let i = runs[r].occurrences.firstIndex(where: { $0.number == number }) {
                runs[r].occurrences[i].attendedAt = event.at
            } else if runs[r].occurrences.isEmpty {
                // A group step that does not repeat: its one session, as the fold records it.
                runs[r].occurrences.append(.init(number: number, windowStart: runs[r].startedAt, windowEnd: event.at, attendedAt: event.at))
            }
        case .ended:
            status = event.value == 0 ? .completed : .exited
            endedAt = event.at
        }
    }

    /// The active (not completed) run of step `s`, latest first.
    @inlinable func activeRun(of s: Int) -> Int? {
        var r = runs.count - 1
        while r >= 0 {
            if runs[r].step == s, runs[r].completedAt == nil { return r }
            r -= 1
        }
        return nil
    }

    /// The latest active run of step index `s`, or nil.
    @inlinable public func activeRun(step s: Int) -> Int? { activeRun(of: s) }

    /// Number of runs (the path so far).
    @inlinable public var runCount: Int { runs.count }

    /// The step index of run `r`.
    @inlinable public func step(ofRun r: Int) -> Int { runs[r].step }

    /// Whether run `r` is completed.
    @inlinable public func isCompleted(run r: Int) -> Bool { runs[r].completedAt != nil }

    /// When run `r` is due.
    @inlinable public func due(run r: Int) -> Date? { runs[r].due }

    /// The occurrences of run `r` (a recurring step's).
    @inlinable public func occurrences(run r: Int) -> [StepRun.Occurrence] { runs[r].occurrences }

    /// Whether performer `p` signed off run `r`.
    @inlinable public func hasSigned(run r: Int, performer p: Int) -> Bool { runs[r].signed & (1 << UInt64(p)) != 0 }
}
