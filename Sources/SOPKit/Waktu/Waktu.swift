/// The structured meaning of a Waktu text.
public enum WaktuValue: Sendable, Hashable {
    /// A single duration: "15 menit", "0", "7 Hari, 5 Jam, 50 Menit", "1 x 24 jam".
    case exact(Durasi)
    /// From the first duration to the second: "3 s/d 5 hari", "7-15 hari kerja", "30 menit s/d 1 jam".
    case range(Durasi, Durasi)
    /// No longer than: "maksimal 14 hari", "paling lama 3 hari", "maks. 2 jam", "selambat-lambatnya 5 hari kerja".
    case atMost(Durasi)
    /// Approximately: "± 3 bulan", "+/- 2 jam", "kurang lebih 1 jam", "sekitar 2 hari".
    case about(Durasi)
    /// A recurrence, not a duration: "Sekali setiap bulan", "per bulan", "2 kali seminggu", "setiap minggu".
    case frequency(times: Int, per: WaktuUnit)
    /// Done within the office day it starts: "Same Day", "hari itu juga". Due at the close of
    /// office hours that working day (the next working day's, when it starts outside them).
    case sameDay
    /// A time-of-day cut-off: work that starts before `minuteOfDay` (office time) is due by
    /// `before`, later work by `after` ("sebelum pukul 13.00 selesai hari itu; setelah pukul
    /// 13.00 selesai hari kerja berikutnya").
    case cutoff(minuteOfDay: Int, before: DayDeadline, after: DayDeadline)
    /// A schedule, not a duration: the step waits for the next of these dates of the month ("Tgl
    /// 19/24 setiap bulan"; 1 for "awal bulan", -1 for "akhir bulan", the month's last day). Due at
    /// the close of office hours that date (the next working day, when it is a day off).
    case monthly(days: [Int])

    /// When a cut-off's work is due.
    public enum DayDeadline: String, Sendable, Hashable {
        /// At the close of office hours of the day it starts ("selesai hari itu").
        case sameDay = "same_day"
        /// At the close of office hours of the next working day ("selesai hari kerja berikutnya").
        case nextWorkingDay = "next_working_day"
    }

    /// Short kind name for JSON: "exact" | "range" | "at_most" | "about" | "frequency" | "same_day" | "cutoff" | "monthly".
    public var kind: String {
        switch self {
        case .exact: "exact"
        case .range: "range"
        case .atMost: "at_most"
        case .about: "about"
        case .frequency: "frequency"
        case .sameDay: "same_day"
        case .cutoff: "cutoff"
        case .monthly: "monthly"
        }
    }
}

/// A parsed Waktu: the structured value plus the author's raw text, kept for printing.
public struct Waktu: Sendable, Hashable {
    /// The text as the author wrote it.
    public var raw: String
    /// What the text means.
    public var value: WaktuValue
    /// When the clock starts or a condition, written after the duration ("setelah persyaratan
    /// dilengkapi", "terhitung berkas diterima lengkap", "jika pejabat berada di tempat"): kept and
    /// printed with the raw text, not counted.
    public var remark: String?
    /// The words of a sentence before the time ("Pelayanan diselesaikan dalam waktu" of "Pelayanan
    /// diselesaikan dalam waktu paling lama 45 menit."), kept for printing, not counted.
    public var lead: String? = nil

    /// Whether the remark says when the clock starts ("sejak berkas diterima"), rather than a
    /// condition ("jika berkas lengkap"); nil without a remark.
    public var remarkIsStart: Bool? {
        guard let first = remark?.split(whereSeparator: { !$0.isLetter }).first?.lowercased() else { return nil }
        return WaktuForms.startWords.contains(first)
    }

    /// Creates a Waktu from its raw text and meaning.
    public init(raw: String, value: WaktuValue, remark: String? = nil) {
        self.raw = raw
        self.value = value
        self.remark = remark
    }

    /// How the duration is counted: "working" (menit, jam and hari kerja run in the office hours of
    /// working days), "calendar" (hari kalender, N x 24 jam, minggu, bulan, tahun: around the
    /// clock), "mixed", or nil for a frequency.
    public var counting: String? {
        switch value {
        case .sameDay, .cutoff: return "working"
        case .monthly: return "schedule"
        default: break
        }
        guard let d = deadline ?? minimum else { return nil }
        let kinds = Set(d.parts.map { part -> String in
            switch part.unit {
            case .menit, .jam, .hariKerja: "working"
            case .hariKalender, .minggu, .bulan, .tahun: "calendar"
            }
        })
        if kinds.isEmpty { return "working" }
        return kinds.count == 1 ? kinds.first : "mixed"
    }

    /// The duration a deadline counts: the upper end of a range, the bound of atMost, the value of about/exact; nil for a frequency.
    public var deadline: Durasi? {
        switch value {
        case .exact(let d), .atMost(let d), .about(let d): d
        case .range(_, let high): high
        case .frequency, .sameDay, .cutoff, .monthly: nil
        }
    }

    /// The shortest duration meant (lower end of a range; for atMost, zero); nil for a frequency.
    public var minimum: Durasi? {
        switch value {
        case .exact(let d), .about(let d): d
        case .range(let low, _): low
        case .atMost: .zero
        case .frequency, .sameDay, .cutoff, .monthly: nil
        }
    }
}

extension Waktu: CustomStringConvertible {
    /// Normalised Indonesian text: "15 menit", "3–5 hari kerja", "30 menit – 1 jam", "maksimal 14 hari kerja",
    /// "± 3 bulan", "setiap bulan", "2 kali per minggu".
    public var description: String {
        switch value {
        case .exact(let d):
            return d.description
        case .range(let low, let high):
            if low.parts.count == 1, high.parts.count == 1, low.parts[0].unit == high.parts[0].unit {
                let a = WaktuAmount.format(low.parts[0].amount)
                let b = WaktuAmount.format(high.parts[0].amount)
                return "\(a)–\(b) \(high.parts[0].unit.label)"
            }
            return "\(low) – \(high)"
        case .atMost(let d):
            return "maksimal \(d)"
        case .about(let d):
            return "± \(d)"
        case .frequency(let times, let per):
            return times == 1 ? "setiap \(per.label)" : "\(times) kali per \(per.label)"
        case .sameDay:
            return "hari itu juga"
        case .cutoff(let minute, let before, let after):
            let hour = String(format: "%02d.%02d", minute / 60, minute % 60)
            func words(_ d: WaktuValue.DayDeadline) -> String { d == .sameDay ? "hari itu" : "hari kerja berikutnya" }
            return "sebelum pukul \(hour): \(words(before)); setelah: \(words(after))"
        case .monthly(let days):
            let names = days.map { $0 == -1 ? "akhir bulan" : $0 == 1 && days.count == 1 ? "awal bulan" : "tanggal \($0)" }
            return "setiap " + names.joined(separator: " / ")
        }
    }
}
