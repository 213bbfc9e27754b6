import Foundation

/// Decides which events a command produces, enforcing the SOP: who may act and in which order,
/// the kelengkapan gate, decisions by rule or by answer, loops, early exits, and sessions.
/// It never changes state itself; callers apply the events it returns (``CaseState/apply(_:in:)``).
public struct CaseEngine: Sendable {
    public let context: CaseContext
    var sop: SOPDefinition { context.definition }

    public init(context: CaseContext) {
        self.context = context
    }

    /// Opens a case: checks the data against `data_kasus` and starts the first step.
    /// `documents` are the persyaratan the case brings.
    public func open(data raw: [String: String], documents: [String] = [], at: Date) throws(CaseRefusal) -> [CaseEvent] {
        let data = try CaseDataValidator(sop).validate(raw, openedOn: context.calendar.date(of: at))
        return try open(checked: data, documents: documents, at: at)
    }

    /// Opens a case with data already typed.
    public func open(checked data: [String: CaseValue], documents: [String] = [], at: Date) throws(CaseRefusal) -> [CaseEvent] {
        guard let first = sop.steps.first else { throw CaseRefusal(.unknownStep, EngineMessages.noSteps()) }
        var events: [CaseEvent] = []
        events.reserveCapacity(4)
        events.append(CaseEvent(.opened(data: data, documents: documents), at: at))
        var held = CaseState()
        held.data = data
        held.documents = documents.map { CaseState.Document(name: $0, step: nil, at: at) }
        try enter(.step(first.id), held: held, at: at, into: &events)
        return events
    }

    /// A performer does their part of a step. `answer` is a decision's outcome label; `documents`
    /// are documents brought or produced beyond the step's outputs (recorded first, so they count
    /// for the kelengkapan gate).
    public func act(on state: CaseState, step id: String, as performerName: String, answer: String? = nil,
                    note: String? = nil, documents: [String] = [], at: Date) throws(CaseRefusal) -> [CaseEvent] {
        // Room for a completion's events (sign-off, decision, outputs, completed, started) without regrowing.
        var events: [CaseEvent] = []
        events.reserveCapacity(documents.count + 8)
        try act(on: state, step: id, as: performerName, answer: answer, note: note, documents: documents, at: at, into: &events)
        return events
    }

    /// ``act(on:step:as:answer:note:documents:at:)``, appending the command's events to `events`
    /// (a run's own list: no array per command). A refusal leaves `events` as it was.
    public func act(on state: CaseState, step id: String, as performerName: String, answer: String? = nil,
                    note: String? = nil, documents: [String] = [], at: Date, into events: inout [CaseEvent]) throws(CaseRefusal) {
        let start = events.count
        do throws(CaseRefusal) {
            try act(state, id, performerName, answer, note, documents, at, from: start, into: &events)
        } catch {
            events.removeSubrange(start...)
            throw error
        }
    }

    private func act(_ state: CaseState, _ id: String, _ performerName: String, _ answer: String?, _ note: String?,
                     _ documents: [String], _ at: Date, from start: Int, into events: inout [CaseEvent]) throws(CaseRefusal) {
        let (step, run) = try activeRun(state, id)
        guard let index = sop.performerIndex(named: performerName) else {
            throw CaseRefusal(.wrongPerformer, EngineMessages.notAPerformer(["name": .text(performerName), "who": .message(whoMayAct(step, run))]))
        }
        // Only the id is needed on the way through (a copy of the performer retained all its names).
        let performer = sop.performers[index].id
        guard step.performers.contains(where: { $0.value == performer }) else {
            throw CaseRefusal(.wrongPerformer, EngineMessages.doesNotPerform(["name": .text(sop.performers[index].nama), "performer": .text(performer), "step": .text(id),
                                                                         "who": .message(whoMayAct(step, run))]))
        }
        guard at >= run.startedAt else {
            throw CaseRefusal(.badTime, EngineMessages.beforeStart(["step": .text(id), "start": .text(context.format(run.startedAt))]))
        }
        if !step.repeats {
            if run.signedOff.contains(where: { $0.performer == performer }) {
                throw CaseRefusal(.alreadySigned, EngineMessages.alreadyDone(["performer": .text(performer), "step": .text(id), "who": .message(whoMayAct(step, run))]))
            }
            if step.mode == .berurutan,
               let next = step.performers.first(where: { listed in !run.signedOff.contains { $0.performer == listed.value } })?.value,
               next != performer {
                throw CaseRefusal(.outOfTurn, EngineMessages.inOrder(["step": .text(id), "next": .text(next)]))
            }
        }
        try checkDecider(step, run, performer: performer, answer: answer)
        let rule = step.decidesByRule
        if let answer, !step.decides {
            throw CaseRefusal(.badAnswer, EngineMessages.notDecision(["step": .text(id), "answer": .text(answer)]))
        }
        if answer != nil, rule {
            throw CaseRefusal(.badAnswer, EngineMessages.ruleDecided(["step": .text(id)]))
        }
        guard !documents.isEmpty else {
            // Nothing brought: the case as it stands is the state itself (a copy of it retained every field).
            return try proceed(step, run, performer: performer, answer: answer, note: note, held: state, at: at, into: &events)
        }
        for name in documents { events.append(CaseEvent(.documentProduced(name: name, step: nil), at: at)) }
        var held = state
        for i in start..<events.count { held.apply(events[i], in: context) }
        try proceed(step, run, performer: performer, answer: answer, note: note, held: held, at: at, into: &events)
    }

