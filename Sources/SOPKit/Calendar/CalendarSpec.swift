import Foundation

/// What one calendar file says, before it is merged with the calendar it extends.
///
/// Everything is optional here: an office file may set only `extends` and a few days off. The store
/// checks what a calendar without `extends` must have, and merges an extending file over its base.
struct CalendarSpec: Sendable {
    /// `id:`, where it was written.
    var id: Located<String>?
    /// `extends:`, the id of the calendar this one adds to.
    var extends: Located<String>?
    /// `timezone:`.
    var timeZone: TimeZone?
    /// `utc_offset:` in seconds east of UTC (documentation; checked against the time zone).
    var utcOffset: Located<Int>?
    /// `workweek.days:`, each weekday index where it was written.
    var days: [Located<Int>]?
    /// `workweek.hours:` per weekday index, breaks removed.
    var hours: [Int: [Range<Int>]] = [:]
    /// `workweek.ramadan.hours:` per weekday index, breaks removed.
    var ramadanHours: [Int: [Range<Int>]] = [:]
    /// `workweek.ramadan.periods:`.
    var ramadanPeriods: [ClosedRange<CalendarDate>]?
    /// `provisional_years:`: how many years after the last confirmed one get ``ProvisionalHolidays``.
    var provisionalYears: Located<Int>?
    /// `holidays:`, each where it was written.
    var holidays: [Located<Holiday>] = []
    /// Whether the file's top level was a mapping (when not, nothing else is reported missing).
    var isMapping = true
    /// Where the file's top-level mapping, `workweek:` and `holidays:` start, for messages about what is missing.
    var rootLocation: SourceLocation
    var workweekLocation: SourceLocation?
    var holidaysLocation: SourceLocation?

    init(rootLocation: SourceLocation) {
        self.rootLocation = rootLocation
    }
}
