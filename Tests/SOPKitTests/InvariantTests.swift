import Foundation
import PropertyBased
import Testing
@testable import SOPKit

/// Randomised tests of the interpreter's invariants: random commands (legal and not) from random
/// performers at random times, on every shipped SOP. The first test walks many long cases from a
/// fixed seed; the second generates command sequences with swift-property-based, which shrinks a
/// failing sequence to a smallest one and prints the seed that replays it.
@Suite("Interpreter invariants (randomised)")
struct InvariantTests {
    static let sops = ["anak-jalanan", "pembuatan-duk", "rekomendasi-reaktivasi-pbi"]

    @Test("step states only move forward, nothing is due before it starts, and the fold of the same events gives the same state",
          arguments: sops)
    func invariants(sopID: String) throws {
        let f = try EngineFixture(sopID)
        let sop = f.context.definition
        var random = SplitMix(seed: UInt64(sopID.utf8.count) &* 7919)
        var accepted = 0, refused = 0
        for _ in 0..<200 {
            var data: [String: String] = [:]
            for field in sop.caseFields {
                switch field.type {
                case .boolean: data[field.name] = random.next() % 2 == 0 ? "true" : "false"
                case .number: data[field.name] = String(random.next() % 100)
                case .date: data[field.name] = "2015-06-01"
                case .choice(let choices): data[field.name] = choices[Int(random.next() % UInt64(choices.count))]
                case .text: data[field.name] = "x"
                }
            }
            var clock = f.at("2025-01-06T08:00").addingTimeInterval(Double(random.next() % 400) * 86_400)
            var events = try f.engine.open(data: data, documents: sop.persyaratan.map(\.value), at: clock)
            var state = CaseState.fold(events, in: f.context)
            for _ in 0..<60 where state.status == .open {
                clock = clock.addingTimeInterval(Double(random.next() % 5000) * 60 - 600)
                let step = random.next() % 8 == 0 ? sop.steps[Int(random.next() % UInt64(sop.steps.count))].id
                    : (state.activeRunIndices.first.map { state.runs[$0].stepID } ?? sop.steps[0].id)
                let performer = sop.performers[Int(random.next() % UInt64(sop.performers.count))].id
                let labels = sop.step(step)?.decision?.outcomes.map(\.label) ?? []
                let answer = labels.isEmpty || random.next() % 5 == 0 ? nil : labels[Int(random.next() % UInt64(labels.count))]
                let new: [CaseEvent]
                do {
                    if random.next() % 6 == 0 {
                        new = try f.engine.attend(on: state, step: step, at: clock)
                    } else {
                        new = try f.engine.act(on: state, step: step, as: performer, answer: answer, at: clock)
                    }
                } catch {
                    refused += 1
                    continue
                }
                accepted += 1
                let before = state
                for event in new { state.apply(event, in: f.context) }
                events += new
                try Self.checkForward(before, state)
                try Self.checkDue(state)
            }
            #expect(CaseState.fold(events, in: f.context) == state)
            #expect(state.path.allSatisfy { sop.step($0) != nil })
        }
        // The generator exercises both sides: plenty accepted and plenty refused.
        #expect(accepted > 500)
        #expect(refused > 500)
    }

    /// One generated command: (step: 0 for any step picked by `who`, else the active one; who;
    /// answer: 0 for none, else an outcome; minutes after the previous command (negative: earlier);
    /// 0 to attend a session instead of acting).
    typealias Command = (Int, Int, Int, Int, Int)

    static let commands = zip(Gen.int(in: 0...5), Gen.int(in: 0...15), Gen.int(in: 0...3), Gen.int(in: -30...3000), Gen.int(in: 0...5))
        .array(of: 0...50)

