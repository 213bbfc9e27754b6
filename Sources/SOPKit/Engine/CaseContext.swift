import Foundation

/// What a case runs against: the definition it was opened on and the working calendar of its office.
/// Injected into the fold so that tests can fix the calendar (and, through event times, the clock).
public struct CaseContext: Sendable {
    public let definition: SOPDefinition
    public let calendar: WorkingCalendar

    public init(definition: SOPDefinition, calendar: WorkingCalendar) {
        self.definition = definition
        self.calendar = calendar
    }

    /// Start plus a waktu's deadline duration in working time (nil without a waktu), noting uncovered years.
    func due(after start: Date, waktu: Waktu?, uncovered: inout Set<Int>) -> Date? {
        guard let duration = waktu?.deadline else { return nil }
        let result = calendar.adding(duration, to: start)
        uncovered.formUnion(result.uncoveredYears)
        return result.instant
    }

    /// The occurrences of a recurring step started at `start`: `selama / setiap` windows back to back.
    func occurrences(of step: Step, from start: Date, uncovered: inout Set<Int>) -> [StepRun.Occurrence] {
        guard let recurrence = step.recurrence, let every = recurrence.every.deadline,
              let during = (recurrence.during ?? definition.jangkaWaktu)?.deadline else { return [] }
        let ratio = during.minutes() / max(every.minutes(), 1)
        let count = max(1, min(10_000, Int((ratio + 1e-9).rounded(.down))))
        var result: [StepRun.Occurrence] = []
        var windowStart = start
        for number in 1...count {
            let scaled = Durasi(parts: every.parts.map { WaktuAmount(amount: $0.amount * Double(number), unit: $0.unit) })
            let end = calendar.adding(scaled, to: start)
            uncovered.formUnion(end.uncoveredYears)
            result.append(.init(number: number, windowStart: windowStart, windowEnd: end.instant, attendedAt: nil))
            windowStart = end.instant
        }
        return result
    }
}

extension CaseContext {
    /// An instant as ISO 8601 in the office's time zone (`2025-01-06T08:00:00+07:00`).
    public func format(_ instant: Date) -> String {
        InstantFormat.string(instant, in: calendar.timeZone)
    }
}
