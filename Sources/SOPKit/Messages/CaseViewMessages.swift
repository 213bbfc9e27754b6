/// What `sop case show`, `sop tasks` and `sop report` print for a person.
public enum CaseViewMessages: String, MessageGroup {
    case head, revision, calendar, status, asOf, note, data, awaiting, timeline, timelineLine, asRole, documents, documentLine, documentFrom, documentBrought, evOpened, evOpenedDocuments, evStarted, evSigned, evDocument, evDocumentFrom, evDocumentBrought, evDecided, evByRule, evCompleted, evSession, evEnded, evMigrated, nothingWaits, taskLine, overdueFlag, noCompleted, colSOP, colName, colCount, colStandard, colMedian, colWorst, colOnTime, kindStep, kindPerformer,
         calendarLine, calendarPinned, calendarNotPinned, calendarProvisional, beforeOpening

    public var texts: MessageTexts {
        switch self {
        case .head: .init(id: "kasus {case}: {name} ({sop})", en: "case {case}: {name} ({sop})")
        case .revision: .init(id: "revisi:    {hash} (nomor {nomor}, revisi {revisi})", en: "revision: {hash} (nomor {nomor}, revisi {revisi})")
        case .calendar: .init(id: "kalender:  {line}", en: "calendar: {line}")
        case .status: .init(id: "status:    {status}", en: "status:   {status}")
        case .asOf: .init(id: "per:       {at}", en: "as of:    {at}")
        case .note: .init(id: "catatan:   {note}", en: "note:     {note}")
        case .data: .init(id: "data:      {name} = {value}", en: "data:     {name} = {value}")
        case .awaiting: .init(id: "menunggu:  {step} oleh {performers}, tenggat {due}", en: "awaiting: {step} by {performers}, due {due}")
        case .timeline: .init(id: "riwayat (waktu dikerjakan; waktu dicatat):", en: "timeline (done at; recorded at):")
        case .timelineLine: .init(id: "  {at}  {what}  [{actor}{role}; dicatat {recorded}]", en: "  {at}  {what}  [{actor}{role}; recorded {recorded}]")
        case .asRole: .init(id: " sebagai {role}", en: " as {role}")
        case .documents: .init(id: "dokumen:", en: "documents:")
        case .documentLine: .init(id: "  {name} ({from}, {at})", en: "  {name} ({from}, {at})")
        case .documentFrom: .init(id: "dari {step}", en: "from {step}")
        case .documentBrought: .init(id: "dibawa", en: "brought")
        case .evOpened: .init(id: "dibuka{documents}", en: "opened{documents}")
        case .evOpenedDocuments: .init(id: " dengan {count} dokumen", en: " with {count} document(s)")
        case .evStarted: .init(id: "{step} dimulai", en: "{step} started")
        case .evSigned: .init(id: "{step}: {performer} selesai{note}", en: "{step}: {performer} done{note}")
        case .evDocument: .init(id: "dokumen '{name}'{from}", en: "document '{name}'{from}")
        case .evDocumentFrom: .init(id: " dari {step}", en: " from {step}")
        case .evDocumentBrought: .init(id: " dibawa", en: " brought")
        case .evDecided: .init(id: "{step} diputuskan: {outcome}{byRule}", en: "{step} decided: {outcome}{byRule}")
        case .evByRule: .init(id: " (menurut aturan)", en: " (by rule)")
        case .evCompleted: .init(id: "{step} selesai", en: "{step} completed")
        case .evSession: .init(id: "{step}: menghadiri sesi {number}", en: "{step}: attended session {number}")
        case .evEnded: .init(id: "berakhir: {outcome}", en: "ended: {outcome}")
        case .evMigrated: .init(id: "dipindahkan dari revisi {from} ke {to}{mapping}", en: "moved from revision {from} to {to}{mapping}")
        case .nothingWaits: .init(id: "tidak ada yang menunggu {role}", en: "nothing waits for {role}")
        case .taskLine: .init(id: "{flag}{case}  langkah {number} {step}  tenggat {due}  {uraian}", en: "{flag}{case}  step {number} {step}  due {due}  {uraian}")
        case .overdueFlag: .init(id: "TERLAMBAT ", en: "OVERDUE ")
        case .noCompleted: .init(id: "tidak ada langkah yang selesai dalam periode ini", en: "no completed steps in this period")
        case .colSOP: .init(id: "sop", en: "sop")
        case .colName: .init(id: "langkah / pelaksana", en: "step / performer")
        case .colCount: .init(id: "jumlah", en: "count")
        case .colStandard: .init(id: "waktu baku", en: "standard")
        case .colMedian: .init(id: "median", en: "median")
        case .colWorst: .init(id: "terlama", en: "worst")
        case .colOnTime: .init(id: "tepat waktu", en: "on time")
        case .kindStep: .init(id: "langkah", en: "step")
        case .kindPerformer: .init(id: "pelaksana", en: "performer")
        case .calendarLine: .init(id: "{calendar} {pin} (berkas: {files}; {zone}; ditetapkan sampai {through}{provisional})",
                                  en: "{calendar} {pin} (files: {files}; {zone}; decreed through {through}{provisional})")
        case .calendarPinned: .init(id: "revisi {hash} disematkan di jurnal", en: "revision {hash} pinned in the journal")
        case .calendarNotPinned: .init(id: "belum disematkan (dibuka sebelum kalender disematkan): dibaca dari {source} hari ini",
                                       en: "not pinned (opened before calendars were pinned): read from {source} today")
        case .calendarProvisional: .init(id: ", sementara {from}-{to}", en: ", provisional {from}-{to}")
        case .beforeOpening: .init(id: "dilihat per {at}, sebelum kasus dibuka ({opened}): belum ada yang terjadi",
                                   en: "viewed as of {at}, before the case was opened ({opened}): nothing had happened yet")
        }
    }
}
