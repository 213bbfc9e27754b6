/// Messages about working calendars (`SOP6xx`).
public enum CalendarMessages: String, MessageGroup {
    case endsTomorrow, skbYearSkipped, noTimezone, noWorkdays, noHolidays, offsetMismatch, workdayNoHours, yearsMissing, alreadyOff, coverageEnds, endedOn, endsOn, provisionalAfter, weekdaysOnly, addSKB, daysNotList, dayTwice, hoursNotMapping, dayAlreadyGiven, hoursNeedStartEnd, endsBeforeStart, breakEndsBeforeStart, breakOutside, breaksOverlap, otherBreak, breakShape, periodsNotList, periodNeedsStartEnd, periodBackwards, periodsOverlap, otherPeriod, weeklyHours, breakMinutesShape, breakMinutes, notWeekday, weekdays, schemaVersion, provisionalYears, holidaysNotList, holidayNoDate, holidayNoName, notHolidayKind, kinds, dateTwice, firstListedHere, notMapping, unknownKey, notScalar, invalidID, invalidDate, invalidClock, notNumber, unknownZone, indonesianZones, notOffset, invalidCalendarID, pinnedMissing, notFound, setCalendars, fileUnreadable, idMismatch, noID, extendsLoop, extendsTooLong, baseHasErrors, zoneConflict, whereFile, whereWeekday, whereHoursOf, whereBreakStart, whereBreakEnd, wherePeriod, whereHoliday, workweekHours, ramadanHours

    public var code: String? {
        switch self {
        case .noTimezone: "SOP601"
        case .noWorkdays: "SOP601"
        case .noHolidays: "SOP601"
        case .offsetMismatch: "SOP608"
        case .workdayNoHours: "SOP601"
        case .skbYearSkipped: "SOP601"
        case .yearsMissing: "SOP609"
        case .alreadyOff: "SOP607"
        case .coverageEnds: "SOP610"
        case .daysNotList: "SOP601"
        case .dayTwice: "SOP603"
        case .hoursNotMapping: "SOP601"
        case .dayAlreadyGiven: "SOP603"
        case .hoursNeedStartEnd: "SOP601"
        case .endsBeforeStart: "SOP604"
        case .breakEndsBeforeStart: "SOP604"
        case .breakOutside: "SOP605"
        case .breaksOverlap: "SOP605"
        case .breakShape: "SOP601"
        case .periodsNotList: "SOP601"
        case .periodNeedsStartEnd: "SOP601"
        case .periodBackwards: "SOP604"
        case .periodsOverlap: "SOP607"
        case .weeklyHours: "SOP609"
        case .breakMinutesShape: "SOP601"
        case .breakMinutes: "SOP609"
        case .notWeekday: "SOP603"
        case .schemaVersion: "SOP601"
        case .provisionalYears: "SOP601"
        case .holidaysNotList: "SOP601"
        case .holidayNoDate: "SOP601"
        case .holidayNoName: "SOP601"
        case .notHolidayKind: "SOP601"
        case .dateTwice: "SOP607"
        case .notMapping: "SOP601"
        case .unknownKey: "SOP601"
        case .notScalar: "SOP601"
        case .invalidID: "SOP601"
        case .invalidDate: "SOP602"
        case .invalidClock: "SOP602"
        case .notNumber: "SOP601"
        case .unknownZone: "SOP608"
        case .notOffset: "SOP608"
        case .invalidCalendarID: "SOP606"
        case .pinnedMissing: "SOP606"
        case .notFound: "SOP606"
        case .fileUnreadable: "SOP606"
        case .idMismatch: "SOP606"
        case .noID: "SOP601"
        case .extendsLoop: "SOP606"
        case .extendsTooLong: "SOP606"
        case .baseHasErrors: "SOP606"
        case .zoneConflict: "SOP611"
        default: nil
        }
    }

