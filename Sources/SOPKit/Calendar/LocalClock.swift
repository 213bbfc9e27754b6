import Foundation

/// Converts between instants and local wall-clock positions (day number, minute of day) in one time zone.
///
/// Zones whose offset has not changed since 1970 (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) use the
/// fixed offset directly: the same answer Foundation gives, without its per-call cost. Any other zone,
/// and any instant before 1970, goes through Foundation's `TimeZone` and a Gregorian `Calendar` in that
/// zone. The machine's own time zone is never consulted.
struct LocalClock: Sendable {
    /// A wall-clock position: the local day (days since 1970-01-01) and the minute of that day (fractional).
    struct Position: Sendable, Hashable, Comparable {
        var day: Int
        var minute: Double

        static func < (a: Position, b: Position) -> Bool { (a.day, a.minute) < (b.day, b.minute) }
    }

    let timeZone: TimeZone
    /// Seconds east of UTC when the zone has had one offset since 1970.
    private let fixedOffset: Int?
    private let calendar: Calendar

    /// Instants from which the fixed offset is valid (1970-01-01T00:00Z).
    private static let fixedFrom: TimeInterval = 0
    /// Latest instant handled: the end of 9999-12-31 UTC.
    static let maxSeconds: Double = 253_402_300_800   // (lastDayNumber + 1) * 86_400
    /// Earliest instant handled: 0001-01-01 UTC.
    static let minSeconds: Double = -62_135_596_800   // firstDayNumber * 86_400

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        let epoch = Date(timeIntervalSince1970: LocalClock.fixedFrom)
        if timeZone.nextDaylightSavingTimeTransition(after: epoch) == nil {
            fixedOffset = timeZone.secondsFromGMT(for: epoch)
        } else {
            fixedOffset = nil
        }
    }

    /// The local position of an instant.
    func position(of instant: Date) -> Position {
        let raw = instant.timeIntervalSince1970
        let t = raw.isNaN ? 0 : Swift.min(Swift.max(raw, LocalClock.minSeconds), LocalClock.maxSeconds - 1)
        let offset: Int
        if let fixedOffset, t >= LocalClock.fixedFrom {
            offset = fixedOffset
        } else {
            offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t))
        }
        let local = t + Double(offset)
        let day = (local / 86_400).rounded(.down)
        return Position(day: Int(day), minute: (local - day * 86_400) / 60)
    }

    /// The instant of a local position. A minute outside 0..<1440 rolls into the neighbouring days.
    /// In a zone with daylight saving time, a wall-clock time that does not exist is resolved as
    /// Foundation's Calendar resolves it (moved forward by the gap).
    func instant(of position: Position) -> Date {
        let rolled = (position.minute / 1440).rounded(.down)
        let minute = position.minute - rolled * 1440
        let shifted = rolled.isFinite ? Double(position.day) + rolled : Double(position.day)
        let day = Int(Swift.min(Swift.max(shifted, Double(CalendarDate.firstDayNumber)), Double(CalendarDate.lastDayNumber)))
        let localSeconds = Double(day) * 86_400 + minute * 60
        if let fixedOffset, localSeconds - Double(fixedOffset) >= LocalClock.fixedFrom {
            return Date(timeIntervalSince1970: localSeconds - Double(fixedOffset))
        }
        return zonedInstant(day: day, minute: minute, localSeconds: localSeconds)
    }

    /// ``instant(of:)`` through Foundation: a zone whose offset changes, or a time before 1970. Apart
    /// so that the fixed-offset path does not set up this one's frame (a third of its instructions).
    @inline(never)
    private func zonedInstant(day: Int, minute: Double, localSeconds: Double) -> Date {
        let date = CalendarDate(dayNumber: day)
        let whole = Int(minute.rounded(.down))
        let components = DateComponents(year: date.year, month: date.month, day: date.day,
                                        hour: whole / 60, minute: whole % 60)
        if let exact = calendar.date(from: components) {
            return exact.addingTimeInterval((minute - Double(whole)) * 60)
        }
        // Outside what Foundation converts: use the zone's offset at about that moment.
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: localSeconds))
        return Date(timeIntervalSince1970: localSeconds - Double(offset))
    }
}
