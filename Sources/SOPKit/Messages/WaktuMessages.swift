/// Messages about waktu, dates and identity numbers (`SOP4xx`).
public enum WaktuMessages: String, MessageGroup {
    case inWaktu, empty, officeHours, invalidDate, periodIsFrequency, waktuIsFrequency, everyNotInterval
    case revisionBeforeMade, effectiveBeforeMade, nipLength, unknownZone, totalFitsNoPath

    public var code: String? {
        switch self {
        case .inWaktu, .empty: "SOP401"
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
