/// What `sop simulate` prints for a person: its refusals and its text report (headings, column
/// titles, units). Column titles fit the columns of the English ones (the report is 80 wide).
public enum SimulationMessages: String, MessageGroup {
    case bothArrivals, noArrivals, cannotWrite, caseLeftOut
    case header, arrivalsRate, arrivalsJournal, arrivalsLine, staffLine, durationsStandard, durationsJournal, spreadLine, decisionLine, shareAssumed, shareGiven, shareJournal
    case unstable, onePerson, people, stepsHeading, colStep, colOnTime, colJournal, colWaitP50, colWaitP90, colStandard, backtest, points
    case rolesHeading, colRole, colStaff, colUtilisation, noLimit, assumedStaff, casesHeading, arrivedPerRun, endedInTime, ofJangka
    case leadTime, completedExited, unfinished, bottleneck, horizonWarning, intervals
    case comparisonHeading, baseLine, revisedLine, base, revised, stepsCompare, colChange, colP90Base, rolesCompare
    case cmpEnded, cmpLeadP50, cmpLeadP90, cmpBottleneck, cmpMeans
    case minutes, hours, days, calendarDays, calendarHours

    public var texts: MessageTexts {
        switch self {
        case .bothArrivals: .init(id: "berikan --arrivals N/PERIODE atau --arrivals-from-journal, tidak keduanya", en: "give either --arrivals N/PERIOD or --arrivals-from-journal, not both")
        case .noArrivals: .init(id: "berikan --arrivals N/PERIODE (misalnya --arrivals 40/bulan) atau --arrivals-from-journal",
                                en: "give --arrivals N/PERIOD (e.g. --arrivals 40/bulan) or --arrivals-from-journal")
        case .cannotWrite: .init(id: "sop: -o: '{path}' tidak dapat ditulis: {why}", en: "sop: -o: cannot write '{path}': {why}")
        case .caseLeftOut: .init(id: "sop: kasus {case} tidak dapat dibaca dan tidak disertakan dalam simulasi: {reason}",
                                 en: "sop: case {case} cannot be read and is left out of the simulation: {reason}")
        case .header: .init(id: "Simulasi {sop} ({name}): {runs} putaran, benih {seed}", en: "Simulation of {sop} ({name}): {runs} runs, seed {seed}")
        case .arrivalsRate: .init(id: "{rate} (Poisson, waktu kerja)", en: "{rate} (Poisson, working time)")
        case .arrivalsJournal: .init(id: "kasus-kasus di jurnal", en: "the journal's cases")
        case .arrivalsLine: .init(id: "Kedatangan: {arrivals}, {from} sampai {to} (kalender {calendar})", en: "Arrivals: {arrivals}, {from} to {to} (calendar {calendar})")
        case .staffLine: .init(id: "Staf: {staff}", en: "Staff: {staff}")
        case .durationsStandard: .init(id: "Lama langkah: diambil dari mutu baku", en: "Durations: drawn from the mutu baku")
        case .durationsJournal: .init(id: "Lama langkah: waktu nyata di jurnal", en: "Durations: the journal's times")
        case .spreadLine: .init(id: "Waktu total {total} dibagi ke {n} langkah yang tidak bermutu baku sendiri ({steps}): tiap kali dijalankan, masing-masing {share}% dari total",
                                en: "Total time {total} spread over {n} steps without a mutu baku of their own ({steps}): each run takes {share}% of the total")
        case .decisionLine: .init(id: "Keputusan {step}: {parts}{source}", en: "Decision {step}: {parts}{source}")
        case .shareAssumed: .init(id: " (dianggap; berikan --share)", en: " (assumed; give --share)")
        case .shareGiven: .init(id: " (diberikan)", en: " (given)")
        case .shareJournal: .init(id: " (dari jurnal)", en: " (journal)")
        case .unstable: .init(id: "Tidak stabil: {role} ({name}) memerlukan {load} dari waktu kerja {people}: antrean tumbuh tanpa batas (setiap putaran berhenti di batas waktunya). Tambah staf (--staff {role}={more}) atau kurangi kedatangan.",
                              en: "Unstable: {role} ({name}) would need {load} of the working time of {people}: the queue grows without bound (each run stops at its horizon). Give more staff (--staff {role}={more}) or fewer arrivals.")
        case .onePerson: .init(id: "1 orang", en: "1 person")
        case .people: .init(id: "{n} orang", en: "{n} people")
        case .stepsHeading: .init(id: "Langkah (bagian tepat waktu; antre menunggu orang, waktu kerja)", en: "Steps (share on time; waiting for a person, working time)")
        case .colStep: .init(id: "langkah", en: "step")
        case .colOnTime: .init(id: "tepat waktu", en: "on time")
        case .colJournal: .init(id: "jurnal", en: "journal")
        case .colWaitP50: .init(id: "antre p50", en: "wait p50")
        case .colWaitP90: .init(id: "antre p90", en: "wait p90")
        case .colStandard: .init(id: "waktu baku", en: "standard")
        case .backtest: .init(id: "  Uji balik terhadap jurnal (yang diukur sop report): galat rata-rata {mean} atas {steps} langkah, terbesar {worst} di '{step}'.",
                              en: "  Backtest against the journal (what sop report measured): mean error {mean} over {steps} steps, largest {worst} at '{step}'.")
        case .points: .init(id: "{n} poin", en: "{n} points")
        case .rolesHeading: .init(id: "Peran (utilisasi: bagian waktu kerja staf yang terpakai dalam periode)", en: "Roles (utilisation: busy share of the staff's working time in the period)")
        case .colRole: .init(id: "peran", en: "role")
        case .colStaff: .init(id: "staf", en: "staff")
        case .colUtilisation: .init(id: "utilisasi", en: "utilisation")
        case .noLimit: .init(id: "tanpa batas", en: "no limit")
        case .assumedStaff: .init(id: "  * tidak diberikan: dianggap satu orang (--staff PERAN=N)", en: "  * not given: one person assumed (--staff ROLE=N)")
        case .casesHeading: .init(id: "Kasus", en: "Cases")
        case .arrivedPerRun: .init(id: "  datang per putaran    {mean} ({low}-{high})", en: "  arrived per run       {mean} ({low}-{high})")
        case .endedInTime: .init(id: "  selesai tepat waktu   {share}{jangka}", en: "  ended in time         {share}{jangka}")
        case .ofJangka: .init(id: " dari jangka waktu {value}", en: " of jangka waktu {value}")
        case .leadTime: .init(id: "  lama penyelesaian     p50 {p50}, p90 {p90}, terlama {worst}", en: "  lead time             p50 {p50}, p90 {p90}, worst {worst}")
        case .completedExited: .init(id: "  selesai / berhenti    {completed} / {exited} per putaran", en: "  completed / exited    {completed} / {exited} per run")
        case .unfinished: .init(id: ", {n} belum selesai", en: ", {n} unfinished")
        case .bottleneck: .init(id: "Hambatan: {role} ({name}), sibuk {busy} dari waktu kerja; antre p90 {wait}", en: "Bottleneck: {role} ({name}), busy {busy} of working time; p90 wait {wait}")
        case .horizonWarning: .init(id: "Peringatan: {n} dari {runs} putaran berhenti di batas waktu simulasi dengan kasus masih berjalan.",
                                    en: "Warning: {n} of {runs} runs stopped at the horizon with cases still open.")
        case .intervals: .init(id: "Rentang: persentil ke-5 sampai ke-95 atas {runs} putaran; hr = hari kerja 7,5 jam.", en: "Intervals: 5th to 95th percentile over {runs} runs; d = working day of 7.5 h.")
        case .comparisonHeading: .init(id: "Perbandingan dengan deret acak yang sama", en: "Comparison on the same random streams")
        case .baseLine: .init(id: "  dasar:   {name}", en: "  base:    {name}")
        case .revisedLine: .init(id: "  revisi:  {name}", en: "  revised: {name}")
        case .base: .init(id: "dasar", en: "base")
        case .revised: .init(id: "revisi", en: "revised")
        case .stepsCompare: .init(id: "Langkah: bagian tepat waktu, dan antre p90 (waktu kerja)", en: "Steps: share on time, and p90 wait (working time)")
        case .colChange: .init(id: "beda", en: "change")
        case .colP90Base: .init(id: "p90 dasar", en: "p90 base")
        case .rolesCompare: .init(id: "Peran: utilisasi, dan antre p90", en: "Roles: utilisation, and p90 wait")
        case .cmpEnded: .init(id: "  tepat waktu     {a} -> {b} ({change})", en: "  ended in time   {a} -> {b} ({change})")
        case .cmpLeadP50: .init(id: "  lama p50        {a} -> {b}", en: "  lead time p50   {a} -> {b}")
        case .cmpLeadP90: .init(id: "  lama p90        {a} -> {b}", en: "  lead time p90   {a} -> {b}")
        case .cmpBottleneck: .init(id: "  hambatan        {a} -> {b}", en: "  bottleneck      {a} -> {b}")
        case .cmpMeans: .init(id: "Rata-rata atas {runs} putaran masing-masing; beda dalam poin persentase.", en: "Means over {runs} runs each; change in percentage points.")
        case .minutes: .init(id: "{n} mnt", en: "{n} min")
        case .hours: .init(id: "{n} jam", en: "{n} h")
        case .days: .init(id: "{n} hr", en: "{n} d")
        case .calendarDays: .init(id: "{n} hari", en: "{n} days")
        case .calendarHours: .init(id: "{n} jam", en: "{n} hours")
        }
    }
}