    public var texts: MessageTexts {
        switch self {
        case .skbYearSkipped: .init(id: "Kalender ini memuat libur nasional atau cuti bersama untuk {last} tetapi tidak untuk {missing}; tambahkan SKB tahun {missing} lebih dahulu ('{base}' ditetapkan sampai {through})",
                                    en: "the calendar lists libur nasional or cuti bersama for {last} but none for {missing}; add the SKB of {missing} first ('{base}' is decreed through {through})")
        case .noTimezone: .init(id: "Kalender tidak memuat 'timezone'; tambahkan misalnya timezone: Asia/Jakarta", en: "the calendar has no 'timezone'; add e.g. timezone: Asia/Jakarta")
        case .noWorkdays: .init(id: "Kalender tidak memuat 'workweek.days'; tambahkan misalnya days: [mon, tue, wed, thu, fri]", en: "the calendar has no 'workweek.days'; add e.g. days: [mon, tue, wed, thu, fri]")
        case .noHolidays: .init(id: "Kalender tidak memuat 'holidays'; kalender tanpa 'extends' memerlukan hari libur nasionalnya", en: "the calendar lists no 'holidays'; a calendar without 'extends' needs its national days off")
        case .offsetMismatch: .init(id: "utc_offset tidak sesuai dengan zona waktu {zone}", en: "utc_offset does not match the time zone {zone}")
        case .workdayNoHours: .init(id: "'{day}' adalah hari kerja, tetapi 'workweek.hours' tidak memuat jamnya", en: "'{day}' is a working day but 'workweek.hours' gives no hours for it")
        case .yearsMissing: .init(id: "Hari libur mencakup {first}-{last}, tetapi tidak memuat apa pun untuk {missing}", en: "the holidays cover {first}-{last} but list nothing for {missing}")
        case .alreadyOff: .init(id: "{date} sudah menjadi hari libur di '{base}' ({name})", en: "{date} is already a day off in '{base}' ({name})")
        case .coverageEnds: .init(id: "Hari libur yang ditetapkan pada kalender kerja '{calendar}' {when}; batas waktu sesudahnya menghitung {after}", en: "the decreed days off of the working calendar '{calendar}' {when}; due times after that count {after}")
        case .endedOn: .init(id: "berakhir pada {date}", en: "ended on {date}")
        case .endsOn: .init(id: "berakhir pada {date}, {days} hari lagi", en: "end on {date}, {days} days from now")
        case .endsTomorrow: .init(id: "berakhir pada {date}, besok", en: "end on {date}, 1 day from now")
        case .provisionalAfter: .init(id: "hari libur sementara yang dihitung menurut aturan ({from}-{to})", en: "provisional holidays computed by rule ({from}-{to})")
        case .weekdaysOnly: .init(id: "hari kerja biasa saja", en: "weekdays only")
        case .addSKB: .init(id: "setelah SKB tahun {year} terbit, tambahkan tanggalnya ke salinan kalender di $SOP_CALENDARS, atau ke calendars/ di repositori lalu bangun ulang sop (calendars/README.md)", en: "when the SKB of {year} is published, add its dates to a copy of the calendar in $SOP_CALENDARS, or to calendars/ in the repository and rebuild sop (calendars/README.md)")
        case .daysNotList: .init(id: "'days' harus berupa daftar hari, misalnya [mon, tue, wed, thu, fri]", en: "'days' must be a list of weekdays, e.g. [mon, tue, wed, thu, fri]")
        case .dayTwice: .init(id: "'{day}' tercantum dua kali di 'days'", en: "'{day}' is listed twice in 'days'")
        case .hoursNotMapping: .init(id: "{What} harus berupa pemetaan hari ke {start, end, break}, bukan {kind}", en: "{what} must be a mapping of weekdays to {start, end, break}, not {kind}")
        case .dayAlreadyGiven: .init(id: "'{day}' menyebut hari yang sudah ada di {what}", en: "'{day}' names a weekday already given in {what}")
        case .hoursNeedStartEnd: .init(id: "Jam kerja '{day}' memerlukan 'start' dan 'end'", en: "the hours of '{day}' need 'start' and 'end'")
        case .endsBeforeStart: .init(id: "'{day}' berakhir pukul {end}, tetapi dimulai pukul {start}", en: "'{day}' ends at {end} but starts at {start}")
        case .breakEndsBeforeStart: .init(id: "Istirahat '{day}' berakhir pukul {end}, tetapi dimulai pukul {start}", en: "the break of '{day}' ends at {end} but starts at {start}")
        case .breakOutside: .init(id: "Istirahat '{day}' tidak berada dalam jam kerjanya", en: "the break of '{day}' is not inside its office hours")
        case .breaksOverlap: .init(id: "Dua istirahat '{day}' bertumpang tindih", en: "two breaks of '{day}' overlap")
        case .otherBreak: .init(id: "istirahat yang lain", en: "the other break")
        case .breakShape: .init(id: "'break' harus berupa pasangan jam, misalnya [\"12:00\", \"13:00\"], atau daftar pasangan seperti itu", en: "'break' must be a pair of clock times, e.g. [\"12:00\", \"13:00\"], or a list of such pairs")
        case .periodsNotList: .init(id: "'periods' harus berupa daftar {start, end}, bukan {kind}", en: "'periods' must be a list of {start, end}, not {kind}")
        case .periodNeedsStartEnd: .init(id: "Periode Ramadan memerlukan 'start' dan 'end'", en: "a Ramadan period needs 'start' and 'end'")
        case .periodBackwards: .init(id: "Periode Ramadan berakhir pada {end}, sebelum dimulai pada {start}", en: "the Ramadan period ends on {end}, before it starts on {start}")
        case .periodsOverlap: .init(id: "Periode Ramadan {start}...{end} bertumpang tindih dengan periode lain", en: "the Ramadan period {start}...{end} overlaps another")
        case .otherPeriod: .init(id: "periode yang lain", en: "the other period")
        case .weeklyHours: .init(id: "Jam {what} berjumlah {total} jam seminggu, bukan {stated}", en: "the {what} hours add up to {total} hours a week, not {stated}")
        case .breakMinutesShape: .init(id: "'break_minutes' harus berupa pemetaan hari ke menit", en: "'break_minutes' must be a mapping of weekdays to minutes")
        case .breakMinutes: .init(id: "Istirahat {what} pada '{day}' adalah {minutes} menit di 'hours', bukan {stated}", en: "the {what} break on '{day}' is {minutes} minutes in 'hours', not {stated}")
        case .notWeekday: .init(id: "'{day}' bukan nama hari{hint}", en: "'{day}' is not a weekday{hint}")
        case .weekdays: .init(id: "nama hari: mon tue wed thu fri sat sun (atau senin ... minggu)", en: "weekdays: mon tue wed thu fri sat sun (or senin ... minggu)")
        case .schemaVersion: .init(id: "schema_version {version} tidak didukung; versi sop ini membaca schema_version 1", en: "schema_version {version} is not supported; this version of sop reads schema_version 1")
        case .provisionalYears: .init(id: "provisional_years harus bilangan bulat tahun dari 0 sampai 50, bukan '{value}'", en: "provisional_years must be a whole number of years from 0 to 50, not '{value}'")
        case .holidaysNotList: .init(id: "'holidays' harus berupa daftar {date, name, kind}, bukan {kind}", en: "'holidays' must be a list of {date, name, kind}, not {kind}")
        case .holidayNoDate: .init(id: "Hari libur tidak memuat 'date'; tulis {date: 2025-01-01, name: ..., kind: ...}", en: "a holiday has no 'date'; write {date: 2025-01-01, name: ..., kind: ...}")
        case .holidayNoName: .init(id: "Hari libur pada {date} tidak memuat 'name'", en: "the holiday on {date} has no 'name'")
        case .notHolidayKind: .init(id: "'{value}' bukan jenis hari libur{hint}", en: "'{value}' is not a kind of day off{hint}")
        case .kinds: .init(id: "jenis: {kinds}", en: "kinds: {kinds}")
        case .dateTwice: .init(id: "{date} tercantum dua kali", en: "{date} is listed twice")
        case .firstListedHere: .init(id: "pertama kali dicantumkan di sini", en: "first listed here")
        case .notMapping: .init(id: "{What} harus berupa pemetaan (kunci: nilai), bukan {kind}", en: "{what} must be a mapping (key: value), not {kind}")
        case .unknownKey: .init(id: "Kunci '{key}' tidak dikenal di {what}{hint}", en: "unknown key '{key}' in {what}{hint}")
        case .notScalar: .init(id: "{What} harus satu nilai, bukan {kind}", en: "{what} must be a single value, not {kind}")
        case .invalidID: .init(id: "'{value}' bukan id kalender yang sah untuk {what}; gunakan huruf kecil, angka, '-' dan '_'", en: "'{value}' is not a valid calendar id for {what}; use lower-case letters, digits, '-' and '_'")
        case .invalidDate: .init(id: "'{value}' bukan tanggal yang sah untuk {what}; tulis TTTT-BB-HH, misalnya 2025-03-31", en: "'{value}' is not a valid date for {what}; write YYYY-MM-DD, e.g. 2025-03-31")
        case .invalidClock: .init(id: "'{value}' bukan jam untuk {what}; tulis JJ:MM, misalnya \"07:30\"", en: "'{value}' is not a clock time for {what}; write HH:MM, e.g. \"07:30\"")
        case .notNumber: .init(id: "{What} harus berupa angka, bukan '{value}'", en: "{what} must be a number, not '{value}'")
        case .unknownZone: .init(id: "'{zone}' bukan zona waktu yang dikenal{hint}", en: "'{zone}' is not a known time zone{hint}")
        case .indonesianZones: .init(id: "Indonesia: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)", en: "Indonesia: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)")
        case .notOffset: .init(id: "'{value}' bukan selisih UTC; tulis +JJ:MM, misalnya \"+07:00\"", en: "'{value}' is not a UTC offset; write +HH:MM, e.g. \"+07:00\"")
        case .invalidCalendarID: .init(id: "'{id}' bukan id kalender yang sah; gunakan huruf kecil, angka, '-' dan '_'", en: "'{id}' is not a valid calendar id; use lower-case letters, digits, '-' and '_'")
        case .pinnedMissing: .init(id: "Revisi kalender yang disematkan tidak memuat berkas untuk '{id}'", en: "the pinned calendar revision holds no file for '{id}'")
        case .notFound: .init(id: "Kalender '{id}' tidak ditemukan (dicari {id}.yaml di {folders}, ...)", en: "no calendar '{id}' found (looked for {id}.yaml in {folders}, ...)")
        case .setCalendars: .init(id: "isi SOP_CALENDARS dengan folder yang memuat berkas kalender", en: "set SOP_CALENDARS to the folder holding the calendar files")
        case .fileUnreadable: .init(id: "Berkas kalender '{path}' {reason}", en: "the calendar file '{path}' {reason}")
        case .idMismatch: .init(id: "Berkas {path} ber-id '{found}', bukan '{id}'; nama berkas dan id harus sama", en: "the file {path} has id '{found}', not '{id}'; the file name and the id must match")
        case .noID: .init(id: "Kalender tidak memuat 'id'; tambahkan misalnya id: dinsos-tanjungpinang", en: "the calendar has no 'id'; add e.g. id: dinsos-tanjungpinang")
        case .extendsLoop: .init(id: "'extends: {base}' membentuk lingkaran ({chain})", en: "'extends: {base}' makes a loop ({chain})")
        case .extendsTooLong: .init(id: "'extends' merangkai lebih dari {limit} kalender", en: "'extends' chains more than {limit} calendars")
        case .baseHasErrors: .init(id: "Kalender '{base}' yang disebut 'extends' memuat kesalahan", en: "the calendar '{base}' named by 'extends' has errors")
        case .zoneConflict: .init(id: "SOP '{sop}' menyebut zona {zone}, tetapi kalender kantornya '{calendar}' berada di {calendarZone}; samakan keduanya (hapus salah satu, atau perbaiki)", en: "the SOP '{sop}' says zona {zone} but its office calendar '{calendar}' is in {calendarZone}; make them agree (remove one of them, or correct it)")
        case .whereFile: .init(id: "berkas kalender", en: "a calendar file")
        case .whereWeekday: .init(id: "nama hari di 'days'", en: "a weekday in 'days'")
        case .whereHoursOf: .init(id: "jam kerja '{day}'", en: "the hours of '{day}'")
        case .whereBreakStart: .init(id: "awal istirahat", en: "a break start")
        case .whereBreakEnd: .init(id: "akhir istirahat", en: "a break end")
        case .wherePeriod: .init(id: "periode Ramadan", en: "a Ramadan period")
        case .whereHoliday: .init(id: "hari libur", en: "a holiday")
        case .workweekHours: .init(id: "minggu kerja", en: "workweek")
        case .ramadanHours: .init(id: "Ramadan", en: "Ramadan")
        }
    }
}
