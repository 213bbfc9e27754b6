import Foundation
import SOPKit

/// The expected load of each role: the working minutes its work needs per working minute, per
/// person. At 1 or more the role's queue grows without bound, whatever the run: the simulator
/// reports the role instead of running.
enum LoadCheck {
    static func load(context: CaseContext, staff: [String: Int?], visits: [String: Double], durations: DurationModel,
                     settings: SimulationSettings, arrivals journalCount: Int?, workingMinutes: Double, totalMinutes: Double) -> [String: Double] {
        let sop = context.definition
        let calendar = context.calendar
        var days = 0
        var day = settings.from
        while day < settings.to, days < 100_000 {
            if calendar.isWorkingDay(day) { days += 1 }
            day = day.adding(days: 1)
        }
        let dayMinutes = days > 0 ? workingMinutes / Double(days) : 450
        let workingShare = totalMinutes > 0 ? workingMinutes / totalMinutes : 0
        func minutes(_ d: Durasi) -> Double {
            d.parts.reduce(0.0) { total, part in
                switch part.unit {
                case .menit, .jam, .hariKerja: total + part.minutes(workingDayMinutes: dayMinutes)
                case .hariKalender, .minggu, .bulan, .tahun: total + part.minutes() * workingShare
                }
            }
        }
        let perMinute: Double
        if let journalCount { perMinute = Double(journalCount) / workingMinutes } else if case .rate(let rate) = settings.arrivals {
            perMinute = rate.perDay * totalMinutes / 1440 / workingMinutes
        } else { perMinute = 0 }
        var work: [String: Double] = [:]
        for step in sop.steps {
            let v = visits[step.id] ?? 0
            let people = step.performers.map(\.value)
            if let recurrence = step.recurrence {
                let mean = durations.meanPart(step: step, performer: people.first ?? "", minutesOf: minutes)
                if step.group != nil {
                    // One session per period for everyone, while any case is in the step.
                    let every = recurrence.every.deadline.map(minutes) ?? 0
                    if every > 0 { for p in people { work[p, default: 0] += mean / every / max(perMinute, 1e-12) } }
                } else {
                    let every = recurrence.every.deadline.map { $0.minutes() } ?? 0
                    let during = (recurrence.during ?? sop.jangkaWaktu)?.deadline.map { $0.minutes() } ?? 0
                    let count = every > 0 ? max(1, (during / every).rounded(.down)) : 1
                    if let first = people.first { work[first, default: 0] += v * count * mean }
                }
                continue
            }
            if step.group != nil { continue }
            if step.mode == .salahSatu {
                let able = people.filter { (staff[$0] ?? 1).map { $0 > 0 } ?? true }
                for p in able { work[p, default: 0] += v * durations.meanPart(step: step, performer: p, minutesOf: minutes) / Double(able.count) }
            } else {
                for p in people { work[p, default: 0] += v * durations.meanPart(step: step, performer: p, minutesOf: minutes) }
            }
        }
        var load: [String: Double] = [:]
        for performer in sop.performers {
            guard let people = staff[performer.id] ?? 1 else { load[performer.id] = 0; continue }
            load[performer.id] = people > 0 ? perMinute * (work[performer.id] ?? 0) / Double(people) : 0
        }
        return load
    }
}
