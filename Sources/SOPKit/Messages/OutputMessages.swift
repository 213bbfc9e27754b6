/// What `sop run`, `sop test` and `sop validate` print for a person: column headings, statuses,
/// the summary lines. The last line of `sop test` (`N passed, M failed`) is not here: scripts read it.
public enum OutputMessages: String, MessageGroup {
    case colStep, colRound, colPerformers, colStarted, colFinished, colStandard, colActual, colDue, colStatus, statusOnTime, statusLate, statusOpen, statusOverdue, outcomeOpen, outcomeCompleted, outcomeExited, sessionsRow, lineOutcome, linePath, lineTime, fromTotal, lineOverdue, none, lineSessions, lineDeadline, passed, lineWarning, provisional, uncoveredYear, provisionalYear, filesChecked, kinds, oneFile, files, oneError, errors, oneWarning, warnings, oneSOP, sops, oneScenario, scenarios, pass, fail, rowHeading, rowRound, rowTimes, rowStarted, rowStandard, rowStandardDue

    /// `1 file` / `3 files` (`1 berkas` / `3 berkas`).
    public static func count(_ n: Int, _ one: OutputMessages, _ many: OutputMessages) -> MessageArgument {
        .message(n == 1 ? one() : many(["n": .number(n)]))
    }

    public var texts: MessageTexts {
        switch self {
        case .colStep: .init(id: "langkah", en: "step")
        case .colRound: .init(id: "putaran", en: "round")
        case .colPerformers: .init(id: "pelaksana", en: "performers")
        case .colStarted: .init(id: "mulai", en: "started")
        case .colFinished: .init(id: "selesai", en: "finished")
        case .colStandard: .init(id: "waktu baku", en: "standard")
        case .colActual: .init(id: "waktu nyata", en: "actual")
        case .colDue: .init(id: "tenggat", en: "due")
        case .colStatus: .init(id: "status", en: "status")
        case .statusOnTime: .init(id: "tepat waktu", en: "on time")
        case .statusLate: .init(id: "terlambat", en: "late")
        case .statusOpen: .init(id: "berjalan", en: "open")
        case .statusOverdue: .init(id: "lewat tenggat", en: "overdue")
        case .outcomeOpen: .init(id: "berjalan", en: "open")
        case .outcomeCompleted: .init(id: "selesai", en: "completed")
        case .outcomeExited: .init(id: "berhenti lebih awal", en: "exited")
        case .sessionsRow: .init(id: "(sesi: {attended} dihadiri, {missed} terlewat)", en: "(sessions {attended} attended, {missed} missed)")
        case .lineOutcome: .init(id: "hasil:     {value}", en: "outcome:   {value}")
        case .linePath: .init(id: "jalur:     {value}", en: "path:      {value}")
        case .lineTime: .init(id: "waktu:     {actual} waktu kerja terhadap waktu baku {standard}{note}", en: "time:      {actual} working time against a standard of {standard}{note}")
        case .fromTotal: .init(id: " (waktu.total SOP; langkah-langkahnya tidak memuat waktu)", en: " (the SOP's waktu.total; its steps carry no waktu)")
        case .lineOverdue: .init(id: "terlambat: {value}", en: "overdue:   {value}")
        case .none: .init(id: "tidak ada", en: "none")
        case .lineSessions: .init(id: "sesi:      {attended} dihadiri, {missed} terlewat", en: "sessions:  {attended} attended, {missed} missed")
        case .lineDeadline: .init(id: "batas:     {value}{passed}", en: "deadline:  {value}{passed}")
        case .passed: .init(id: " (terlewati)", en: " (passed)")
        case .lineWarning: .init(id: "peringatan: {value}", en: "warning:   {value}")
        case .provisional: .init(id: " (sementara)", en: " (provisional)")
        case .uncoveredYear: .init(id: "Kalender kerja '{calendar}' tidak mencakup {year}: hari libur tahun itu belum diketahui, sehingga tenggat di tahun itu hanya menghitung hari kerja biasa", en: "the working calendar '{calendar}' does not cover {year}: holidays of that year are not known, so due times there count weekdays only")
        case .provisionalYear: .init(id: "Tenggat pada {year} menghitung hari libur sementara kalender kerja '{calendar}' (dihitung menurut aturan, SKB belum terbit; cuti bersama belum diketahui): tenggat dapat bergeser setelah SKB terbit (sop calendar show)", en: "due times in {year} count provisional holidays of the working calendar '{calendar}' (computed by rule, no SKB yet; cuti bersama unknown): they may move when the SKB is published (sop calendar show)")
        case .filesChecked: .init(id: "{files} diperiksa{kinds}: {errors}, {warnings}", en: "{files} checked{kinds}: {errors}, {warnings}")
        case .kinds: .init(id: " ({sops}, {scenarios})", en: " ({sops}, {scenarios})")
        case .oneFile: .init(id: "1 berkas", en: "1 file")
        case .files: .init(id: "{n} berkas", en: "{n} files")
        case .oneError: .init(id: "1 kesalahan", en: "1 error")
        case .errors: .init(id: "{n} kesalahan", en: "{n} errors")
        case .oneWarning: .init(id: "1 peringatan", en: "1 warning")
        case .warnings: .init(id: "{n} peringatan", en: "{n} warnings")
        case .oneSOP: .init(id: "1 SOP", en: "1 SOP")
        case .sops: .init(id: "{n} SOP", en: "{n} SOPs")
        case .oneScenario: .init(id: "1 skenario", en: "1 scenario")
        case .scenarios: .init(id: "{n} skenario", en: "{n} scenarios")
        case .rowHeading: .init(id: "{number}. {step}{round}: {performers} — {status}", en: "{number}. {step}{round}: {performers} — {status}")
        case .rowRound: .init(id: " (putaran {n})", en: " (round {n})")
        case .rowTimes: .init(id: "mulai {started}; selesai {finished}", en: "started {started}; finished {finished}")
        case .rowStarted: .init(id: "mulai {started}", en: "started {started}")
        case .rowStandard: .init(id: "waktu baku {standard}; waktu nyata {actual}", en: "standard {standard}; actual {actual}")
        case .rowStandardDue: .init(id: "waktu baku {standard}; waktu nyata {actual}; tenggat {due}", en: "standard {standard}; actual {actual}; due {due}")
        case .pass: .init(id: "LULUS {name} ({path})", en: "PASS {name} ({path})")
        case .fail: .init(id: "GAGAL {name} ({path})", en: "FAIL {name} ({path})")
        }
    }
}
