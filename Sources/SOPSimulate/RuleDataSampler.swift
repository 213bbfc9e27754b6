import Foundation
import SOPKit

/// Case data that makes the SOP's rule-decided decisions go the way the shares say. A rule decides
/// on the case's own data, so the simulator cannot answer it: it draws which outcome each rule
/// decision should take, then opens the case with data for which the engine's own rules give those
/// outcomes. Candidate data is every combination of the values that matter to the rules (both
/// booleans, each choice, each literal a rule compares with and its neighbours), sorted by the
/// outcomes they give.
public struct RuleDataSampler: Sendable {
    /// The rule-decided decision steps, in table order.
    public let decisions: [String]
    /// Candidate data, grouped by the outcome index each decision takes.
    let classes: [[Int]: [[String: CaseValue]]]
    /// Data every case carries (required fields the rules do not read).
    let filler: [String: CaseValue]

    public init(sop: SOPDefinition, openedOn: CalendarDate) {
        let ruled = sop.steps.filter { $0.decision?.isRuleDecided == true }
        decisions = ruled.map(\.id)
        var fields: [String] = []
        var literals: [CaseValue] = []
        for step in ruled {
            for outcome in step.decision?.outcomes ?? [] {
                guard let rule = outcome.rule?.value else { continue }
                for name in rule.fieldNames where !fields.contains(name) { fields.append(name) }
                RuleDataSampler.collect(rule.expression, into: &literals)
            }
        }
        var filler: [String: CaseValue] = [:]
        for field in sop.caseFields where field.required && !fields.contains(field.name) {
            filler[field.name] = RuleDataSampler.placeholder(field.type, on: openedOn)
        }
        self.filler = filler
        var candidates: [String: [CaseValue]] = [:]
        for name in fields {
            guard let field = sop.caseField(name) else { continue }
            candidates[name] = RuleDataSampler.values(for: field.type, literals: literals, on: openedOn)
        }
        var combos: [[String: CaseValue]] = [[:]]
        for name in fields {
            let values = candidates[name] ?? []
            var next: [[String: CaseValue]] = []
            for combo in combos {
                for value in values {
                    var c = combo
                    c[name] = value
                    next.append(c)
                    if next.count >= 4096 { break }
                }
                if next.count >= 4096 { break }
            }
            // A field the rules read but the SOP does not declare: left out (the rule then fails, as in the engine).
            if !values.isEmpty { combos = next }
        }
        var classes: [[Int]: [[String: CaseValue]]] = [:]
        for combo in combos {
            var key: [Int] = []
            for step in ruled {
                guard let index = RuleDataSampler.outcomeIndex(step.decision!, data: combo) else { key = []; break }
                key.append(index)
            }
            if key.count == ruled.count { classes[key, default: []].append(filler.merging(combo) { _, new in new }) }
        }
        self.classes = classes
    }

    /// The outcome the engine's rules take for `data` (the first outcome whose rule holds, or the
    /// fallback); nil when no rule holds and there is no fallback, or a rule cannot be evaluated.
    static func outcomeIndex(_ decision: Decision, data: [String: CaseValue]) -> Int? {
        for (i, outcome) in decision.outcomes.enumerated() {
            guard let rule = outcome.rule else { return i }
            guard let holds = try? rule.value.evaluate(data) else { return nil }
            if holds { return i }
        }
        return nil
    }

    /// The outcome combinations the rules can produce at all.
    public var achievable: [[Int]] { classes.keys.sorted { $0.lexicographicallyPrecedes($1) } }

    /// Data for a case: outcomes drawn with `shares` (by step, aligned with the outcomes), among the
    /// combinations the rules can produce.
    public func data(shares: [String: [Double]], using random: inout SimulationRandom) -> [String: CaseValue] {
        data(Draw(self, shares: shares), using: &random)
    }

    /// What ``data(shares:using:)`` works out from the shares before drawing: the achievable keys
    /// in order and their weights. The same for every case of a simulation, so worked out once
    /// (``RunSetup``) instead of sorting the keys and looking the shares up by name for each case.
    struct Draw: Sendable {
        let keys: [[Int]]
        let weights: [Double]
        let weighted: Bool

        init(_ sampler: RuleDataSampler, shares: [String: [Double]]) {
            keys = sampler.achievable
            weights = keys.map { key in
                zip(sampler.decisions, key).reduce(1.0) { product, pair in product * (shares[pair.0]?[safe: pair.1] ?? 1) }
            }
            weighted = weights.reduce(0, +) > 0
        }
    }

    /// One case's data, drawn as ``data(shares:using:)`` draws it (the same numbers from `random`).
    func data(_ draw: Draw, using random: inout SimulationRandom) -> [String: CaseValue] {
        let keys = draw.keys
        guard !keys.isEmpty else { return filler }
        let key = draw.weighted ? keys[random.pick(draw.weights)] : keys[Int(random.next() % UInt64(keys.count))]
        let options = classes[key] ?? [filler]
        return options[Int(random.next() % UInt64(options.count))]
    }

    static func collect(_ expression: RuleExpression, into literals: inout [CaseValue]) {
        switch expression {
        case .literal(let value, _): if !literals.contains(value) { literals.append(value) }
        case .field: break
        case .not(let e, _): collect(e, into: &literals)
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b, _):
            collect(a, into: &literals)
            collect(b, into: &literals)
        }
    }

    static func values(for type: CaseFieldType, literals: [CaseValue], on day: CalendarDate) -> [CaseValue] {
        switch type {
        case .boolean: return [.boolean(true), .boolean(false)]
        case .choice(let choices): return choices.map(CaseValue.text)
        case .number:
            var result: [CaseValue] = [.number(0)]
            for case .number(let n) in literals { for v in [n - 1, n, n + 1] where !result.contains(.number(v)) { result.append(.number(v)) } }
            return result
        case .date:
            var result: [CaseValue] = [.date(day)]
            for case .date(let d) in literals {
                for v in [d.adding(days: -1), d, d.adding(days: 1)] where !result.contains(.date(v)) { result.append(.date(v)) }
            }
            return result
        case .text:
            var result: [CaseValue] = [.text("simulasi")]
            for case .text(let t) in literals where !result.contains(.text(t)) { result.append(.text(t)) }
            return result
        }
    }

    static func placeholder(_ type: CaseFieldType, on day: CalendarDate) -> CaseValue {
        switch type {
        case .text: .text("simulasi")
        case .number: .number(0)
        case .boolean: .boolean(false)
        case .date: .date(day)
        case .choice(let choices): .text(choices.first ?? "")
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
