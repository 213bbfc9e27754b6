import Foundation

/// A definition compiled for running many cases fast (the simulator, the interpreter benchmark):
/// steps, performers, documents and outcomes as integer indices, the flow worked out once (default
/// next, outcome targets, stand-alone `mulai` / `selesai` rows, decisions by rules alone),
/// kelengkapan as document key indices (conditional items keep their rule, evaluated on the case's
/// data as the engine does), and due times and occurrences through the same ``CaseContext`` and
/// calendar functions as the fold.
///
/// It gives the same events and the same state as ``CaseEngine`` and ``CaseState/apply(_:in:)``
/// (``caseEvent(_:of:)`` and ``caseState(_:)`` convert; `CompiledEquivalenceTests` checks it on
/// random SOPs and command sequences). It only says whether a command is refused: a caller that
/// needs the message asks ``CaseEngine`` on the equivalent ``CaseState``, so the refusal rules and
/// texts stay in one place.
///
/// Commands carry no notes and bring no documents; callers that need either use the engine.
///
/// A class of constants: holding or passing it is one retain (as a struct, every `if let` of an
/// optional one copied the definition's and the calendar's fields, a retain and a release of each).
public final class CompiledSOP: Sendable {
    public let context: CaseContext
    let steps: [CompiledStep]
    /// Every document name the definition writes (persyaratan, kelengkapan, outputs), exactly as written.
    let documentNames: [String]
    /// The key index of each document name: names that differ only in case and spacing share one.
    let documentKeys: [Int]
    let documentIndex: [String: Int]
    /// The document index of each persyaratan, in order: what a case opened with all of them brings.
    public let persyaratanDocuments: [Int]
    /// The condition under which each of ``persyaratanDocuments`` is asked for (``SOPDefinition/persyaratan(for:)``), nil when always.
    let persyaratanConditions: [Rule?]
    /// The definition's case-data validator, made once (making one per case copied the whole definition).
    let validator: CaseDataValidator
    /// The case's jangka waktu, added to the opening for its deadline; nil without one.
    let deadlinePeriod: Durasi?
    /// Answered when no outcome is given with a command.
    public static let noAnswer = -2
    /// An answer that is not a label of the step's decision.
    public static let notALabel = -1

