import Foundation

/// A computed instant, and the years the computation relied on that the calendar's holiday list does
/// not cover, so the caller can warn ("the 2027 holidays are not known yet") instead of silently guessing.
public struct CalendarResult: Sendable, Hashable {
    /// The computed instant.
    public var instant: Date
    /// Years, ascending, of the days the working-time part of the computation looked at that lie
    /// outside ``WorkingCalendar/coveredYears``. Empty when the result is fully backed by data
    /// (and always empty for a duration of calendar units only, which ignores holidays).
    public var uncoveredYears: [Int]

    /// Creates a result.
    public init(instant: Date, uncoveredYears: [Int] = []) {
        self.instant = instant
        self.uncoveredYears = uncoveredYears
    }

    /// Whether every day the computation looked at is covered by the calendar's data.
    public var isCovered: Bool { uncoveredYears.isEmpty }
}
