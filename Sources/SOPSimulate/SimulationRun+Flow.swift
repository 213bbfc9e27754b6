import Foundation
import SOPKit

/// How a run moves its cases: arrivals, advancing a case to the tasks its next step needs, the
/// role queues and their dispatch, a task finished, a recurring step's occurrences and windows.
extension SimulationRun {
    mutating func arrive(_ i: Int) throws(SimulationFailure) {
        var record = CaseRecord(durations: SimulationRandom(seed: seed, run: run, purpose: .durations, index: i),
                                decisions: SimulationRandom(seed: seed, run: run, purpose: .decisions, index: i))
        var data = SimulationRandom(seed: seed, run: run, purpose: .data, index: i)
        let values = plan.ruleData.data(dataDraw, using: &data)
        // Room for a run's marks of each step at once (grown from empty, they were reallocated three
        // times in a case's life).
        record.marks.reserveCapacity(stepFacts.count)
        try open(i, data: values, into: &record)
        // Moved into the run's cases, not copied (a copy retained and then released each of the state's arrays).
        cases.append(consume record)
        if isOpen(cases.count - 1) { openCases += 1 }
        advance(cases.count - 1)
    }

    /// Folds a command's events into the case's state (and keeps them when asked).
    mutating func record(_ new: [CaseEvent], for c: Int) {
        var state = takeState(c)
        let wasOpen = state.status == .open
        for event in new { state.apply(event, in: context) }
        if wasOpen, state.status != .open { openCases -= 1 }
        cases[c].state = state
        if kept != nil { kept![c] += new }
    }

    /// Gives work to the roles for every active run of a case that has none yet.
    mutating func advance(_ c: Int) {
        guard isOpen(c) else { return }
        // The active runs, in order (the runs do not change here: no command is given while advancing).
        for r in 0..<runCount(c) where !isCompleted(c, run: r) {
            guard let s = stepIndex(c, run: r) else { continue }
            if stepFacts[s].isGroup {
                if stepFacts[s].repeats {
                    if roster[s].updateValue(r, forKey: c) == nil, let last = occurrences(c, run: r).last {
                        schedule(.windowEnd(caseIndex: c, runIndex: r), at: last.windowEnd.timeIntervalSinceReferenceDate)
                    }
                } else if !cases[c][marks: r].inSession {
                    cases[c][marks: r].inSession = true
                    waiting[s, default: []].append(c)
                    if !sessionOpen.contains(s) { openSession(s, due: due(c, run: r) ?? now) }
                }
                continue
            }
            if stepFacts[s].repeats {
                guard !cases[c][marks: r].scheduled else { continue }
                cases[c][marks: r].scheduled = true
                let occurrences = occurrences(c, run: r)
                for occurrence in occurrences {
                    schedule(.occurrenceOpen(caseIndex: c, runIndex: r, occurrence: occurrence.number),
                             at: max(occurrence.windowStart, now).timeIntervalSinceReferenceDate)
                }
                if let last = occurrences.last {
                    schedule(.windowEnd(caseIndex: c, runIndex: r), at: last.windowEnd.timeIntervalSinceReferenceDate)
                }
                continue
            }
            let due = due(c, run: r)
            var next: [Int] = []
            swap(&next, &nextBuffer)
            defer { swap(&next, &nextBuffer) }
            Self.nextPerformers(stepFacts[s].mode, listed: listedRoles[s], decider: deciders[s], into: &next) { hasSigned(c, run: r, performer: $0) }
            for role in next where Self.task(role, in: &cases[c][marks: r]) {
                enqueue(Task(caseIndex: c, runIndex: r, step: s, role: role, ready: now, due: due))
            }
        }
    }

    /// Marks `role` as given its task in a run's `marks`; false when it already was. One access to
    /// the marks per performer (reading, then setting two fields, reached the case's marks three times).
    /// Roles past the 64 bits of `tasked` are listed in `taskedBeyond`: without it they were tasked
    /// again at every advance, and two people of the role signed the same step.
    @inline(__always) static func task(_ role: Int, in marks: inout RunMarks) -> Bool {
        guard role < 64 else {
            if marks.taskedBeyond?.contains(role) == true { return false }
            marks.scheduled = true
            marks.taskedBeyond = (marks.taskedBeyond ?? []) + [role]
            return true
        }
        let bit: UInt64 = 1 << UInt64(role)
        if marks.tasked & bit != 0 { return false }
        marks.scheduled = true
        marks.tasked |= bit
        return true
    }

    /// The performers (role indices) who can act on a step run now: the next in order
    /// (berurutan); anyone listed until one has (salah_satu); everyone who has not signed
    /// (bersama), the decider of an answered decision last, as the engine requires; in `next`
    /// (the run's one buffer: a new array for each advance was an allocation). Static, and given
    /// what it reads: a method of the run would copy the whole run to be called.
    static func nextPerformers(_ mode: Step.Mode, listed: [Int], decider: Int?, into next: inout [Int], hasSigned: (Int) -> Bool) {
        // Emptied from the end, one by one (it holds a step's few performers): `removeAll(keepingCapacity:)`
        // went through the generic `replaceSubrange`, about 1% of a simulated year.
        while !next.isEmpty { next.removeLast() }
        switch mode {
        case .berurutan:
            if let first = listed.first(where: { !hasSigned($0) }) { next.append(first) }
        case .salahSatu:
            guard !listed.contains(where: hasSigned) else { return }
            if let decider { next.append(decider) } else { next.append(contentsOf: listed) }
        case .bersama:
            for performer in listed where !hasSigned(performer) { next.append(performer) }
            if let decider, next.contains(decider), next.count > 1 { next.removeAll { $0 == decider } }
        }
    }

