import Foundation

/// What a case's state says, as a trace and a summary: each step run with its performers, start,
/// finish, standard and actual time, due and status; the outcome, the path, total working time
/// against the standard, overdue steps, sessions attended and missed.
public struct CaseReport: Sendable {
    /// The status of one step run.
    public enum Status: String, Sendable {
        case onTime = "on_time", late, open, overdue
    }

    /// One row of the trace.
    public struct Row: Sendable {
        public var step: String
        public var number: Int
        public var round: Int
        public var performers: [String]
        public var started: Date
        public var finished: Date?
        public var standard: String?
        /// The standard time in working minutes from this run's start (nil without a waktu).
        public var standardMinutes: Double?
        /// Working minutes from start to finish (or to `now` while open).
        public var actualMinutes: Double
        public var due: Date?
        public var status: Status
        public var outcome: String?
        public var sessionsAttended: Int?
        public var sessionsMissed: Int?
        /// A standard counted in days ("1 (satu) hari", "3 hari kerja", "2 hari kalender"): how many,
        /// and in which unit (`hariKerja` or `hariKalender`). A working day's length in minutes
        /// depends on the day and hour it starts (420, 450 or 480), so such a standard is reported
        /// in days, and `standardMinutes` only says how long it was from this run's start.
        public var standardDays: Double? = nil
        public var standardDayUnit: WaktuUnit? = nil
        /// The standard as the author wrote it in weeks, months or years (`1 tahun`), which the
        /// total keeps in those units rather than counting them in working time.
        public var standardLongAmount: Double? = nil
        public var standardLongUnit: WaktuUnit? = nil
    }

    public var sop: String
    public var outcome: CaseOutcome
    public var path: [String]
    public var rows: [Row]
    public var now: Date
    public var openedAt: Date?
    public var endedAt: Date?
    public var deadline: Date?
    /// Whether the whole case is past its jangka waktu penyelesaian.
    public var pastDeadline: Bool
    public var totalMinutes: Double
    public var standardTotalMinutes: Double
    /// The standard split as authors count it: days of the steps whose waktu is in days (working
    /// and calendar days), and minutes of the others (menit, jam, bulan, ...: measured in minutes).
    public var standardTotalWorkingDays = 0.0
    public var standardTotalCalendarDays = 0.0
    public var standardTotalOtherMinutes = 0.0
    /// Weeks, months and years of the steps whose standard is written in them (`1 tahun`).
    public var standardTotalLong: [WaktuUnit: Double] = [:]
    /// The standard is the SOP's printed total (`waktu.total`): none of the steps run carries a waktu.
    public var standardFromTotal = false
    /// Step ids that were late or are overdue, in path order, each once.
    public var overdue: [String]
    public var documents: [CaseState.Document]
    /// Warnings about the calendar the due times were counted with.
    public var warningTexts: [Message]
    /// The warnings in English.
    public var warnings: [String] { warningTexts.map(\.english) }
    let context: CaseContext

