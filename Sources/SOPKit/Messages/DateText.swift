import Foundation

/// Dates and times as a person reads them: `Senin, 6 Januari 2025` and `Senin, 6 Januari 2025
/// pukul 08.00` in Indonesian; English keeps the ISO form it always printed (scripts read it).
public enum DateText {
    /// Indonesian day names, Sunday first (as `CalendarDate.weekday(ofDayNumber:)` counts).
    public static let dayNames = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]

    /// `Senin, 6 Januari 2025`, or `2025-01-06` in English.
    public static func long(_ date: CalendarDate, in bahasa: Bahasa) -> String {
        guard bahasa == .id else { return date.description }
        let weekday = CalendarDate.weekday(ofDayNumber: date.dayNumber)
        return "\(dayNames[weekday]), \(date.day) \(CalendarDate.monthNames[date.month - 1]) \(date.year)"
    }

    /// `Senin, 6 Januari 2025 pukul 08.00`, or the ISO instant with its offset in English.
    public static func instant(_ instant: Date, in zone: TimeZone, bahasa: Bahasa) -> String {
        guard bahasa == .id else { return InstantFormat.string(instant, in: zone) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(dayNumber: 0)
        let hour = c.hour ?? 0, minute = c.minute ?? 0
        return long(date, in: .id) + " pukul " + (hour < 10 ? "0" : "") + "\(hour)." + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