    /// The rest of ``act(on:step:as:answer:note:documents:at:)`` once the performer may act, on the
    /// case as it stands (`held`: with the documents the command brought).
    private func proceed(_ step: Step, _ run: StepRun, performer: String, answer: String?, note: String?, held: CaseState, at: Date,
                         into events: inout [CaseEvent]) throws(CaseRefusal) {
        let id = step.id
        // A decision that checks its own kelengkapan ("lengkap?") may be answered with an incomplete
        // outcome while they are missing; the outcome taken is checked when the step completes.
        // Asked without listing first: the list (with each document's producers) is built only for a refusal.
        if lacksKelengkapan(step, held: held), step.repeats || !(step.decision?.outcomes.contains { !$0.needsKelengkapan } ?? false) {
            throw kelengkapanRefusal(step, missingKelengkapan(step, held: held))
        }
        if step.repeats {
            return try recurringAct(step, run, state: held, performer: performer, note: note, at: at, into: &events)
        }
        events.append(CaseEvent(.signedOff(step: id, performer: performer, note: note), at: at))
        let done = step.mode == .salahSatu || step.performers.allSatisfy { listed in
            listed.value == performer || run.signedOff.contains { $0.performer == listed.value }
        }
        guard done else {
            if let answer, step.decision?.outcome(labelled: answer) == nil { throw badAnswer(step, answer) }
            return
        }
        try complete(step, state: held, answer: answer, at: at, into: &events)
    }

    /// Records that the case attended a session of a recurring or group step at `at`.
    public func attend(on state: CaseState, step id: String, at: Date) throws(CaseRefusal) -> [CaseEvent] {
        let (step, run) = try activeRun(state, id)
        guard step.repeats || step.isGroup else {
            throw CaseRefusal(.sessionRefused, EngineMessages.notSessionStep(["step": .text(id)]))
        }
        try checkKelengkapan(step, held: state)
        var events: [CaseEvent] = []
        events.reserveCapacity(4)
        try recurringAct(step, run, state: state, performer: nil, note: nil, at: at, into: &events)
        return events
    }

    /// Who is awaited on an active run, in order for a berurutan step.
    public func awaited(_ step: Step, _ run: StepRun) -> [String] {
        let signed = Set(run.signedOff.map(\.performer))
        if step.repeats { return step.performers.map(\.value) }
        if step.mode == .salahSatu { return run.signedOff.isEmpty ? step.performers.map(\.value) : [] }
        return step.performers.map(\.value).filter { !signed.contains($0) }
    }

    /// The documents a step still lacks, with the steps that would produce each.
    public func missingKelengkapan(_ step: Step, held: CaseState) -> [(document: String, producers: [String])] {
        let attendance = step.group?.attendance?.value
        return step.kelengkapan.compactMap { item in
            guard isMissing(item.value, of: step, attendance: attendance, held: held) else { return nil }
            let key = DocumentAvailability.key(item.value)
            let producers = sop.steps.filter { $0.output.contains { DocumentAvailability.key($0.value) == key } }.map(\.id)
            return (item.value, producers)
        }
    }

    /// Whether ``missingKelengkapan(_:held:)`` is not empty, without building the list: the engine
    /// asks this on every action, and the list is needed only for a refusal.
    func lacksKelengkapan(_ step: Step, held: CaseState) -> Bool {
        let items = step.kelengkapan
        guard !items.isEmpty else { return false }
        let attendance = step.attendanceDocument
        return items.contains { isMissing($0.value, of: step, attendance: attendance, held: held) }
    }

    /// Whether kelengkapan `document` of `step` is missing from the case as it stands (`held`).
    private func isMissing(_ document: String, of step: Step, attendance: String?, held: CaseState) -> Bool {
        // A document needed only sometimes ("jika dirawat_inap") is not missing when its rule
        // does not hold for this case; a rule that cannot be decided (no value) needs it.
        if step.hasKelengkapanConditions || !sop.persyaratanConditions.isEmpty,
           let condition = sop.condition(of: document, at: step), (try? condition.value.evaluate(held.data)) == false { return false }
        // Written exactly as the attendance item, or held as written: no normalising needed.
        if document == attendance || held.documents.contains(where: { $0.name == document }) { return false }
        let key = DocumentAvailability.key(document)
        if let attendance, key == DocumentAvailability.key(attendance) { return false }
        return !held.holds(document)
    }
}
