/// What is wrong inside one waktu text (shown after `waktu '...':`, code SOP401/SOP403 of the
/// diagnostic around it).
public enum WaktuTextMessages: String, MessageGroup {
    case notATime, missingAfterBound, boundWithRange, missingRangeEnd, bareNumber, bareRange, highNoUnit, rangeBackwards, missingTime, unclosedParen, expectedTime, missingNumber, remarkIgnored, unexpectedAfter, endsWithUnit, negative, invalidNumber, notWords, tooLarge, wordsDisagree, digitsDisagree, unknownUnitList, unknownUnit, numberNoUnit, unitTwice, timesRange, perOneUnit, missingUnitAfter, notFrequency, missingPeriod

    public var code: String? {
        switch self {
        case .remarkIgnored, .wordsDisagree, .digitsDisagree, .unitTwice: "SOP403"
        default: "SOP401"
        }
    }

    public var texts: MessageTexts {
        switch self {
        case .notATime: .init(id: "'{text}' bukan waktu; tulis '0' untuk langkah yang tidak memakan waktu, atau waktu seperti '15 menit'", en: "'{text}' is not a time; write '0' for a step that takes no time, or a time such as '15 menit'")
        case .missingAfterBound: .init(id: "Waktu tidak ada setelah '{bound}'; tulis misalnya '{bound} 14 hari'", en: "missing time after '{bound}'; write e.g. '{bound} 14 hari'")
        case .boundWithRange: .init(id: "'{text}' setelah '{bound}': batas hanya memuat satu waktu, bukan rentang; tulis misalnya '{bound} 5 hari' atau '3 s/d 5 hari'", en: "'{text}' after '{bound}': a bound takes one time, not a range; write e.g. '{bound} 5 hari' or '3 s/d 5 hari'")
        case .missingRangeEnd: .init(id: "Ujung rentang tidak ada setelah '{connector}'; tulis misalnya '3 s/d 5 hari'", en: "missing end of range after '{connector}'; write e.g. '3 s/d 5 hari'")
        case .bareNumber: .init(id: "Angka '{number}' tanpa satuan; tulis misalnya '{number} menit' atau tetapkan satuan bawaan SOP", en: "bare number '{number}' has no unit; write e.g. '{number} menit' or set the SOP's default unit")
        case .bareRange: .init(id: "Rentang '{range}' tanpa satuan; tulis misalnya '{range} menit' atau tetapkan satuan bawaan SOP", en: "bare range '{range}' has no unit; write e.g. '{range} menit' or set the SOP's default unit")
        case .highNoUnit: .init(id: "Angka '{number}' tanpa satuan; tulis misalnya '{number} {unit}'", en: "number '{number}' has no unit; write e.g. '{number} {unit}'")
        case .rangeBackwards: .init(id: "Rentang terbalik: '{low}' lebih lama dari '{high}'; tulis waktu yang lebih pendek lebih dulu, misalnya '{high} s/d {low}'", en: "range runs backwards: '{low}' is longer than '{high}'; write the shorter time first, e.g. '{high} s/d {low}'")
        case .missingTime: .init(id: "Waktu tidak ada; tulis misalnya '15 menit'", en: "missing time; write e.g. '15 menit'")
        case .unclosedParen: .init(id: "'(' tidak pernah ditutup; tambahkan ')'", en: "'(' is never closed; add ')'")
        case .expectedTime: .init(id: "Seharusnya waktu seperti '15 menit', tertulis '{text}'{hint}", en: "expected a time such as '15 menit', found '{text}'{hint}")
        case .missingNumber: .init(id: "Angka tidak ada sebelum '{text}'; tulis misalnya '1 {text}'", en: "missing number before '{text}'; write e.g. '1 {text}'")
        case .remarkIgnored: .init(id: "Catatan '{text}' bukan bagian dari waktu dan diabaikan; tulis catatan di keterangan", en: "remark '{text}' is not part of the time and is ignored; put remarks in keterangan")
        case .unexpectedAfter: .init(id: "'{text}' tidak diharapkan setelah '{before}'{more}", en: "unexpected '{text}' after '{before}'{more}")
        case .endsWithUnit: .init(id: "; waktu diakhiri satuannya, atau dilanjutkan dengan catatan yang diawali 'setelah', 'terhitung', 'sejak' atau 'jika' (catatan lain masuk ke keterangan)", en: "; a Waktu ends with its unit, or goes on with a remark starting 'setelah', 'terhitung', 'sejak' or 'jika' (other remarks belong in keterangan)")
        case .negative: .init(id: "Angka negatif '-{text}'; waktu tidak boleh negatif", en: "negative number '-{text}'; a time can't be negative")
        case .invalidNumber: .init(id: "Angka tidak sah: '{text}' bukan angka yang dapat dipakai; tulis angka seperti '15' atau '1,5'", en: "invalid number: '{text}' is not a usable number; write digits such as '15' or '1,5'")
        case .notWords: .init(id: "'{text}' bukan bilangan dalam huruf; tulis angka seperti '15'", en: "'{text}' is not a number in words; write digits such as '15'")
        case .tooLarge: .init(id: "Angka '{number}' terlalu besar; waktu paling banyak 1.000.000 satuan", en: "number '{number}' is too large; a Waktu is at most 1000000 of a unit")
        case .wordsDisagree: .init(id: "Bilangan dalam huruf '{words}' bernilai {spelled}, tetapi angkanya {number}; samakan keduanya", en: "the number in words '{words}' is {spelled} but the digits say {number}; make them agree")
        case .digitsDisagree: .init(id: "Angka '{digits}' bernilai {spelled}, tetapi bilangan dalam huruf '{number}' bernilai {value}; samakan keduanya", en: "the digits '{digits}' say {spelled} but the number in words '{number}' is {value}; make them agree")
        case .unknownUnitList: .init(id: "Satuan '{unit}' tidak dikenal; gunakan menit, jam, hari, hari kerja (HK), hari kalender, minggu, bulan atau tahun", en: "unknown unit '{unit}'; use menit, jam, hari, hari kerja (HK), hari kalender, minggu, bulan or tahun")
        case .unknownUnit: .init(id: "Satuan '{unit}' tidak dikenal{hint}", en: "unknown unit '{unit}'{hint}")
        case .numberNoUnit: .init(id: "Angka '{number}' tanpa satuan; tulis misalnya '{number} menit'", en: "number '{number}' has no unit; write e.g. '{number} menit'")
        case .unitTwice: .init(id: "Satuan '{unit}' muncul dua kali dalam '{text}'; jumlahnya ditambahkan; tulis setiap satuan sekali", en: "unit '{unit}' appears twice in '{text}'; the amounts are added; write each unit once")
        case .timesRange: .init(id: "Banyaknya kali harus bilangan bulat dari 1 sampai 1.000, tertulis '{text}'", en: "number of times must be a whole number from 1 to 1000, found '{text}'")
        case .perOneUnit: .init(id: "Frekuensi dihitung per satu satuan; tertulis '{number}' setelah '{text}'; tulis misalnya '{text} minggu' atau '2 kali sebulan'", en: "a frequency counts per one unit; found '{number}' after '{text}'; write e.g. '{text} minggu' or '2 kali sebulan'")
        case .missingUnitAfter: .init(id: "Satuan tidak ada setelah '{text}'; tulis misalnya '{text} bulan'", en: "missing unit after '{text}'; write e.g. '{text} bulan'")
        case .notFrequency: .init(id: "'{said} {text}' bukan frekuensi; tulis misalnya '{said} per {text}'", en: "'{said} {text}' is not a frequency; write e.g. '{said} per {text}'")
        case .missingPeriod: .init(id: "Periode tidak ada setelah '{said}'; tulis misalnya '{said} seminggu' atau '{said} per bulan'", en: "missing period after '{said}'; write e.g. '{said} seminggu' or '{said} per bulan'")
        }
    }
}
