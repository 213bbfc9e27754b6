import Foundation

/// What a case runs against: the definition it was opened on and the working calendar of its office.
/// Injected into the fold so that tests can fix the calendar (and, through event times, the clock).
///
/// The office's time zone: the SOP's `waktu.zona` when it gives one, else the calendar's. Holidays
/// are dates and office hours local clock times, so one national calendar serves WIB, WITA and WIT
/// offices: the context's calendar is the given one moved to that zone, and every due time, every
/// printed time and every `--at` without an offset is read in it.
public struct CaseContext: Sendable {
    public let definition: SOPDefinition
    public let calendar: WorkingCalendar

    public init(definition: SOPDefinition, calendar: WorkingCalendar) {
        self.definition = definition
        var local = calendar
        if definition.time.timeZoneGiven, let zone = TimeZone(identifier: definition.time.timeZone),
           zone.identifier != calendar.timeZone.identifier {
            local.timeZone = zone
        }
        self.calendar = local
    }

    /// Why an SOP and its working calendar cannot run together: the SOP's `zona` differs from the
    /// zone of an office calendar (one that is not the national calendar, whose zone only sets a
    /// default). Nil when they agree.
    public static func zoneConflict(definition: SOPDefinition, calendar: WorkingCalendar) -> Message? {
        guard definition.time.timeZoneGiven, calendar.timeZoneSetBy != CalendarStore.nationalID,
              calendar.timeZone.identifier != definition.time.timeZone else { return nil }
        return CalendarMessages.zoneConflict(["sop": .text(definition.id), "zone": .text(definition.time.timeZone),
                                              "calendar": .text(calendar.timeZoneSetBy), "calendarZone": .text(calendar.timeZone.identifier)])
    }

    /// Start plus a waktu's deadline duration in working time (nil without a waktu), noting uncovered years.
    func due(after start: Date, waktu: Waktu?, uncovered: inout Set<Int>) -> Date? {
        guard let waktu else { return nil }
        // Only a schedule (same day, cut-off, dates of the month) is due by the calendar's schedule
        // rules; asking for a duration read the start's clock position for nothing (3% of a run).
        if waktu.isSchedule, let scheduled = calendar.due(of: waktu.value, from: start) {
            if !scheduled.uncoveredYears.isEmpty { uncovered.formUnion(scheduled.uncoveredYears) }
            return scheduled.instant
        }
        guard let duration = waktu.deadline else { return nil }
        return adding(duration, to: start, uncovered: &uncovered)
    }

    /// ``due(after:waktu:uncovered:)`` for a step's waktu, from what the step keeps of it (its deadline
    /// duration, and whether it is a schedule) without copying the whole waktu out of the step.
    func due(after start: Date, of step: Step, uncovered: inout Set<Int>) -> Date? {
        if step.dueIsScheduled { return due(after: start, waktu: step.waktu, uncovered: &uncovered) }
        guard let duration = step.waktuDeadline else { return nil }
        return adding(duration, to: start, uncovered: &uncovered)
    }

    /// `start` plus `duration` in working time (``WorkingCalendar/adding(_:to:)``), noting the years it
    /// looked at that the calendar does not cover.
    @inline(__always)
    func adding(_ duration: Durasi, to start: Date, uncovered: inout Set<Int>) -> Date {
        let sum = calendar.adding(WorkingCalendar.Span(duration, times: 1), to: start)
        if let years = sum.uncovered, !years.isEmpty { uncovered.formUnion(years) }
        return sum.instant
    }

    /// The interval of a recurring step's occurrences and how many there are (`selama / setiap`,
    /// `selama` defaulting to the SOP's jangka waktu), or nil when the step does not repeat or
    /// either has no duration. Fixed by the definition: ``CompiledSOP`` works it out once per step.
    func sessions(of step: Step) -> (every: Durasi, count: Int)? {
        // `repeats` first: reading `recurrence` of every step started copied it out to find it nil.
        guard step.repeats, let recurrence = step.recurrence, let every = recurrence.every.deadline,
              let during = (recurrence.during ?? definition.jangkaWaktu)?.deadline else { return nil }
        let ratio = during.minutes() / max(every.minutes(), 1)
        return (every, max(1, min(10_000, Int((ratio + 1e-9).rounded(.down)))))
    }

    /// The occurrences of a recurring step started at `start`: `selama / setiap` windows back to back.
    func occurrences(of step: Step, from start: Date, uncovered: inout Set<Int>) -> [StepRun.Occurrence] {
        guard let sessions = sessions(of: step) else { return [] }
        return occurrences(every: sessions.every, count: sessions.count, from: start, uncovered: &uncovered)
    }

