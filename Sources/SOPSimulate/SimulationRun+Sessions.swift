import Foundation
import SOPKit

/// Group sessions (`kelompok`): one person of each of the step's roles holds a session that every
/// case waiting in the step attends. A recurring group step (`berulang` + `kelompok`, the monthly
/// support group) is held on a fixed schedule, once every `setiap` from the start of the period, and
/// each case attends the session that falls in its window (the engine records the occurrence whose
/// window holds the session's end). A group step that does not repeat is held as soon as a case
/// waits for it and its people are free; cases that arrive meanwhile wait for the next session.
/// A session takes the next free person of each role before any queued task.
extension SimulationRun {
    /// The start of office hours of the first working day on or after `instant`'s day.
    func firstSession(after instant: Date) -> Date {
        var day = calendar.date(of: instant)
        for _ in 0..<400 {
            if let first = calendar.officeHours(on: day).first {
                let start = calendar.instant(day, minuteOfDay: first.lowerBound)
                if start >= instant { return start }
            }
            day = day.adding(days: 1)
        }
        return instant
    }

    mutating func sessionTime(_ s: Int) {
        let step = sop.steps[s]
        // The roster holds exactly the cases in the step (added when they enter it, removed when it completes).
        if !roster[s].isEmpty, !sessionOpen.contains(s) {
            openSession(s, due: now)
        }
        // The next session, while cases may still come or are in the step.
        guard let every = step.recurrence?.every.deadline else { return }
        let moreToCome = cases.count < arrivals.count || openCases > 0
        guard moreToCome else { return }
        let next = firstSession(after: calendar.adding(every, to: now).instant)
        if next > now, next < horizon { schedule(.sessionTime(step: s), at: next.timeIntervalSinceReferenceDate) }
    }

    /// The index of the case's active run of the non-repeating group step `s`, or nil.
    @inline(__always) func inStep(_ c: Int, _ s: Int) -> Int? {
        guard isOpen(c) else { return nil }
        return activeRunIndex(c, step: s)
    }

    /// The active run of case `c` in group step `s`: from the roster for a recurring one.
    @inline(__always) func activeRun(_ c: Int, _ s: Int) -> Int? {
        guard stepFacts[s].repeats else { return inStep(c, s) }
        guard let r = roster[s][c], isOpen(c), !isCompleted(c, run: r) else { return nil }
        return r
    }

    mutating func openSession(_ s: Int, due: Date) {
        sessionOpen.insert(s)
        let roles = sop.steps[s].performers.compactMap { roleIndex[$0.value] }
        var session = Session(step: s, roles: roles, due: due)
        session.reserved = roles.filter { free[$0] == nil }
        if session.reserved.count == roles.count {
            startSession(session)
            return
        }
        pending.append(session)
        pending.sort { $0.due < $1.due }
        for role in roles { dispatch(role) }
    }

    mutating func startSession(_ s: Session) {
        var session = s
        let step = sop.steps[session.step]
        if step.recurrence != nil {
            session.attendees = roster[session.step].members
        } else {
            session.attendees = waiting[session.step] ?? []
            waiting[session.step] = []
        }
        guard !session.attendees.isEmpty else {
            release(session)
            return
        }
        session.started = now
        var random = SimulationRandom(seed: seed, run: run, purpose: .durations, index: -1 - session.step - 1000 * statistics.sessions)
        let finish = calendar.adding(durations.draw(step, using: &random), to: now).instant
        statistics.session(roles: session.roles, from: now, to: finish, calendar: calendar)
        held[session.step] = session
        schedule(.sessionDone(step: session.step), at: finish.timeIntervalSinceReferenceDate)
    }

    mutating func release(_ session: Session) {
        sessionOpen.remove(session.step)
        for role in session.roles where free[role] != nil { free[role]! += 1 }
        if let waiting = waiting[session.step], !waiting.isEmpty {
            openSession(session.step, due: now)
        }
        for role in session.roles { dispatch(role) }
    }

    mutating func sessionDone(_ session: Session) throws(SimulationFailure) {
        // The session's end, read once (not from the run's clock for every window of every case).
        let now = self.now
        for c in session.attendees {
            guard let r = activeRun(c, session.step) else { continue }
            if occurrences(c, run: r).first(where: { $0.windowStart <= now && now < $0.windowEnd })?.attendedAt != nil { continue }
            try attend(c, step: session.step)
            // An attendance that leaves the run open starts nothing new: the case's other active
            // runs were given their work when they started, so there is nothing to advance.
            guard isCompleted(c, run: r) else { continue }
            roster[session.step].removeValue(forKey: c)
            cases[c][marks: r].inSession = false
            advance(c)
        }
        release(session)
    }
}
