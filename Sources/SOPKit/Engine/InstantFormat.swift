import Foundation

/// Reads and writes instants as people type them: ISO 8601 with an offset, or a local time or date
/// in the office's time zone.
public enum InstantFormat {
    /// `2025-01-06T08:00:00+07:00`.
    public static func string(_ instant: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let offset = zone.secondsFromGMT(for: instant) / 60
        func pad(_ n: Int?, _ w: Int = 2) -> String {
            let s = String(abs(n ?? 0))
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        let sign = offset < 0 ? "-" : "+"
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))\(sign)\(pad(abs(offset) / 60)):\(pad(abs(offset) % 60))"
    }

    /// Parses `2025-01-06T08:00:00+07:00`, `2025-01-06T08:00:00Z`, `2025-01-06T08:00` or `2025-01-06 08:00`
    /// (local to `zone`), or a date alone `2025-01-06` (at `defaultMinute` of that day, local).
    public static func parse(_ text: String, in zone: TimeZone, defaultMinute: Int = 7 * 60 + 30) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let date = CalendarDate(iso: t) { return local(date, minute: defaultMinute, second: 0, zone: zone) }
        guard t.count >= 16, let date = CalendarDate(iso: t.prefix(10)) else { return nil }
        let sep = t[t.index(t.startIndex, offsetBy: 10)]
        guard sep == "T" || sep == " " else { return nil }
        var rest = Substring(t.dropFirst(11))
        var offsetSeconds: Int?
        if rest.hasSuffix("Z") {
            offsetSeconds = 0
            rest = rest.dropLast()
        } else if rest.count >= 6, let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zonePart = rest[signIndex...]
            let digits = zonePart.dropFirst().split(separator: ":")
            guard digits.count == 2 || (digits.count == 1 && digits[0].count == 4) else { return nil }
            let hh = digits.count == 2 ? Int(digits[0]) : Int(digits[0].prefix(2))
            let mm = digits.count == 2 ? Int(digits[1]) : Int(digits[0].suffix(2))
            guard let hh, let mm, hh <= 14, mm < 60 else { return nil }
            offsetSeconds = (hh * 3600 + mm * 60) * (zonePart.first == "-" ? -1 : 1)
            rest = rest[..<signIndex]
        }
        let parts = rest.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        let s = parts.count == 3 ? Int(Double(parts[2]) ?? -1) : 0
        guard (0..<60).contains(s) else { return nil }
        if let offsetSeconds, let fixed = TimeZone(secondsFromGMT: offsetSeconds) {
            return local(date, minute: h * 60 + m, second: s, zone: fixed)
        }
        return local(date, minute: h * 60 + m, second: s, zone: zone)
    }

    private static func local(_ date: CalendarDate, minute: Int, second: Int, zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day,
                                                  hour: minute / 60, minute: minute % 60, second: second))
    }
}
