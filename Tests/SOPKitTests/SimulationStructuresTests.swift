import Foundation
import Testing
@testable import SOPKit
@testable import SOPSimulate

/// The simulator's own data structures, each against the plain structure it replaced for speed:
/// the same answers, in the same order, so that a seed still gives the same simulation.
@Suite struct SimulationStructuresTests {
    /// Keys with many ties, so the order among equal keys is tested as much as the keys.
    static func key(_ random: inout SimulationRandom) -> Double { Double(random.next() % 50) }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theEventHeapPopsByKeyThenByInsertion(seed: UInt64) {
        var random = SimulationRandom(seed: seed)
        var heap = EventHeap<String>()
        // The reference: every pushed item with its key and push number, the least (key, number) popped first.
        var reference: [(key: Double, order: Int, item: String)] = []
        var pushed = 0
        for _ in 0..<5_000 {
            // Pushes slightly outnumber pops, so the heap grows, shrinks to empty at times, and reuses its slots.
            if random.next() % 100 < 52 || reference.isEmpty {
                pushed += 1
                let key = Self.key(&random), item = "item \(pushed)"
                heap.push(item, key: key)
                reference.append((key, pushed, item))
            } else {
                let least = reference.indices.min { (reference[$0].key, reference[$0].order) < (reference[$1].key, reference[$1].order) }!
                let expected = reference.remove(at: least)
                let popped = heap.pop()
                #expect(popped?.key == expected.key && popped?.item == expected.item)
            }
            #expect(heap.count == reference.count)
        }
        reference.sort { ($0.key, $0.order) < ($1.key, $1.order) }
        for expected in reference { #expect(heap.pop()?.item == expected.item) }
        #expect(heap.pop() == nil && heap.isEmpty)
    }

    /// The run's events in two heaps (``EventQueue``) come out as from one heap of them all: by key,
    /// then in the order pushed, whichever of the two each was pushed to.
    @Test(arguments: [4, 5, 6] as [UInt64])
    func theEventQueueGivesTheOrderOfOneHeap(seed: UInt64) {
        var random = SimulationRandom(seed: seed)
        var queue = EventQueue<String>()
        var one = EventHeap<String>()
        var pushed = 0
        for _ in 0..<5_000 {
            if random.next() % 100 < 52 || one.isEmpty {
                pushed += 1
                // Far items late as in a run (a window's end months ahead), with ties among them and with the rest.
                let far = random.next() % 3 == 0
                let key = far ? 30 + Self.key(&random) : Self.key(&random), item = "item \(pushed)"
                queue.push(item, key: key, far: far)
                one.push(item, key: key)
            } else {
                #expect(queue.minKey == one.minKey)
                let expected = one.pop(), popped = queue.pop()
                #expect(popped?.key == expected?.key && popped?.item == expected?.item)
            }
            #expect(queue.count == one.count && queue.isEmpty == one.isEmpty)
        }
        while let expected = one.pop() { #expect(queue.pop()?.item == expected.item) }
        #expect(queue.pop() == nil && queue.isEmpty && queue.minKey == nil)
    }

    /// A task holds its indices in 32 bits: they read back as given, and the task is no larger than 64 bytes.
    @Test func aTaskKeepsItsIndicesInSixtyFourBytes() {
        let ready = Date(timeIntervalSinceReferenceDate: 1_000), due = Date(timeIntervalSinceReferenceDate: 9_000)
        let task = SimulationRun.Task(caseIndex: 4_999_999, runIndex: 70_000, step: 31, role: 63, ready: ready, due: due, occurrence: 12)
        #expect(task.caseIndex == 4_999_999 && task.runIndex == 70_000 && task.step == 31 && task.role == 63)
        #expect(task.ready == ready && task.due == due && task.occurrence == 12)
        let plain = SimulationRun.Task(caseIndex: 0, runIndex: 0, step: 0, role: 0, ready: ready, due: nil)
        #expect(plain.due == nil && plain.occurrence == nil && plain.started == .distantPast && plain.finish == .distantPast)
        #expect(MemoryLayout<SimulationRun.Task>.size <= 64)
    }

    /// What the run asks of each step, read once (``StepFacts``), is what the step says, for every
    /// step of the three shipped SOPs, with and without shares given.
    @Test(arguments: ["anak-jalanan", "pembuatan-duk", "rekomendasi-reaktivasi-pbi"])
    func theStepFactsAreTheSteps(sop name: String) throws {
        let fixture = try EngineFixture(name)
        let steps = fixture.context.definition.steps
        let decided = steps.filter { $0.decision.map { !$0.isRuleDecided } ?? false }
        let shares = Dictionary(uniqueKeysWithValues: decided.prefix(1).map { ($0.id, $0.decision!.outcomes.indices.map { Double($0 + 1) }) })
        for step in steps {
            let facts = StepFacts(step, shares: shares)
            #expect(facts.mode == step.mode && facts.isGroup == (step.group != nil) && facts.repeats == (step.recurrence != nil))
            #expect(facts.answered == (step.decision.map { !$0.isRuleDecided } ?? false))
            #expect(facts.outcomeLabels == (step.decision?.outcomes.map(\.label) ?? []))
            #expect(facts.shares == (shares[step.id] ?? []))
        }
    }

    /// Percentiles selected without sorting (``Percentiles``) are the sorted samples' to the bit,
    /// for every size from none to a few hundred, with many equal values (most waits are zero) or
    /// few, and at the percentiles a run reports and at the ends.
    @Test func selectedPercentilesAreTheSortedOnes() {
        var random = SimulationRandom(seed: 12)
        for n in Array(0...40) + [99, 100, 101, 257, 1_000] {
            for distinct in [1, 2, 3, 7, 1_000_000] {
                let values = (0..<n).map { _ in Double(random.next() % UInt64(distinct)) * 0.75 + (distinct > 7 ? random.unit() : 0) }
                for (p, q) in [(0.5, 0.9), (0.05, 0.95), (0, 1), (0.5, 0.5), (0.9, 0.9)] {
                    var shuffled = values
                    let (a, b) = Percentiles.of(&shuffled, p, q)
                    let sorted = values.sorted()
                    let (x, y) = (Spread.percentile(sorted, p), Spread.percentile(sorted, q))
                    #expect(a.bitPattern == x.bitPattern && b.bitPattern == y.bitPattern, "n \(n), distinct \(distinct), p \(p), q \(q)")
                    #expect(shuffled.sorted() == sorted)
                }
            }
        }
    }

    @Test func theRosterAnswersAsADictionaryOfCasesDoes() {
        var random = SimulationRandom(seed: 9)
        var roster = Roster()
        var reference: [Int: Int] = [:]
        for _ in 0..<5_000 {
            let c = Int(random.next() % 300), r = Int(random.next() % 6)
            switch random.next() % 3 {
            case 0, 1: #expect(roster.updateValue(r, forKey: c) == reference.updateValue(r, forKey: c))
            default:
                roster.removeValue(forKey: c)
                reference.removeValue(forKey: c)
            }
            #expect(roster[c] == reference[c])
            #expect(roster.count == reference.count && roster.isEmpty == reference.isEmpty)
        }
        #expect(roster.members == reference.keys.sorted())
        #expect(roster[10_000] == nil)
    }

    @Test func aRunKeepsThePercentilesOfAllItsSamples() throws {
        let fixture = try EngineFixture("anak-jalanan")
        let plan = try SimulationPlan(context: fixture.context, settings: SimulationTests.settings())
        var statistics = RunStatistics(plan: plan)
        var random = SimulationRandom(seed: 4)
        let waits = (0..<999).map { _ in random.unit() * 600 }, leads = (0..<101).map { _ in random.unit() * 400 }
        statistics.steps[0].waits = waits
        statistics.roles[2].waits = Array(waits.prefix(10))
        statistics.leadDays = leads
        statistics.summarise()
        func percentile(_ values: [Double], _ p: Double) -> Double { Spread.percentile(values.sorted(), p) }
        #expect(statistics.steps[0].waitP50 == percentile(waits, 0.5) && statistics.steps[0].waitP90 == percentile(waits, 0.9))
        #expect(statistics.roles[2].waitP90 == percentile(Array(waits.prefix(10)), 0.9))
        #expect(statistics.leadP50 == percentile(leads, 0.5) && statistics.leadP90 == percentile(leads, 0.9))
        #expect(statistics.leadWorst == leads.max())
        // No samples: no figure (left out of the spread across runs), and the samples are dropped.
        #expect(statistics.steps[1].waitP50.isNaN && statistics.roles[0].waitP90.isNaN)
        #expect(statistics.steps[0].waits.isEmpty && statistics.leadDays.isEmpty)
    }
}
