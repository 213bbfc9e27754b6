import Foundation
import PropertyBased
import Testing
@testable import SOPKit

/// Issue 18's fourth interpreter pass keeps, beside each step's fields, what the engine reads of
/// them on every command (the waktu's deadline duration and whether it is a schedule, the group's
/// attendance item, whether any kelengkapan is conditional), finds the performer acting by index,
/// and asks whether kelengkapan are missing without building the list. These tests hold each of
/// those answers to the definition's own fields and to the list the engine builds for a refusal,
/// on the shipped SOPs and generated ones (every feature of the language), with the steps' fields
/// changed after the step was built.
@Suite("What the engine keeps of a step answers as the step's fields do (randomised)")
struct EngineStepCacheTests {
    /// Every step of the shipped and generated SOPs, with its context.
    static func steps() throws -> [(CaseContext, Step)] {
        try EngineAppendingTests.contexts().flatMap { context in context.definition.steps.map { (context, $0) } }
    }

    /// The kept answers compared with the fields they come from.
    static func check(_ step: Step) throws {
        try #require(step.waktuDeadline == step.waktu?.deadline, "deadline of \(step.id)")
        try #require(step.dueIsScheduled == (step.waktu?.isSchedule == true), "schedule of \(step.id)")
        try #require(step.attendanceDocument == step.group?.attendance?.value, "attendance of \(step.id)")
        try #require(step.hasKelengkapanConditions == !step.kelengkapanConditions.isEmpty, "conditions of \(step.id)")
    }

    @Test("a step's kept answers follow its fields, also when another step's waktu, group or conditions are written into a copy")
    func keptAnswersFollowTheFields() async throws {
        let all = try Self.steps()
        for (_, step) in all { try Self.check(step) }
        await propertyCheck(count: 300, input: Gen.int(in: 0...(all.count - 1)), Gen.int(in: 0...(all.count - 1)), Gen.int(in: 0...3)) { a, b, field in
            let original = all[a].1, donor = all[b].1
            var changed = original
            switch field {
            case 0: changed.waktu = donor.waktu
            case 1: changed.group = donor.group
            case 2: changed.kelengkapanConditions = donor.kelengkapanConditions
            default: changed.waktu = nil
            }
            try Self.check(changed)
            // Copy on write: the step the copy came from keeps its own answers.
            try Self.check(original)
            try #require(original == all[a].1)
        }
    }

    @Test("a due time from what the step keeps equals the due time from its whole waktu, uncovered years and all")
    func dueFromTheStep() async throws {
        let all = try Self.steps()
        let start = try EngineFixture("anak-jalanan").at("2025-01-06T08:00")
        // Days from 2020 into 2045: covered, provisional and uncovered years of the calendar.
        await propertyCheck(count: 500, input: Gen.int(in: 0...(all.count - 1)), Gen.int(in: -1900...7300), Gen.int(in: 0...1439)) { which, day, minute in
            let (context, step) = all[which]
            let at = start.addingTimeInterval(Double(day) * 86_400 + Double(minute) * 60)
            var fromStep = Set<Int>(), fromWaktu = Set<Int>()
            let kept = context.due(after: at, of: step, uncovered: &fromStep)
            let whole = context.due(after: at, waktu: step.waktu, uncovered: &fromWaktu)
            try #require(kept == whole, "\(step.id) from \(context.format(at))")
            try #require(fromStep == fromWaktu)
        }
    }

    /// What `missingKelengkapan` listed before this pass, written out as it was: the reference the
    /// engine's shortcut (``CaseEngine/lacksKelengkapan(_:held:)``) and the list are held to.
    static func referenceMissing(_ sop: SOPDefinition, _ step: Step, held: CaseState) -> [(document: String, producers: [String])] {
        let attendance = step.group?.attendance?.value
        return step.kelengkapan.compactMap { item in
            if let condition = sop.condition(of: item.value, at: step), (try? condition.value.evaluate(held.data)) == false { return nil }
            if item.value == attendance || held.documents.contains(where: { $0.name == item.value }) { return nil }
            let key = DocumentAvailability.key(item.value)
            if let attendance, key == DocumentAvailability.key(attendance) { return nil }
            if held.holds(item.value) { return nil }
            let producers = sop.steps.filter { $0.output.contains { DocumentAvailability.key($0.value) == key } }.map(\.id)
            return (item.value, producers)
        }
    }

    @Test("whether a step lacks kelengkapan, and which, equal the reference on every step of cases moved by random commands")
    func lacksKelengkapanEqualsTheList() async throws {
        let contexts = try EngineAppendingTests.contexts()
        let start = try EngineFixture("anak-jalanan").at("2025-01-06T08:00")
        await propertyCheck(count: 150, input: Gen.int(in: 0...(contexts.count - 1)), Gen.int(in: 0...1000), Gen.int(in: 0...1), InvariantTests.commands) { which, pick, bring, commands in
            let context = contexts[which]
            let sop = context.definition, engine = CaseEngine(context: context)
            var clock = start
            // With the persyaratan brought, or without them (so that some kelengkapan are missing).
            let brought = bring == 0 ? [] : sop.persyaratan.map(\.value)
            var state = CaseState.fold(try engine.open(data: EngineAppendingTests.data(sop, pick: pick, bad: false), documents: brought, at: clock), in: context)
            for (pick, who, answerPick, minutes, _) in commands where state.status == .open {
                for step in sop.steps {
                    let reference = Self.referenceMissing(sop, step, held: state)
                    let listed = engine.missingKelengkapan(step, held: state)
                    try #require(engine.lacksKelengkapan(step, held: state) == !reference.isEmpty, "\(step.id)")
                    try #require(listed.map(\.document) == reference.map(\.document) && listed.map(\.producers) == reference.map(\.producers))
                }
                clock = clock.addingTimeInterval(Double(minutes) * 60)
                let command = GeneratedCommand(pick: pick, who: who, answerPick: answerPick, sop: sop, state: state)
                guard let new = try? engine.act(on: state, step: command.step, as: command.performer, answer: command.answer, at: clock) else { continue }
                for event in new { state.apply(event, in: context) }
            }
        }
    }

    @Test("the performer a name means is found by index exactly as by the id, then the id ignoring case, then a name or alias")
    func performerByIndex() async throws {
        let contexts = try EngineAppendingTests.contexts()
        let names = contexts.flatMap { $0.definition.performers.flatMap { [$0.id, $0.id.uppercased(), $0.nama, $0.nama.lowercased()] + $0.alias } } + ["", "bukan", "KASI "]
        for context in contexts {
            let sop = context.definition
            for name in names {
                let reference = sop.performer(name) ?? sop.performers.first { Performer.sameIgnoringCase($0.id, name) }
                    ?? sop.performers.first { $0.answers(to: name) }
                try #require(sop.performerIndex(named: name).map { sop.performers[$0] } == reference, "\(name) in \(sop.id)")
                try #require(sop.performer(named: name) == reference)
            }
        }
    }
}
