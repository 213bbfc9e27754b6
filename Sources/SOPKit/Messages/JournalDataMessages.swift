/// What is wrong with data stored in a journal (either back end), and the stored-data problems
/// of user accounts: the texts of ``JournalError`` `corrupt` and `storage` about contents.
public enum JournalDataMessages: String, MessageGroup {
    case definitionNoLongerLoads, definitionAltered, nothingRecorded, caseUnreadable, calendarNotFound, calendarNotFoundWhy,
         eventFormat, eventType, eventMalformed, eventNotJSON, calendarHashMismatch, calendarNoLongerBuilds, calendarNoLongerBuildsWhy,
         definitionNotStored, calendarNotStored, caseDefinitionMissing, caseEventGap, calendarZoneConflict,
         userExists, noUser, userNoDisabledFlag, columnMissing, columnNull, columnNotText, columnNotNumber, columnUnexpectedType,
         noCurrentSchema, caseCounterMissing, unknownStatus, unexpectedFailure, caseList

    public var texts: MessageTexts {
        switch self {
        case .definitionNoLongerLoads: .init(id: "definisi tersimpan {hash} tidak dapat dimuat lagi", en: "the stored definition {hash} no longer loads")
        case .definitionAltered: .init(id: "Revisi SOP tersimpan {hash} dari '{sop}' telah diubah: teksnya tidak lagi memiliki SHA-256 tempat ia disimpan, sehingga tidak dipakai; jalankan `sop journal verify` dan pulihkan jurnal dari cadangan",
                                       en: "the stored SOP revision {hash} of '{sop}' was altered: its text no longer has the SHA-256 it was stored under, so it is not used; run `sop journal verify` and restore the journal from a backup")
        case .nothingRecorded: .init(id: "Tidak ada yang dicatat", en: "nothing was recorded")
        case .caseUnreadable: .init(id: "kasus {case}: {why}", en: "case {case}: {why}")
        case .calendarNotFound: .init(id: "Kalender kerja '{calendar}' dari SOP '{sop}' tidak ditemukan", en: "the working calendar '{calendar}' of SOP '{sop}' was not found")
        case .calendarNotFoundWhy: .init(id: "Kalender kerja '{calendar}' dari SOP '{sop}' tidak ditemukan: {why}", en: "the working calendar '{calendar}' of SOP '{sop}' was not found: {why}")
        case .eventFormat: .init(id: "sebuah peristiwa berformat {format}; sop versi ini membaca format {supported}", en: "an event has format {format}; this version of sop reads format {supported}")
        case .eventType: .init(id: "sebuah peristiwa berjenis '{type}' yang tidak dikenal sop versi ini", en: "an event of type '{type}' is not a kind this version of sop knows")
        case .eventMalformed: .init(id: "sebuah peristiwa berjenis '{type}' cacat bentuknya: {payload}", en: "an event of type '{type}' is malformed: {payload}")
        case .eventNotJSON: .init(id: "isi sebuah peristiwa bukan JSON: {payload}", en: "an event payload is not JSON: {payload}")
        case .calendarHashMismatch: .init(id: "revisi kalender tersimpan {hash} tidak cocok dengan hash-nya", en: "the stored calendar revision {hash} does not match its hash")
        case .calendarNoLongerBuilds: .init(id: "revisi kalender tersimpan {hash} ({calendar}) tidak dapat disusun lagi", en: "the stored calendar revision {hash} ({calendar}) no longer builds")
        case .calendarNoLongerBuildsWhy: .init(id: "revisi kalender tersimpan {hash} ({calendar}) tidak dapat disusun lagi: {why}", en: "the stored calendar revision {hash} ({calendar}) no longer builds: {why}")
        case .definitionNotStored: .init(id: "definisi {hash} tidak tersimpan", en: "the definition {hash} is not stored")
        case .calendarNotStored: .init(id: "revisi kalender {hash} tidak tersimpan", en: "the calendar revision {hash} is not stored")
        case .caseDefinitionMissing: .init(id: "kasus {case} merujuk definisi yang tidak tersimpan", en: "case {case} refers to a definition that is not stored")
        case .caseEventGap: .init(id: "kasus {case} memiliki {events} peristiwa tetapi versi {version}, atau ada celah dalam urutannya",
                                  en: "case {case} has {events} events but version {version}, or a gap in its sequence")
        case .calendarZoneConflict: .init(id: "Zona waktu kalender '{calendar}' bertentangan dengan SOP '{sop}'", en: "the time zone of the calendar '{calendar}' contradicts SOP '{sop}'")
        case .userExists: .init(id: "Pengguna '{user}' sudah ada", en: "the user '{user}' exists already")
        case .noUser: .init(id: "Tidak ada pengguna '{user}'", en: "there is no user '{user}'")
        case .userNoDisabledFlag: .init(id: "sebuah baris pengguna tidak memiliki tanda nonaktif", en: "a user row has no disabled flag")
        case .columnMissing: .init(id: "sebuah hasil tidak memiliki kolom '{column}'", en: "a result has no column '{column}'")
        case .columnNull: .init(id: "kolom '{column}' kosong (NULL)", en: "the column '{column}' is empty (NULL)")
        case .columnNotText: .init(id: "kolom '{column}' tidak berisi teks", en: "the column '{column}' does not hold text")
        case .columnNotNumber: .init(id: "kolom '{column}' tidak berisi angka", en: "the column '{column}' does not hold a number")
        case .columnUnexpectedType: .init(id: "sebuah nilai tersimpan di kolom '{column}' berjenis tak terduga ({type})", en: "a stored value in column '{column}' has an unexpected type ({type})")
        case .noCurrentSchema: .init(id: "server tidak menyebutkan skema yang dipakai", en: "the server did not say which schema is in use")
        case .caseCounterMissing: .init(id: "penghitung nomor kasus tidak ada", en: "the case counter is missing")
        case .unexpectedFailure: .init(id: "kegagalan tak terduga berjenis {kind}", en: "an unexpected failure of kind {kind}")
        case .caseList: .init(id: "(daftar kasus)", en: "(the list of cases)")
        case .unknownStatus: .init(id: "sebuah kasus berstatus '{status}' yang tidak dikenal", en: "a case has the unknown status '{status}'")
        }
    }
}
