/// Messages about waktu, dates and identity numbers (`SOP4xx`).
public enum WaktuMessages: String, MessageGroup {
    case inWaktu, empty, officeHours, invalidDate, periodIsFrequency, waktuIsFrequency, everyNotInterval
    case badMonthDate, badCutoffClock, cutoffSides, cutoffDisagree, twoDeadlines
    case revisionBeforeMade, effectiveBeforeMade, nipLength, unknownZone, totalFitsNoPath

    public var code: String? {
        switch self {
        case .inWaktu, .empty, .badMonthDate, .badCutoffClock, .cutoffSides, .cutoffDisagree: "SOP401"
        case .twoDeadlines: "SOP420"
        case .invalidDate: "SOP402"
        case .periodIsFrequency, .waktuIsFrequency, .everyNotInterval: "SOP404"
        case .revisionBeforeMade, .effectiveBeforeMade: "SOP405"
        case .nipLength: "SOP406"
        case .unknownZone: "SOP407"
        case .officeHours: "SOP408"
        case .totalFitsNoPath: "SOP409"
        }
    }

    public var texts: MessageTexts {
        switch self {
        case .badMonthDate: .init(id: "'{day}' bukan tanggal dalam bulan; tulis tanggal 1 sampai 31, misalnya 'Tgl 19 setiap bulan'",
                                  en: "'{day}' is not a date of the month; write a date from 1 to 31, e.g. 'Tgl 19 setiap bulan'")
        case .badCutoffClock: .init(id: "'{clock}' bukan jam yang sah; tulis misalnya 'pukul 13.00'", en: "'{clock}' is not a time of day; write e.g. 'pukul 13.00'")
        case .cutoffSides: .init(id: "batas jam menyebut kapan pekerjaan selesai di tiap sisi jam itu: 'selesai hari itu' atau 'selesai hari kerja berikutnya' (tertulis '{before}' dan '{after}')",
                                 en: "a cut-off says when work is finished on each side of the hour: 'selesai hari itu' or 'selesai hari kerja berikutnya' (found '{before}' and '{after}')")
        case .cutoffDisagree: .init(id: "batas jamnya pukul {first} (sebelum) dan pukul {second} (setelah); yang pertama dipakai, samakan keduanya",
                                    en: "the cut-off is pukul {first} before and pukul {second} after; the first is used, make them agree")
        case .twoDeadlines: .init(id: "Waktu ini memuat {count} tenggat ({clauses}); satu baris memuat satu waktu baku: pecah menjadi satu baris untuk setiap tenggat",
                                  en: "this Waktu gives {count} deadlines ({clauses}); one row has one standard time: split it into one row per deadline")
        case .inWaktu: .init(id: "Waktu '{value}': {problem}", en: "waktu '{value}': {problem}")
        case .empty: .init(id: "Waktu kosong; tulis waktu seperti '15 menit', atau '0' untuk langkah yang tidak memakan waktu",
                           en: "empty Waktu; write a time such as '15 menit', or '0' for a step that takes no time")
        case .officeHours: .init(id: "'{written}' dihitung sebagai jam kerja: {duration} (satu hari kerja berisi 7,5 jam kerja), bukan {hours} jam terus-menerus; jika yang dimaksud {days} hari, tulis '{days} hari' (hari kerja) atau '{days} x 24 jam' (hari kalender)",
                                 en: "'{written}' is counted as office time: {duration} (a working day has 7.5 office hours), not {hours} hours around the clock; if {days} day(s) is meant, write '{days} hari' (working days) or '{days} x 24 jam' (calendar days)")
        case .invalidDate: .init(id: "'{value}' bukan tanggal yang sah untuk '{key}'; tulis TTTT-BB-HH, misalnya 2024-03-04",
                                 en: "'{value}' is not a valid date for '{key}'; write YYYY-MM-DD, e.g. 2024-03-04")
        case .periodIsFrequency: .init(id: "Jangka_waktu '{value}' adalah frekuensi, bukan jangka waktu; tulis misalnya '1 tahun'",
                                       en: "jangka_waktu '{value}' is a frequency, not a period; write e.g. '1 tahun'")
        case .waktuIsFrequency: .init(id: "Waktu '{value}' adalah frekuensi, bukan lama pelaksanaan; tulis waktu untuk satu kali pelaksanaan dan taruh pengulangannya di 'berulang'",
                                      en: "waktu '{value}' is a frequency, not a duration; give the time one occurrence takes and put the repetition in 'berulang'")
        case .everyNotInterval: .init(id: "'setiap' harus berupa selang waktu seperti '1 bulan', bukan '{value}'",
                                      en: "'setiap' must be an interval such as '1 bulan', not '{value}'")
        case .revisionBeforeMade: .init(id: "Tanggal revisi {revised} lebih awal dari tanggal pembuatan {made}", en: "tanggal revisi {revised} is before tanggal pembuatan {made}")
        case .effectiveBeforeMade: .init(id: "Tanggal efektif {effective} lebih awal dari tanggal pembuatan {made}", en: "tanggal efektif {effective} is before tanggal pembuatan {made}")
        case .nipLength: .init(id: "NIP '{nip}' tidak 18 digit; periksa dengan SK penandatangan", en: "NIP '{nip}' is not 18 digits; check it against the signer's SK")
        case .unknownZone: .init(id: "Zona waktu '{zone}' tidak dikenal; tulis WIB, WITA, WIT atau nama IANA seperti Asia/Jakarta",
                                 en: "unknown time zone '{zone}'; write WIB, WITA, WIT or an IANA name such as Asia/Jakarta")
        case .totalFitsNoPath: .init(id: "Waktu.total '{total}' tidak sesuai dengan jalur mana pun: jumlah waktu baku langkah-langkahnya {sums}",
                                     en: "waktu.total '{total}' fits no path through the steps: their standard times add up to {sums}")
        }
    }
}