    /// `count` windows of `every` back to back from `start` (``sessions(of:)``). Window `k` ends at the
    /// start plus `k` times `every`, all of them computed in one walk
    /// (``WorkingCalendar/addingMultiples(of:count:to:_:)``: the same sums as one per window).
    func occurrences(every: Durasi, count: Int, from start: Date, uncovered: inout Set<Int>) -> [StepRun.Occurrence] {
        var result: [StepRun.Occurrence] = []
        result.reserveCapacity(count)
        var windowStart = start
        calendar.addingMultiples(of: every, count: count, to: start) { number, end in
            if let years = end.uncovered, !years.isEmpty { uncovered.formUnion(years) }
            result.append(.init(number: number, windowStart: windowStart, windowEnd: end.instant, attendedAt: nil))
            windowStart = end.instant
        }
        return result
    }

    /// A step's run started at `start`: its due time and, for a recurring step, its occurrences (the
    /// run is then due at the end of the last window), as ``due(after:of:uncovered:)`` and
    /// ``occurrences(of:from:uncovered:)`` give them. One call for both: a caller that holds the
    /// context in a class (``CompiledSOP``) copies it out for each call.
    /// `sessions` is ``sessions(of:)`` of the step, worked out beforehand. `own` is the step's due
    /// time from its start: the run's due time for a step that does not recur, and for one that does
    /// the due time of its first session (whose window starts at the run's start: ``dues(of:sessions:first:uncovered:)``).
    @inline(__always)
    func started(_ step: Step, sessions: (every: Durasi, count: Int)?, at start: Date,
                 uncovered: inout Set<Int>) -> (due: Date?, own: Date?, occurrences: [StepRun.Occurrence]) {
        let due = due(after: start, of: step, uncovered: &uncovered)
        guard let sessions else { return (due, due, []) }
        let occurrences = occurrences(every: sessions.every, count: sessions.count, from: start, uncovered: &uncovered)
        return (occurrences.last?.windowEnd ?? due, due, occurrences)
    }

    /// The due time of each occurrence of a recurring step, from the start of its window
    /// (``due(after:of:uncovered:)``, nil where that is nil): what a performer attending each session
    /// in standard time is held to. One call for a run's sessions, for the reason ``started(_:sessions:at:uncovered:)`` gives.
    /// Attended occurrences are skipped (their entry is nil). The step's deadline is read once and
    /// its parts summed once (``WorkingCalendar/Span``) for all the sessions.
    /// `first`, when given, is the step's due time from `first.start` (``started(_:sessions:at:uncovered:)``'s
    /// `own`, its uncovered years already noted): a session whose window starts there is due then,
    /// without the same sum again.
    func dues(of step: Step, sessions occurrences: [StepRun.Occurrence], first: (start: Date, due: Date?)? = nil,
              uncovered: inout Set<Int>) -> [Date?] {
        var dues: [Date?] = []
        dues.reserveCapacity(occurrences.count)
        let span = step.dueIsScheduled ? nil : step.waktuDeadline.map { WorkingCalendar.Span($0, times: 1) }
        for occurrence in occurrences {
            guard occurrence.attendedAt == nil else {
                dues.append(nil)
                continue
            }
            if let first, occurrence.windowStart == first.start {
                dues.append(first.due)
            } else if step.dueIsScheduled {
                dues.append(due(after: occurrence.windowStart, of: step, uncovered: &uncovered))
            } else if let span {
                let sum = calendar.adding(span, to: occurrence.windowStart)
                if let years = sum.uncovered, !years.isEmpty { uncovered.formUnion(years) }
                dues.append(sum.instant)
            } else {
                dues.append(nil)
            }
        }
        return dues
    }
}

extension CaseContext {
    /// An instant as ISO 8601 in the office's time zone (`2025-01-06T08:00:00+07:00`).
    public func format(_ instant: Date) -> String {
        InstantFormat.string(instant, in: calendar.timeZone)
    }

    /// A due time as ``format(_:)``, followed by ` (provisional)` when its year's holidays are computed
    /// by rule (``WorkingCalendar/provisionalYears``).
    public func formatDue(_ instant: Date) -> String {
        formattedDue(instant, in: .en)
    }

    /// An instant as a person reads it in `bahasa` (``DateText/instant(_:in:bahasa:)``).
    public func formatted(_ instant: Date, in bahasa: Bahasa) -> String {
        DateText.instant(instant, in: calendar.timeZone, bahasa: bahasa)
    }

    /// A due time in `bahasa`, marked provisional when its year's holidays are computed by rule.
    public func formattedDue(_ instant: Date, in bahasa: Bahasa) -> String {
        formatted(instant, in: bahasa) + (calendar.isProvisional(year: calendar.date(of: instant).year) ? OutputMessages.provisional().text(in: bahasa) : "")
    }
}

extension Waktu {
    /// Whether the waktu is a schedule the calendar answers (``WorkingCalendar/due(of:from:)``):
    /// same day, a cut-off, dates of the month; durations are added instead.
    var isSchedule: Bool {
        switch value {
        case .sameDay, .cutoff, .monthly: true
        case .exact, .range, .atMost, .about, .frequency: false
        }
    }
}