    /// Compiles the definition of `context`, or nil when it uses what the compiled form does not
    /// support (callers then use ``CaseEngine``): no steps; more than 64 performers; two performers
    /// or two steps with one id; a step listing a performer that is not defined; a flow target that
    /// names no step.
    public init?(context: CaseContext) {
        let sop = context.definition
        guard !sop.steps.isEmpty, sop.performers.count <= 64 else { return nil }
        var performerIndex: [String: Int] = [:]
        for (i, performer) in sop.performers.enumerated() {
            guard performerIndex.updateValue(i, forKey: performer.id) == nil else { return nil }
        }
        var stepIndex: [String: Int] = [:]
        for (i, step) in sop.steps.enumerated() {
            guard stepIndex.updateValue(i, forKey: step.id) == nil else { return nil }
        }
        var names: [String] = [], keys: [Int] = [], byName: [String: Int] = [:], byKey: [String: Int] = [:]
        func intern(_ name: String) -> Int {
            if let i = byName[name] { return i }
            let key = DocumentAvailability.key(name)
            let k = byKey[key] ?? byKey.count
            byKey[key] = k
            names.append(name)
            keys.append(k)
            byName[name] = names.count - 1
            return names.count - 1
        }
        func target(_ flow: FlowTarget) -> CompiledTarget? {
            switch flow {
            case .end: .end
            case .exit: .exit
            case .step(let id): stepIndex[id].map { .step($0) }
            }
        }
        let persyaratan = sop.persyaratan.map { intern($0.value) }
        var compiled: [CompiledStep] = []
        compiled.reserveCapacity(sop.steps.count)
        for (i, step) in sop.steps.enumerated() {
            var listed: [Int] = [], mask: UInt64 = 0
            for performer in step.performers {
                guard let p = performerIndex[performer.value] else { return nil }
                listed.append(p)
                mask |= 1 << UInt64(p)
            }
            guard let next = target(sop.defaultNext(after: i)) else { return nil }
            var outcomes: [CompiledOutcome] = []
            for outcome in step.decision?.outcomes ?? [] {
                guard let to = target(outcome.next.value) else { return nil }
                outcomes.append(CompiledOutcome(label: outcome.label, target: to, rule: outcome.rule?.value, needsKelengkapan: outcome.needsKelengkapan))
            }
            var checkedDecider = -1
            if step.decides, !step.decidesByRule, !step.repeats, step.performers.count > 1, let decider = step.decidingPerformer {
                guard let d = performerIndex[decider] else { return nil }
                checkedDecider = d
            }
            let attendance = step.attendanceDocument
            let kelengkapan = step.kelengkapan.map { item in
                CompiledKelengkapan(key: keys[intern(item.value)],
                                    byAttendance: attendance.map { item.value == $0 || DocumentAvailability.key(item.value) == DocumentAvailability.key($0) } ?? false,
                                    condition: sop.condition(of: item.value, at: step)?.value)
            }
            compiled.append(CompiledStep(
                step: step, id: step.id, performers: listed, performerMask: mask, mode: step.mode,
                passesAtOnce: step.kind == .mulai || step.kind == .selesai, endsFlow: step.kind == .selesai,
                ruleOnly: step.isRuleOnly, decides: step.decides, byRule: step.decidesByRule, repeats: step.repeats,
                isGroup: step.isGroup, checkedDecider: checkedDecider, next: next, outcomes: outcomes,
                anyIncompleteOutcome: step.decision?.outcomes.contains { !$0.needsKelengkapan } ?? false,
                kelengkapan: kelengkapan, outputs: step.output.map { intern($0.value) }, sessions: context.sessions(of: step)))
        }
        self.context = context
        steps = compiled
        documentNames = names
        documentKeys = keys
        persyaratanDocuments = persyaratan
        persyaratanConditions = sop.persyaratan.map { sop.persyaratanConditions[DocumentAvailability.key($0.value)]?.value }
        documentIndex = byName
        validator = CaseDataValidator(sop)
        deadlinePeriod = sop.jangkaWaktu?.deadline
    }

    /// The document indices of the persyaratan a case with `data` brings (``SOPDefinition/persyaratan(for:)``):
    /// those without a condition, and those whose condition does not evaluate to false on the data.
    func persyaratanDocuments(for data: [String: CaseValue]) -> [Int] {
        var brought: [Int] = []
        for (k, index) in persyaratanDocuments.enumerated() {
            if let rule = persyaratanConditions[k], (try? rule.evaluate(data)) == false { continue }
            brought.append(index)
        }
        return brought
    }

    /// The index of the step with `id`, or -1 (a command on it is refused).
    public func stepIndex(_ id: String) -> Int { context.definition.stepIndex(id) ?? -1 }

    /// The index of the performer someone names (``SOPDefinition/performerIndex(named:)``), or -1.
    public func performerIndex(named name: String) -> Int { context.definition.performerIndex(named: name) ?? -1 }

    /// The outcome index of `answer` at step `step` (matched as ``Decision/outcome(labelled:)``):
    /// ``noAnswer`` for nil, ``notALabel`` when it names no outcome.
    public func answerIndex(_ answer: String?, step: Int) -> Int {
        guard let answer else { return Self.noAnswer }
        guard step >= 0, step < steps.count else { return Self.notALabel }
        let wanted = answer.lowercased()
        return steps[step].outcomes.firstIndex { $0.label.lowercased() == wanted } ?? Self.notALabel
    }

    /// The index of a document named exactly `name` in the definition, or nil (a case bringing it is opened by the engine).
    public func documentIndex(named name: String) -> Int? { documentIndex[name] }

    /// Number of steps.
    public var stepCount: Int { steps.count }
}