    @Test("generated command sequences (shrunk when one fails): the same invariants, and a refusal changes nothing",
          arguments: sops)
    func generatedSequences(sopID: String) async throws {
        let f = try EngineFixture(sopID)
        let sop = f.context.definition
        let start = f.at("2025-01-06T08:00")
        await propertyCheck(count: 150, input: Gen.int(in: 0...400), Gen.bool, Self.commands) { day, flag, commands in
            var data: [String: String] = [:]
            for field in sop.caseFields {
                switch field.type {
                case .boolean: data[field.name] = flag ? "true" : "false"
                case .number: data[field.name] = flag ? "3" : "40"
                case .date: data[field.name] = "2015-06-01"
                case .choice(let choices): data[field.name] = choices[(flag ? 0 : choices.count - 1)]
                case .text: data[field.name] = "x"
                }
            }
            var clock = start.addingTimeInterval(Double(day) * 86_400)
            var events = try f.engine.open(data: data, documents: sop.persyaratan.map(\.value), at: clock)
            var state = CaseState.fold(events, in: f.context)
            for (pick, who, answerPick, minutes, attendPick) in commands where state.status == .open {
                clock = clock.addingTimeInterval(Double(minutes) * 60)
                let command = GeneratedCommand(pick: pick, who: who, answerPick: answerPick, sop: sop, state: state)
                let (step, performer, answer) = (command.step, command.performer, command.answer)
                let before = state
                let new: [CaseEvent]
                do {
                    new = attendPick == 0 ? try f.engine.attend(on: state, step: step, at: clock)
                        : try f.engine.act(on: state, step: step, as: performer, answer: answer, at: clock)
                } catch {
                    // A refusal records nothing and depends on nothing hidden: the state is still the
                    // fold of the events recorded so far, and the same command is refused again, for
                    // the same reason.
                    try #require(CaseState.fold(events, in: f.context) == state, "the state is not the fold of the recorded events")
                    let again: CaseRefusal.Reason? = {
                        do {
                            _ = attendPick == 0 ? try f.engine.attend(on: state, step: step, at: clock)
                                : try f.engine.act(on: state, step: step, as: performer, answer: answer, at: clock)
                            return nil
                        } catch let refusal as CaseRefusal { return refusal.reason } catch { return nil }
                    }()
                    let reason = (error as? CaseRefusal)?.reason
                    try #require(reason != nil && again == reason,
                                 "the same command was refused for \(reason?.rawValue ?? "\(error)") and then \(again?.rawValue ?? "allowed")")
                    continue
                }
                try #require(!new.isEmpty, "an accepted command recorded nothing")
                for event in new { state.apply(event, in: f.context) }
                events += new
                try #require(state.version == before.version + new.count)
                try Self.checkForward(before, state)
                try Self.checkDue(state)
            }
            try #require(CaseState.fold(events, in: f.context) == state)
            try #require(state.path.allSatisfy { sop.step($0) != nil })
        }
    }

    static func checkForward(_ before: CaseState, _ after: CaseState) throws {
        try #require(after.runs.count >= before.runs.count)
        if before.status != .open { try #require(after.status == before.status) }
        for (old, new) in zip(before.runs, after.runs) {
            try #require(old.stepID == new.stepID && old.round == new.round && old.startedAt == new.startedAt)
            try #require(Array(new.signedOff.prefix(old.signedOff.count)) == old.signedOff)
            if let done = old.completedAt { try #require(new.completedAt == done) }
            if let outcome = old.outcome { try #require(new.outcome == outcome) }
            for (o, n) in zip(old.occurrences, new.occurrences) where o.attendedAt != nil {
                try #require(n.attendedAt == o.attendedAt)
            }
        }
        try #require(after.documents.count >= before.documents.count)
        try #require(after.activeRunIndices.count <= 1)
    }

    static func checkDue(_ state: CaseState) throws {
        for run in state.runs {
            if let due = run.due { try #require(due >= run.startedAt) }
            for occurrence in run.occurrences { try #require(occurrence.windowEnd > occurrence.windowStart) }
            for signOff in run.signedOff { try #require(signOff.at >= run.startedAt) }
            if let done = run.completedAt { try #require(done >= run.startedAt) }
        }
        if let opened = state.openedAt, let deadline = state.deadline { try #require(deadline >= opened) }
    }
}
