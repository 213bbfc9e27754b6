import Foundation
import PropertyBased
import Testing
@testable import SOPKit

/// Issue 18's interpreter speed work is internal: a command's events are appended to the run's own
/// list (``CaseEngine/act(on:step:as:answer:note:documents:at:into:)``) instead of returned in an
/// array of their own, a clean case's data is checked without sorting its fields, and due times of
/// durations skip the calendar's schedule rules. These tests hold the fast paths equal to the
/// reference ones on random SOPs from the benchmark's generator and on the shipped SOPs, with random
/// command sequences, comparing whole event lists and whole states (not chosen fields).
@Suite("Engine fast paths equal the reference (randomised)")
struct EngineAppendingTests {
    /// The shipped SOPs and generated ones of 10, 20 and 40 steps (every feature of the language).
    static func contexts() throws -> [CaseContext] {
        var result = try InvariantTests.sops.map { try EngineFixture($0).context }
        for steps in [10, 20, 40] { result.append(try SimulationGeneratedTests.generated(steps)) }
        return result
    }

    /// Case data of `field`s: valid values, or (when `bad`) values each type refuses, blanks and an unknown field.
    static func data(_ sop: SOPDefinition, pick: Int, bad: Bool) -> [String: String] {
        var data: [String: String] = [:]
        for (i, field) in sop.caseFields.enumerated() {
            let k = pick &+ i
            if bad, k % 4 == 0 { continue }
            if bad, k % 4 == 1 {
                data[field.name] = ["", " ", "2999-01-01", "ya", "tiga", "2030-02-30"][k % 6]
                continue
            }
            switch field.type {
            case .boolean: data[field.name] = k % 2 == 0 ? "true" : "false"
            case .number: data[field.name] = ["3", "40", " 7 ", "2,5"][k % 4]
            case .date: data[field.name] = ["2015-06-01", "2024-12-31"][k % 2]
            case .choice(let choices): data[field.name] = choices[k % choices.count]
            case .text: data[field.name] = ["x", " Anak ", "Jalan Merdeka"][k % 3]
            }
        }
        if bad, pick % 3 == 0 { data["bukan_field"] = "x" }
        return data
    }

    @Test("a clean case's data checked on the fast path equals the field-by-field check, problems and all")
    func dataCheck() async throws {
        let contexts = try Self.contexts()
        await propertyCheck(count: 300, input: Gen.int(in: 0...(contexts.count - 1)), Gen.int(in: 0...1000), Gen.bool, Gen.int(in: 0...3000)) { which, pick, bad, day in
            let context = contexts[which]
            let raw = Self.data(context.definition, pick: pick, bad: bad)
            let opened = CalendarDate(iso: "2025-01-06")!.adding(days: day - 1500)
            let validator = CaseDataValidator(context.definition)
            let fast = validator.check(raw, openedOn: opened)
            let reference = validator.checkEveryField(raw, openedOn: opened)
            #expect(fast.data == reference.data)
            #expect(fast.problems.map(\.field) == reference.problems.map(\.field))
            #expect(fast.problems.map(\.message) == reference.problems.map(\.message))
        }
    }

    @Test("a command's events appended to the case's list are the events it returns; a refusal leaves the list as it was")
    func appendedEqualsReturned() async throws {
        let contexts = try Self.contexts()
        let start = try EngineFixture("anak-jalanan").at("2025-01-06T08:00")
        await propertyCheck(count: 200, input: Gen.int(in: 0...(contexts.count - 1)), Gen.int(in: 0...400), Gen.int(in: 0...1000), InvariantTests.commands) { which, day, pick, commands in
            let context = contexts[which]
            let sop = context.definition, engine = CaseEngine(context: context)
            var clock = start.addingTimeInterval(Double(day) * 86_400)
            var events = try engine.open(data: Self.data(sop, pick: pick, bad: false), documents: sop.persyaratan.map(\.value), at: clock)
            var state = CaseState.fold(events, in: context)
            for (pick, who, answerPick, minutes, documentPick) in commands where state.status == .open {
                clock = clock.addingTimeInterval(Double(minutes) * 60)
                let command = GeneratedCommand(pick: pick, who: who, answerPick: answerPick, sop: sop, state: state)
                let (step, performer, answer) = (command.step, command.performer, command.answer)
                // Documents brought with the command (some the step needs) exercise the path that
                // applies only the command's own events to the case as it stands.
                let needed = sop.step(step)?.kelengkapan.map(\.value) ?? []
                let documents = documentPick == 0 || needed.isEmpty ? [] : Array(needed.prefix(documentPick))
                var reference: Result<[CaseEvent], CaseRefusal>
                do throws(CaseRefusal) { reference = .success(try engine.act(on: state, step: step, as: performer, answer: answer, documents: documents, at: clock)) }
                catch { reference = .failure(error) }
                var appended = events
                do throws(CaseRefusal) {
                    try engine.act(on: state, step: step, as: performer, answer: answer, documents: documents, at: clock, into: &appended)
                } catch {
                    guard case .failure(let refusal) = reference else {
                        try #require(Bool(false), "appending refused what returning allowed: \(error.message)")
                        return
                    }
                    try #require(error.reason == refusal.reason && error.message == refusal.message)
                    try #require(appended == events, "a refusal left events in the case's list")
                    continue
                }
                guard case .success(let new) = reference else {
                    try #require(Bool(false), "appending allowed what returning refused")
                    return
                }
                try #require(appended == events + new)
                for event in new { state.apply(event, in: context) }
                events = appended
                try #require(CaseState.fold(events, in: context) == state)
            }
        }
    }

    @Test("a standard run's state is the fold of its own events, on every generated and shipped SOP")
    func standardRunIsItsFold() async throws {
        let contexts = try Self.contexts()
        let start = try EngineFixture("anak-jalanan").at("2025-01-06T08:00")
        await propertyCheck(count: 100, input: Gen.int(in: 0...(contexts.count - 1)), Gen.int(in: 0...400), Gen.int(in: 0...1000)) { which, day, pick in
            let context = contexts[which]
            let sop = context.definition
            // Answers for every decision a performer answers: each outcome in turn, a few times round.
            var answers: [String: [String]] = [:]
            for step in sop.steps {
                guard let decision = step.decision, !decision.isRuleDecided else { continue }
                let labels = decision.outcomes.map(\.label)
                answers[step.id] = (0..<30).map { labels[($0 + pick) % labels.count] }
            }
            let run = StandardRun(engine: CaseEngine(context: context), answers: answers)
            let at = start.addingTimeInterval(Double(day) * 86_400)
            let events: [CaseEvent], state: CaseState
            do throws(StandardRunStopped) {
                (events, state) = try run.run(data: Self.data(sop, pick: pick, bad: false), start: at)
            } catch {
                // A run stopped (answers used up on a loop): what it recorded still folds to its state.
                events = error.events
                state = error.state
            }
            try #require(!events.isEmpty)
            try #require(CaseState.fold(events, in: context) == state)
        }
    }
}
