/// Messages about scenarios, case data files and `sop test` expectations (`SOP7xx`).
public enum ScenarioMessages: String, MessageGroup {
    case dataFileUnreadable, dataNotMapping, dataFieldNotScalar, whereDataFile, whereScenario, whereEntry, historyNotList, notForSession, sessionNeedsPada, actionOrSession, entryNeedsStep, notWholeNumber, sopNotFound, sopDoesNotLoad, calendarNotFound, otherSOP, notInstant, refused, expectedRefusal, shouldBeRefused, expectedPath, expectedOutcome, none, expectedOverdue, expectedTotal, expectedAttended, expectedMissed, itsDeadline, noDeadline, expectedPast, expectedWithin, expectedDocuments

    public var code: String? {
        switch self {
        case .dataFileUnreadable: "SOP700"
        case .dataNotMapping: "SOP203"
        case .dataFieldNotScalar: "SOP203"
        case .historyNotList: "SOP203"
        case .notForSession: "SOP702"
        case .sessionNeedsPada: "SOP702"
        case .actionOrSession: "SOP702"
        case .entryNeedsStep: "SOP702"
        case .notWholeNumber: "SOP203"
        case .sopNotFound: "SOP701"
        case .sopDoesNotLoad: "SOP701"
        case .calendarNotFound: "SOP701"
        case .otherSOP: "SOP701"
        case .notInstant: "SOP703"
        case .refused: "SOP704"
        case .shouldBeRefused: "SOP705"
        case .expectedPath: "SOP710"
        case .expectedOutcome: "SOP710"
        case .expectedOverdue: "SOP710"
        case .expectedTotal: "SOP710"
        case .expectedAttended: "SOP710"
        case .expectedMissed: "SOP710"
        case .expectedPast: "SOP710"
        case .expectedWithin: "SOP710"
        case .expectedDocuments: "SOP710"
        default: nil
        }
    }

    public var texts: MessageTexts {
        switch self {
        case .dataFileUnreadable: .init(id: "Berkas data '{path}' {reason}", en: "'{path}' {reason}")
        case .dataNotMapping: .init(id: "{What} harus berupa pemetaan data kasus (nama: nilai), bukan {kind}", en: "{what} must be a mapping of case fields (field: value), not {kind}")
        case .dataFieldNotScalar: .init(id: "Data kasus '{name}' harus satu nilai, bukan {kind}", en: "case field '{name}' must be a single value, not {kind}")
        case .whereDataFile: .init(id: "berkas data", en: "the data file")
        case .whereScenario: .init(id: "skenario", en: "the scenario")
        case .whereEntry: .init(id: "butir riwayat", en: "a riwayat entry")
        case .historyNotList: .init(id: "'riwayat' harus berupa daftar butir (langkah: ... atau sesi: ...), bukan {kind}", en: "'riwayat' must be a list of entries (langkah: ... or sesi: ...), not {kind}")
        case .notForSession: .init(id: "'{key}' tidak berlaku untuk butir sesi (sesi: {session})", en: "'{key}' does not apply to a session entry (sesi: {session})")
        case .sessionNeedsPada: .init(id: "Butir sesi memerlukan 'pada': kapan sesi diadakan", en: "a session entry needs 'pada': when the session was held")
        case .actionOrSession: .init(id: "Satu butir adalah tindakan (langkah) atau sesi (sesi), tidak keduanya", en: "an entry is either an action (langkah) or a session (sesi), not both")
        case .entryNeedsStep: .init(id: "Butir riwayat memerlukan 'langkah' (tindakan) atau 'sesi' (sesi)", en: "a riwayat entry needs 'langkah' (an action) or 'sesi' (a session)")
        case .notWholeNumber: .init(id: "'{key}' harus bilangan bulat, bukan '{value}'", en: "'{key}' must be a whole number, not '{value}'")
        case .sopNotFound: .init(id: "SOP '{sop}' tidak ditemukan di samping skenario (dicari {sop}.yaml)", en: "SOP '{sop}' not found beside the scenario (looked for {sop}.yaml)")
        case .sopDoesNotLoad: .init(id: "SOP skenario '{path}' tidak dapat dimuat; jalankan sop validate {path}", en: "the scenario's SOP '{path}' does not load; run sop validate {path}")
        case .calendarNotFound: .init(id: "Kalender kerja '{calendar}' pada SOP '{sop}' tidak ditemukan", en: "the working calendar '{calendar}' of SOP '{sop}' was not found")
        case .otherSOP: .init(id: "Skenario ini untuk SOP '{expected}', tetapi dijalankan pada '{actual}'", en: "the scenario is for SOP '{expected}' but is run against '{actual}'")
        case .notInstant: .init(id: "'{value}' bukan tanggal atau waktu; tulis misalnya 2025-01-06T08:00:00+07:00, 2025-01-06T08:00 atau 2025-01-06", en: "'{value}' is not a date or time; write e.g. 2025-01-06T08:00:00+07:00, 2025-01-06T08:00 or 2025-01-06")
        case .refused: .init(id: "Ditolak: {why}{hint}", en: "refused: {why}{hint}")
        case .expectedRefusal: .init(id: " (skenario mengharapkan penolakan yang cocok dengan '{expected}')", en: " (the scenario expected a refusal matching '{expected}')")
        case .shouldBeRefused: .init(id: "Butir ini seharusnya ditolak ({expected}), tetapi SOP mengizinkannya", en: "this entry should have been refused ({expected}) but the SOP allows it")
        case .expectedPath: .init(id: "Jalur yang diharapkan {expected}, tetapi kasus melalui {actual}", en: "expected path {expected} but the case took {actual}")
        case .expectedOutcome: .init(id: "Hasil yang diharapkan {expected}, tetapi kasus {actual}", en: "expected outcome {expected} but the case is {actual}")
        case .none: .init(id: "tidak ada", en: "none")
        case .expectedOverdue: .init(id: "Langkah terlambat yang diharapkan {expected}, tetapi yang terlambat {actual}", en: "expected overdue steps {expected} but overdue are {actual}")
        case .expectedTotal: .init(id: "Jumlah waktu kerja yang diharapkan {written} ({expected}), tetapi ternyata {actual}", en: "expected a total working time of {written} ({expected}) but it is {actual}")
        case .expectedAttended: .init(id: "Diharapkan {expected} sesi dihadiri, tetapi kasus menghadiri {actual}", en: "expected {expected} sessions attended but the case attended {actual}")
        case .expectedMissed: .init(id: "Diharapkan {expected} sesi terlewat, tetapi kasus melewatkan {actual}", en: "expected {expected} sessions missed but the case missed {actual}")
        case .itsDeadline: .init(id: "batas waktunya {deadline}", en: "its deadline {deadline}")
        case .noDeadline: .init(id: "tanpa batas waktu (SOP tidak memuat jangka_waktu)", en: "no deadline (the SOP has no jangka_waktu)")
        case .expectedPast: .init(id: "Kasus diharapkan melewati batas waktunya, tetapi tidak ({deadline})", en: "expected the case to be past its deadline but it is not ({deadline})")
        case .expectedWithin: .init(id: "Kasus diharapkan masih dalam batas waktunya, tetapi sudah melewati {deadline}", en: "expected the case to be within its deadline but it is past {deadline}")
        case .expectedDocuments: .init(id: "Kasus diharapkan memegang {documents}, tetapi tidak", en: "expected the case to hold {documents} but it does not")
        }
    }
}