    mutating func enqueue(_ task: Task) {
        queues[task.role].push(task, key: (task.due ?? .distantFuture).timeIntervalSinceReferenceDate)
        dispatch(task.role)
    }

    /// Starts work for free people of a role: a pending session first, then the queued task due earliest.
    mutating func dispatch(_ role: Int) {
        while free[role].map({ $0 > 0 }) ?? true {
            if let p = pending.firstIndex(where: { $0.roles.contains(role) && !$0.reserved.contains(role) }) {
                if free[role] != nil { free[role]! -= 1 }
                pending[p].reserved.append(role)
                if pending[p].reserved.count == pending[p].roles.count { startSession(pending.remove(at: p)) }
                continue
            }
            guard var task = queues[role].pop()?.item else { return }
            guard stillNeeded(task) else { continue }
            if free[role] != nil { free[role]! -= 1 }
            if stepFacts[task.step].mode == .salahSatu, task.occurrence == nil { cases[task.caseIndex][marks: task.runIndex].taken = true }
            task.started = now
            // The case's stream is drawn from in a local copy and put back: drawing into the case in
            // place (an inout access to the run) while reading the shared duration model made the
            // compiler copy the model for each draw.
            var random = cases[task.caseIndex].durations
            let whole: Durasi
            if let fixed = fixedWork[task.step] {
                // An exact waktu: the same work every time, and no random number drawn for it.
                whole = fixed
            } else if task.occurrence != nil {
                whole = durations.draw(sop.steps[task.step], using: &random)
            } else if let drawn = cases[task.caseIndex][marks: task.runIndex].work {
                whole = drawn
            } else {
                whole = durations.draw(sop.steps[task.step], using: &random)
                cases[task.caseIndex][marks: task.runIndex].work = whole
            }
            let part = task.occurrence != nil ? whole
                : fixedParts[task.step][role] ?? durations.part(step: sop.steps[task.step], performer: sop.performers[role].id, whole: whole, using: &random)
            cases[task.caseIndex].durations = random
            task.finish = calendar.adding(part, to: now).instant
            // Measured first, recorded after (recording while reading the calendar copied the calendar).
            let (wait, busy) = statistics.times(ready: task.ready, started: now, finish: task.finish, calendar: calendar)
            statistics.started(step: task.step, role: role, wait: wait, busy: busy)
            schedule(.taskDone(task), at: task.finish.timeIntervalSinceReferenceDate)
        }
    }

    /// Whether a queued task still has work: its run still active, and for salah_satu nobody has taken it.
    @inline(__always) func stillNeeded(_ task: Task) -> Bool {
        let c = task.caseIndex
        guard isOpen(c), task.runIndex < runCount(c) else { return false }
        if isCompleted(c, run: task.runIndex) { return false }
        if task.occurrence == nil, stepFacts[task.step].mode == .salahSatu, cases[c][marks: task.runIndex].taken { return false }
        return true
    }

    mutating func finish(_ task: Task) throws(SimulationFailure) {
        if free[task.role] != nil { free[task.role]! += 1 }
        defer { dispatch(task.role) }
        let c = task.caseIndex
        guard isOpen(c), !isCompleted(c, run: task.runIndex) else { return }
        if task.occurrence != nil, let occurrence = occurrences(c, run: task.runIndex).first(where: { $0.windowStart <= now && now < $0.windowEnd }),
           occurrence.attendedAt != nil {
            return
        }
        var answer: String?
        if stepFacts[task.step].answered, completes(task.step, c, task.runIndex, task.role) {
            let index = cases[c].decisions.pick(stepFacts[task.step].shares)
            let labels = stepFacts[task.step].outcomeLabels
            answer = labels[min(index, labels.count - 1)]
        }
        try act(c, step: task.step, performer: task.role, answer: answer)
        advance(c)
    }

    /// Whether performer `p`'s act completes run `r` of case `c` (so it carries a decision's answer).
    @inline(__always) func completes(_ s: Int, _ c: Int, _ r: Int, _ p: Int) -> Bool {
        if stepFacts[s].mode == .salahSatu { return true }
        return listsOnlyRoles[s] && listedRoles[s].allSatisfy { q in q == p || hasSigned(c, run: r, performer: q) }
    }

    mutating func occurrenceOpens(_ c: Int, _ r: Int, _ number: Int) {
        guard isOpen(c), !isCompleted(c, run: r),
              let s = stepIndex(c, run: r), let first = sop.steps[s].performers.first?.value,
              let role = roleIndex[first], let occurrence = occurrences(c, run: r).first(where: { $0.number == number }) else { return }
        enqueue(Task(caseIndex: c, runIndex: r, step: s, role: role, ready: now, due: occurrence.windowEnd, occurrence: number))
    }

    /// The end of a recurring step's last window: the engine closes the step (missed sessions stay missed).
    mutating func windowEnds(_ c: Int, _ r: Int) throws(SimulationFailure) {
        guard isOpen(c), !isCompleted(c, run: r), let s = stepIndex(c, run: r) else { return }
        try attend(c, step: s)
        roster[s].removeValue(forKey: c)
        advance(c)
    }
}
