/// The refusals of `sop simulate`'s input (printed `sop: OPTION: message`, exit 64) and the line
/// of a simulated case the engine refused. The option named stays as typed (`--staff`, `--share`).
public enum SimulationInputMessages: String, MessageGroup {
    case staffNotRoleN, staffCount, shareNotSpec, shareRange, neverLeavesLoop
    case rateNotRate, rateNotNumber, rateNotPeriod, rateZero, rateTooHigh
    case periodBackwards, runsRange, noWorkingDays, noSteps, notPerformer, performsNoStep, zeroStaff
    case notStep, notDecision, notOutcome, givenTwice, sharesNotOne, sharesOverOne, ruleCannotTake
    case journalDurations, noJournalArrivals, tooManyCases, engineRefused, compiledDisagrees

    public var texts: MessageTexts {
        switch self {
        case .staffNotRoleN: .init(id: "'{text}' bukan PERAN=N, misalnya peksos=2", en: "'{text}' is not ROLE=N, e.g. peksos=2")
        case .staffCount: .init(id: "'{text}': N harus bilangan bulat jumlah orang dari 0 sampai 10000, misalnya peksos=2",
                                en: "'{text}': N must be a whole number of people from 0 to 10000, e.g. peksos=2")
        case .shareNotSpec: .init(id: "'{text}' bukan LANGKAH=HASIL:P, misalnya penjangkauan=Ya:0.4", en: "'{text}' is not STEP=OUTCOME:P, e.g. penjangkauan=Ya:0.4")
        case .shareRange: .init(id: "'{text}': bagian harus angka dari 0 sampai 1 (atau 0% sampai 100%)",
                                en: "'{text}': the share must be a number from 0 to 1 (or 0% to 100%)")
        case .neverLeavesLoop: .init(id: "dengan bagian ini kasus tidak pernah keluar dari perulangan melalui {steps}; beri jalan keluarnya bagian di atas 0",
                                     en: "with these shares a case never leaves the loop through {steps}; give the way out a share above 0")
        case .rateNotRate: .init(id: "'{text}' bukan laju; tulis N/bulan (atau /hari, /minggu, /tahun), misalnya 40/bulan",
                                 en: "'{text}' is not a rate; write N/bulan (or /hari, /minggu, /tahun), e.g. 40/bulan")
        case .rateNotNumber: .init(id: "'{value}' dalam '{text}' bukan jumlah kasus", en: "'{value}' in '{text}' is not a number of cases")
        case .rateNotPeriod: .init(id: "'{value}' dalam '{text}' bukan periode; tulis hari, minggu, bulan atau tahun",
                                   en: "'{value}' in '{text}' is not a period; write hari, minggu, bulan or tahun")
        case .rateZero: .init(id: "laju {value} kasus per {period} tidak menyimulasikan apa pun; berikan laju di atas nol",
                              en: "a rate of {value} cases per {period} simulates nothing; give a rate above zero")
        case .rateTooHigh: .init(id: "{value} kasus per {period} melebihi batas simulator (paling banyak 1000000 per periode)",
                                 en: "{value} cases per {period} is more than the simulator takes (at most 1000000 per period)")
        case .periodBackwards: .init(id: "periode harus berakhir sesudah dimulai (--from {from}, --to {to})", en: "the period must end after it starts (--from {from}, --to {to})")
        case .runsRange: .init(id: "{runs} putaran: berikan 1 sampai 10000", en: "{runs} runs: give 1 to 10000")
        case .noWorkingDays: .init(id: "periode {from} sampai {to} tidak memuat hari kerja pada kalender '{calendar}'; tidak ada kasus yang dapat datang",
                                   en: "the period {from} to {to} has no working days on the calendar '{calendar}'; no case can arrive")
        case .noSteps: .init(id: "SOP tidak memuat langkah", en: "the SOP has no steps")
        case .notPerformer: .init(id: "'{name}' bukan pelaksana {sop} (pelaksana: {performers}){hint}",
                                  en: "'{name}' is not a performer of {sop} (performers: {performers}){hint}")
        case .performsNoStep: .init(id: "{role} ({name}) tidak melaksanakan langkah apa pun di {sop}; hapus --staff {given}",
                                    en: "{role} ({name}) performs no step of {sop}; leave --staff {given} out")
        case .zeroStaff: .init(id: "{role}=0 padahal langkah '{step}' memerlukan {name}; berikan paling sedikit satu orang",
                               en: "{role}=0 but step '{step}' needs the {name}; give at least one person")
        case .notStep: .init(id: "'{step}' bukan langkah {sop} (keputusan: {decisions}){hint}", en: "'{step}' is not a step of {sop} (decisions: {decisions}){hint}")
        case .notDecision: .init(id: "langkah '{step}' bukan keputusan; tidak ada hasil yang dapat dibagi", en: "step '{step}' is not a decision; it has no outcomes to share")
        case .notOutcome: .init(id: "'{outcome}' bukan hasil '{step}' (hasil: {outcomes})", en: "'{outcome}' is not an outcome of '{step}' (outcomes: {outcomes})")
        case .givenTwice: .init(id: "'{share}' diberikan dua kali", en: "'{share}' is given twice")
        case .sharesNotOne: .init(id: "bagian '{step}' ({shares}) berjumlah {total}, bukan 1", en: "the shares of '{step}' ({shares}) add up to {total}, not 1")
        case .sharesOverOne: .init(id: "bagian '{step}' ({shares}) berjumlah {total}, lebih dari 1", en: "the shares of '{step}' ({shares}) add up to {total}, more than 1")
        case .ruleCannotTake: .init(id: "tidak ada data kasus yang membuat aturan '{step}' menghasilkan '{outcome}'; berikan bagian 0",
                                    en: "no case data makes the rules of '{step}' take '{outcome}'; give it a share of 0")
        case .journalDurations: .init(id: "lama langkah dari jurnal memerlukan jurnal; berikan --journal atau biarkan --durations standard",
                                      en: "journal durations need the journal; give --journal or leave --durations standard")
        case .noJournalArrivals: .init(id: "jurnal tidak memuat kasus {sop} yang dibuka dari {from} sampai {to}",
                                       en: "the journal has no case of {sop} opened from {from} to {to}")
        case .tooManyCases: .init(id: "{rate} dari {from} sampai {to} berarti sekitar {n} kasus per putaran, melebihi batas simulator ({max}); turunkan laju atau perpendek periode",
                                  en: "{rate} from {from} to {to} is about {n} cases per run, more than the simulator takes ({max}); lower the rate or shorten the period")
        case .engineRefused: .init(id: "kasus simulasi {case}: mesin menolak: {reason}", en: "simulated case {case}: the engine refused: {reason}")
        case .compiledDisagrees: .init(id: "bentuk terkompilasi SOP menolak perintah yang diterima mesin; jalankan ulang dengan SOP yang sama dan laporkan",
                                       en: "the compiled form of the SOP refused a command the engine accepts; please report it with the SOP")
        }
    }
}
