/// What the case commands print for a person (`case open/do/list/migrate`, `session record`,
/// `tasks`, `audit`, `calendar update`) and their refusals of the command line. The case ids,
/// step ids and statuses they quote stay as they are (scripts read them).
public enum CaseCommandMessages: String, MessageGroup {
    case alreadyRecorded, opened, done, nowAt, caseEnded, noCases, listLine, listAt, listOverdue, noOpenCases
    case migratePlan, migrated, nameCasesOrAllOpen, mapNotOldNew, sessionRecorded, nameACase, notAPerformer
    case caseLeftOut, casesLeftOut, answerOneOf, auditAs, auditAsOf, auditLogin, auditDatabaseRole
    case notADate, notADateOrTime, notADay
    case calendarFileUnreadable, calendarRevision, notPinned, noDueMoves, dueMove, because, alreadyOnRevision
    case endedKeepCalendar, dryRunWouldMove, movedTo, caseNotReadNotMoved

    public var texts: MessageTexts {
        switch self {
        case .alreadyRecorded: .init(id: "(sudah tercatat dengan kunci ini)", en: "(already recorded under this key)")
        case .opened: .init(id: "kasus {sop} ({name}) dibuka", en: "opened case of {sop} ({name})")
        case .done: .init(id: "{case}: {step} dikerjakan oleh {role}; {next} (versi {version})", en: "{case}: {step} done by {role}; {next} (version {version})")
        case .nowAt: .init(id: "kini di {steps}", en: "now at {steps}")
        case .caseEnded: .init(id: "kasus {status}", en: "case {status}")
        case .noCases: .init(id: "tidak ada kasus", en: "no cases")
        case .listLine: .init(id: "{case}  {sop}  {status}  dibuka {opened}{at}{overdue}", en: "{case}  {sop}  {status}  opened {opened}{at}{overdue}")
        case .listAt: .init(id: "  di {steps}", en: "  at {steps}")
        case .listOverdue: .init(id: "  terlambat: {steps}", en: "  overdue: {steps}")
        case .noOpenCases: .init(id: "tidak ada kasus berjalan dari {sop}", en: "no open cases of {sop}")
        case .migratePlan: .init(id: "rencana {summary}", en: "plan {summary}")
        case .migrated: .init(id: "{summary}; dipindahkan (versi {version})", en: "{summary}; moved (version {version})")
        case .nameCasesOrAllOpen: .init(id: "sebutkan kasus yang dipindahkan, atau berikan --all-open (tidak keduanya)", en: "name the cases to move, or give --all-open (not both)")
        case .mapNotOldNew: .init(id: "--map '{item}' bukan LAMA=BARU", en: "--map '{item}' is not OLD=NEW")
        case .sessionRecorded: .init(id: "{case}: sesi {step} tercatat (versi {version})", en: "{case}: session of {step} recorded (version {version})")
        case .nameACase: .init(id: "sebutkan paling sedikit satu --case", en: "name at least one --case")
        case .notAPerformer: .init(id: "'{role}' bukan pelaksana SOP mana pun di jurnal ini{hint} (peran: {roles})", en: "'{role}' is not a performer of any SOP in this journal{hint} (roles: {roles})")
        case .caseLeftOut: .init(id: "sop: kasus {case} tidak dapat dibaca dan tidak disertakan: {reason}", en: "sop: case {case} cannot be read and is left out: {reason}")
        case .casesLeftOut: .init(id: "sop: {n} kasus tidak disertakan; yang lain ditampilkan di atas", en: "sop: {n} case(s) left out; the others are shown above")
        case .answerOneOf: .init(id: "jawab salah satu dari: {labels}", en: "answer one of: {labels}")
        case .auditAs: .init(id: " sebagai {role}", en: " as {role}")
        case .auditAsOf: .init(id: " (keadaan pada {time})", en: " (as of {time})")
        case .auditLogin: .init(id: "login {login}", en: "login {login}")
        case .auditDatabaseRole: .init(id: "peran basis data {role}", en: "database role {role}")
        case .notADate: .init(id: "'{text}' bukan tanggal; tulis misalnya 2025-01-01 (TTTT-BB-HH)", en: "'{text}' is not a date; write e.g. 2025-01-01 (YYYY-MM-DD)")
        case .notADateOrTime: .init(id: "'{text}' bukan tanggal atau waktu; tulis misalnya 2025-01-06T08:00:00+07:00, 2025-01-06T08:00 atau 2025-01-06",
                                    en: "'{text}' is not a date or time; write e.g. 2025-01-06T08:00:00+07:00, 2025-01-06T08:00 or 2025-01-06")
        case .notADay: .init(id: "'{text}' bukan tanggal (TTTT-BB-HH)", en: "'{text}' is not a date (YYYY-MM-DD)")
        case .calendarFileUnreadable: .init(id: "sop: berkas kalender {path} tidak dapat dibaca", en: "sop: the calendar file {path} cannot be read")
        case .calendarRevision: .init(id: "kalender {calendar}: revisi {revision} (berkas: {files})", en: "calendar {calendar}: revision {revision} (files: {files})")
        case .notPinned: .init(id: "belum disematkan", en: "not pinned")
        case .noDueMoves: .init(id: ", tidak ada tenggat yang bergeser", en: ", no due time moves")
        case .dueMove: .init(id: "  {what}: {before} -> {after}", en: "  {what}: {before} -> {after}")
        case .because: .init(id: "    karena {reason}", en: "    because {reason}")
        case .alreadyOnRevision: .init(id: "sudah memakai {revision}: {cases}", en: "already on {revision}: {cases}")
        case .endedKeepCalendar: .init(id: "sudah berakhir, tetap memakai kalendernya: {cases}", en: "ended, keep their calendar: {cases}")
        case .dryRunWouldMove: .init(id: "uji coba: {n} kasus berjalan akan dipindahkan; tidak ada yang diubah", en: "dry run: {n} open case(s) would move; nothing was changed")
        case .movedTo: .init(id: "{n} kasus berjalan dipindahkan ke {revision}", en: "{n} open case(s) moved to {revision}")
        case .caseNotReadNotMoved: .init(id: "sop: kasus {case} tidak terbaca (tidak dipindahkan): {reason}", en: "sop: case {case} not read (not moved): {reason}")
        }
    }
}