    /// The report of `state` looked at `now`.
    public init(state: CaseState, context: CaseContext, now: Date) {
        self.context = context
        let sop = context.definition
        let calendar = context.calendar
        self.sop = sop.id
        outcome = state.status
        path = state.path
        self.now = now
        openedAt = state.openedAt
        endedAt = state.endedAt
        deadline = state.deadline
        documents = state.documents
        let horizon = state.endedAt ?? now
        pastDeadline = state.deadline.map { horizon > $0 } ?? false
        rows = state.runs.map { run in
            let step = sop.step(run.stepID)
            let finish = run.completedAt ?? now
            var standardMinutes: Double?
            if let due = run.due { standardMinutes = calendar.workingMinutes(from: run.startedAt, to: due) }
            let status: Status
            if run.isCompleted { status = run.isOverdue(now: now) ? .late : .onTime } else { status = run.isOverdue(now: now) ? .overdue : .open }
            // A recurring step, or a batch (a group step that does not repeat) with its session.
            let recurring = step?.recurrence != nil
            let sessions = recurring || step?.group != nil
            var days: (Double, WaktuUnit)?, long: (Double, WaktuUnit)?
            if !recurring, let parts = step?.waktu?.deadline?.parts, let unit = parts.first?.unit,
               unit == .hariKerja || unit == .hariKalender, parts.allSatisfy({ $0.unit == unit }) {
                days = (parts.reduce(0) { $0 + $1.amount }, unit)
            }
            // A standard in weeks, months or years (a recurring step's `selama`, else the SOP's
            // jangka waktu) is counted in those units: "1 tahun", not 234 working days.
            let written = recurring ? (step?.recurrence?.during ?? sop.jangkaWaktu) : step?.waktu
            if let parts = written?.deadline?.parts, let unit = parts.first?.unit, [.minggu, .bulan, .tahun].contains(unit),
               parts.allSatisfy({ $0.unit == unit }) {
                long = (parts.reduce(0) { $0 + $1.amount }, unit)
            }
            return Row(step: run.stepID, number: (sop.stepIndex(run.stepID) ?? 0) + 1, round: run.round,
                       performers: run.signedOff.map(\.performer).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }, started: run.startedAt, finished: run.completedAt,
                       standard: recurring ? (step?.recurrence?.during ?? sop.jangkaWaktu)?.raw : step?.waktu?.raw,
                       standardMinutes: standardMinutes,
                       actualMinutes: calendar.workingMinutes(from: run.startedAt, to: finish), due: run.due, status: status,
                       outcome: run.outcome,
                       sessionsAttended: sessions ? run.occurrences.filter { $0.attendedAt != nil }.count : nil,
                       sessionsMissed: sessions ? run.missedOccurrences(now: now).count : nil,
                       standardDays: days?.0, standardDayUnit: days?.1, standardLongAmount: long?.0, standardLongUnit: long?.1)
        }
        totalMinutes = state.openedAt.map { calendar.workingMinutes(from: $0, to: horizon) } ?? 0
        standardTotalMinutes = rows.compactMap(\.standardMinutes).reduce(0, +)
        standardTotalWorkingDays = rows.filter { $0.standardDayUnit == .hariKerja }.compactMap(\.standardDays).reduce(0, +)
        standardTotalCalendarDays = rows.filter { $0.standardDayUnit == .hariKalender }.compactMap(\.standardDays).reduce(0, +)
        standardTotalOtherMinutes = rows.filter { $0.standardDays == nil && $0.standardLongUnit == nil }.compactMap(\.standardMinutes).reduce(0, +)
        for row in rows { if let unit = row.standardLongUnit, let amount = row.standardLongAmount { standardTotalLong[unit, default: 0] += amount } }
        // An SOP that gives only a total (a Standar Pelayanan's one Jangka Waktu): the run is
        // measured against that total, not against "0 menit".
        if rows.allSatisfy({ $0.standardMinutes == nil }), let total = sop.time.total?.deadline, let opened = state.openedAt {
            let due = calendar.adding(total, to: opened).instant
            standardTotalMinutes = calendar.workingMinutes(from: opened, to: due)
            standardTotalOtherMinutes = standardTotalMinutes
            standardFromTotal = true
        }
        var seen = Set<String>()
        overdue = rows.filter { $0.status == .late || $0.status == .overdue }.map(\.step).filter { seen.insert($0).inserted }
        warningTexts = state.uncoveredYears.sorted().map {
            OutputMessages.uncoveredYear(["calendar": .text(calendar.id), "year": .text("\($0)")])
        }
        let dues = rows.compactMap(\.due) + state.runs.flatMap { $0.occurrences.map(\.windowEnd) } + [state.deadline].compactMap { $0 }
        let provisional = Set(dues.map { calendar.date(of: $0).year }.filter { calendar.isProvisional(year: $0) })
        warningTexts += provisional.sorted().map {
            OutputMessages.provisionalYear(["year": .text("\($0)"), "calendar": .text(calendar.id)])
        }
    }

    /// Sessions attended and missed over all recurring runs.
    public var sessions: (attended: Int, missed: Int) {
        (rows.compactMap(\.sessionsAttended).reduce(0, +), rows.compactMap(\.sessionsMissed).reduce(0, +))
    }

    func format(_ date: Date?) -> String { date.map(context.format) ?? "-" }

    /// A due time, marked `(provisional)` when it falls in a year whose holidays are computed by rule:
    /// due times only move forward from a confirmed start, so such a due time counted provisional days.
    public func formatDue(_ date: Date?) -> String {
        guard let date else { return "-" }
        return context.formatDue(date)
    }

    /// A time in `bahasa` (`Senin, 6 Januari 2025 pukul 08.00`), or `-`.
    func format(_ date: Date?, in bahasa: Bahasa) -> String { date.map { context.formatted($0, in: bahasa) } ?? "-" }

    /// A due time in `bahasa`, marked provisional as ``formatDue(_:)`` does.
    func formatDue(_ date: Date?, in bahasa: Bahasa) -> String { date.map { context.formattedDue($0, in: bahasa) } ?? "-" }
}
