import Testing
@testable import SOPKit

/// A one-part duration, for writing expectations compactly.
private func d(_ amount: Double, _ unit: WaktuUnit) -> Durasi { Durasi(amount, unit) }

/// Parses and returns the value, recording an issue when the parse has any problem other than
/// SOP408 (hours of a working day or more, such as "24 jam": the value is still what it says).
private func value(_ raw: String, _ options: WaktuParser.Options = .init()) -> Waktu? {
    let result = WaktuParser.parse(raw, options: options)
    #expect(result.problems.allSatisfy { $0.code == "SOP408" }, "\(raw): \(result.problems)")
    return result.waktu
}

@Suite("Waktu parser")
struct WaktuParserTests {
    // MARK: Forms seen in real SOPs: text, value, deadline minutes (hari kerja = 450 minutes)

    @Test(arguments: [
        ("15 menit", WaktuValue.exact(d(15, .menit)), 15.0),
        ("15 Menit", .exact(d(15, .menit)), 15),
        ("  15 MENIT.  ", .exact(d(15, .menit)), 15),
        ("24 jam", .exact(d(24, .jam)), 1440),
        ("1 hari", .exact(d(1, .hariKerja)), 450),
        ("1 hr", .exact(d(1, .hariKerja)), 450),
        ("1hr", .exact(d(1, .hariKerja)), 450),
        ("2 Hari", .exact(d(2, .hariKerja)), 900),
        ("1 x 24 jam", .exact(d(1, .hariKalender)), 1440),
        ("3 x 24 jam", .exact(d(3, .hariKalender)), 4320),
        ("1x24 jam", .exact(d(1, .hariKalender)), 1440),
        ("2 x 30 menit", .exact(d(60, .menit)), 60),
        ("3 hari kerja", .exact(d(3, .hariKerja)), 1350),
        ("3 HK", .exact(d(3, .hariKerja)), 1350),
        ("2 hr kerja", .exact(d(2, .hariKerja)), 900),
        ("2 hari kalender", .exact(d(2, .hariKalender)), 2880),
        ("15 (lima belas) hari kerja", .exact(d(15, .hariKerja)), 6750),
        ("lima belas (15) hari kerja", .exact(d(15, .hariKerja)), 6750),
        ("15 (tanpa kata bilangan) hari", .exact(d(15, .hariKerja)), 6750),
        ("0", .exact(.zero), 0),
        ("0 menit", .exact(d(0, .menit)), 0),
        ("1,5 jam", .exact(d(1.5, .jam)), 90),
        ("1.5 jam", .exact(d(1.5, .jam)), 90),
        ("1/2 jam", .exact(d(0.5, .jam)), 30),
        ("setengah jam", .exact(d(0.5, .jam)), 30),
        ("satu setengah jam", .exact(d(1.5, .jam)), 90),
        ("5 mnt", .exact(d(5, .menit)), 5),
        ("5 mt", .exact(d(5, .menit)), 5),
        ("5 min", .exact(d(5, .menit)), 5),
        ("2 jm", .exact(d(2, .jam)), 120),
        ("8 jam kerja", .exact(d(8, .jam)), 480),
        ("2 h", .exact(d(2, .hariKerja)), 900),
        ("1 minggu", .exact(d(1, .minggu)), 10080),
        ("1 mg", .exact(d(1, .minggu)), 10080),
        ("2 pekan", .exact(d(2, .minggu)), 20160),
        ("1 bulan", .exact(d(1, .bulan)), 43200),
        ("3 bln", .exact(d(3, .bulan)), 129600),
        ("1 tahun", .exact(d(1, .tahun)), 525600),
        ("1 thn", .exact(d(1, .tahun)), 525600),
        ("satu jam", .exact(d(1, .jam)), 60),
        ("dua puluh lima menit", .exact(d(25, .menit)), 25),
        ("sehari", .exact(d(1, .hariKerja)), 450),
        ("sejam", .exact(d(1, .jam)), 60),
        ("seminggu", .exact(d(1, .minggu)), 10080),
        ("sebulan", .exact(d(1, .bulan)), 43200),
        ("setahun", .exact(d(1, .tahun)), 525600),
        ("7 Hari, 5 Jam, 50 Menit",
         .exact(Durasi(parts: [.init(amount: 7, unit: .hariKerja), .init(amount: 5, unit: .jam),
                               .init(amount: 50, unit: .menit)])), 3500),
        ("1 jam 30 menit", .exact(Durasi(parts: [.init(amount: 1, unit: .jam), .init(amount: 30, unit: .menit)])), 90),
        ("2 hari dan 3 jam",
         .exact(Durasi(parts: [.init(amount: 2, unit: .hariKerja), .init(amount: 3, unit: .jam)])), 1080),
        ("3 s/d 5 hari", .range(d(3, .hariKerja), d(5, .hariKerja)), 2250),
        ("3 sd 5 hari", .range(d(3, .hariKerja), d(5, .hariKerja)), 2250),
        ("3 s.d. 5 hari", .range(d(3, .hariKerja), d(5, .hariKerja)), 2250),
        ("3 sampai 5 hari", .range(d(3, .hariKerja), d(5, .hariKerja)), 2250),
        ("3 sampai dengan 5 hari", .range(d(3, .hariKerja), d(5, .hariKerja)), 2250),
        ("7-15 hari kerja", .range(d(7, .hariKerja), d(15, .hariKerja)), 6750),
        ("7 – 15 hari", .range(d(7, .hariKerja), d(15, .hariKerja)), 6750),
        ("30 menit s/d 1 jam", .range(d(30, .menit), d(1, .jam)), 60),
        ("1 x 24 jam s/d 3 x 24 jam", .range(d(1, .hariKalender), d(3, .hariKalender)), 4320),
        ("maksimal 14 hari", .atMost(d(14, .hariKerja)), 6300),
        ("maksimum 14 hari", .atMost(d(14, .hariKerja)), 6300),
        ("maks 14 hari", .atMost(d(14, .hariKerja)), 6300),
        ("maks. 2 jam", .atMost(d(2, .jam)), 120),
        ("paling lama 3 hari", .atMost(d(3, .hariKerja)), 1350),
        ("selambat-lambatnya 5 hari kerja", .atMost(d(5, .hariKerja)), 2250),
        ("≤ 3 hari", .atMost(d(3, .hariKerja)), 1350),
        ("± 3 bulan", .about(d(3, .bulan)), 129600),
        ("+- 3 bulan", .about(d(3, .bulan)), 129600),
        ("+/- 2 jam", .about(d(2, .jam)), 120),
        ("kurang lebih 1 jam", .about(d(1, .jam)), 60),
        ("kl 3 bulan", .about(d(3, .bulan)), 129600),
        ("sekitar 2 hari", .about(d(2, .hariKerja)), 900),
    ])
    func parsesForm(raw: String, expected: WaktuValue, deadlineMinutes: Double) throws {
        let waktu = try #require(value(raw))
        #expect(waktu.value == expected)
        #expect(waktu.raw == raw)
        #expect(waktu.deadline?.minutes() == deadlineMinutes)
    }

    @Test(arguments: [
        ("Sekali setiap bulan", 1, WaktuUnit.bulan),
        ("sekali sebulan", 1, .bulan),
        ("1 kali sebulan", 1, .bulan),
        ("2 kali seminggu", 2, .minggu),
        ("2x seminggu", 2, .minggu),
        ("3 kali dalam sebulan", 3, .bulan),
        ("1x/bulan", 1, .bulan),
        ("sebulan sekali", 1, .bulan),
        ("setiap bulan", 1, .bulan),
        ("tiap minggu", 1, .minggu),
        ("per bulan", 1, .bulan),
        ("per hari", 1, .hariKerja),
        ("setiap hari kalender", 1, .hariKalender),
        ("/bulan", 1, .bulan),
        ("bulanan", 1, .bulan),
    ])
    func parsesFrequency(raw: String, times: Int, per: WaktuUnit) throws {
        let waktu = try #require(value(raw))
        #expect(waktu.value == .frequency(times: times, per: per))
        #expect(waktu.deadline == nil)
        #expect(waktu.minimum == nil)
        #expect(waktu.value.kind == "frequency")
    }

    // MARK: Options

    @Test func plainDayOption() throws {
        let calendar = WaktuParser.Options(plainDay: .hariKalender)
        #expect(try #require(value("1 hari", calendar)).value == .exact(d(1, .hariKalender)))
        #expect(try #require(value("sehari", calendar)).value == .exact(d(1, .hariKalender)))
        #expect(try #require(value("per hari", calendar)).value == .frequency(times: 1, per: .hariKalender))
        let range = try #require(value("3 s/d 5 hari", calendar))
        #expect(range.value == .range(d(3, .hariKalender), d(5, .hariKalender)))
        #expect(range.deadline?.minutes() == 7200)
        // An explicit kind is kept whatever the option says.
        #expect(try #require(value("2 hari kerja", calendar)).value == .exact(d(2, .hariKerja)))
        #expect(try #require(value("2 HK", calendar)).value == .exact(d(2, .hariKerja)))
    }

    @Test func bareNumberWithDefaultUnit() throws {
        let minutes = WaktuParser.Options(bareNumberUnit: .menit)
        #expect(try #require(value("30", minutes)).value == .exact(d(30, .menit)))
        #expect(try #require(value("3-5", WaktuParser.Options(bareNumberUnit: .jam))).value == .range(d(3, .jam), d(5, .jam)))
        #expect(try #require(value("maksimal 45", minutes)).value == .atMost(d(45, .menit)))
        // A unit written out wins over the default.
        #expect(try #require(value("2 jam", minutes)).value == .exact(d(2, .jam)))
        // "0" needs no unit with or without a default.
        #expect(try #require(value("0", minutes)).value == .exact(.zero))
        #expect(try #require(value("0")).value == .exact(.zero))
    }

    @Test func bareNumberWithoutDefaultUnit() {
        let result = WaktuParser.parse("30")
        #expect(result.waktu == nil)
        #expect(result.problems == [WaktuProblem(severity: .error, message:
            "bare number '30' has no unit; write e.g. '30 menit' or set the SOP's default unit", offset: 0)])
    }

    // MARK: Errors: text, offset, message

    @Test(arguments: [
        ("", 0, "empty Waktu; write a time such as '15 menit', or '0' for a step that takes no time"),
        ("   ", 0, "empty Waktu; write a time such as '15 menit', or '0' for a step that takes no time"),
        ("  30", 2, "bare number '30' has no unit; write e.g. '30 menit' or set the SOP's default unit"),
        ("3-5", 0, "bare range '3-5' has no unit; write e.g. '3-5 menit' or set the SOP's default unit"),
        ("3 mnit", 2, "unknown unit 'mnit'; did you mean 'menit'?"),
        ("1 jam 30 mnt 5 xyzzy", 15,
         "unknown unit 'xyzzy'; use menit, jam, hari, hari kerja (HK), hari kalender, minggu, bulan or tahun"),
        ("hari", 0, "missing number before 'hari'; write e.g. '1 hari'"),
        ("maksimal menit", 9, "missing number before 'menit'; write e.g. '1 menit'"),
        ("maksimal", 8, "missing time after 'maksimal'; write e.g. 'maksimal 14 hari'"),
        ("-3 hari", 0, "negative number '-3'; a time can't be negative"),
        ("maks -2 jam", 5, "negative number '-2'; a time can't be negative"),
        ("3 hari abc", 7, "unexpected 'abc' after '3 hari'; a Waktu ends with its unit, or goes on with a remark starting 'setelah', 'terhitung', 'sejak' or 'jika' (other remarks belong in keterangan)"),
        ("3 hari kerj", 7, "unexpected 'kerj' after '3 hari'; did you mean 'kerja'?"),
        ("5 s/d 3 hari", 0, "range runs backwards: '5 hari kerja' is longer than '3 hari kerja'; "
            + "write the shorter time first, e.g. '3 hari kerja s/d 5 hari kerja'"),
        ("2 jam - 30 menit", 0, "range runs backwards: '2 jam' is longer than '30 menit'; "
            + "write the shorter time first, e.g. '30 menit s/d 2 jam'"),
        ("1 s/d", 5, "missing end of range after 's/d'; write e.g. '3 s/d 5 hari'"),
        ("1 jam 30", 6, "number '30' has no unit; write e.g. '30 menit'"),
        ("maksmal 3 hari", 0, "expected a time such as '15 menit', found 'maksmal'; did you mean 'maksimal'?"),
        ("-", 0, "'-' is not a time; write '0' for a step that takes no time, or a time such as '15 menit'"),
        ("maksimal 3-5 hari", 10, "'-' after 'maksimal': a bound takes one time, not a range; "
            + "write e.g. 'maksimal 5 hari' or '3 s/d 5 hari'"),
        ("2 kali", 6, "missing period after '2 kali'; write e.g. '2 kali seminggu' or '2 kali per bulan'"),
        ("setiap 2 minggu", 7, "a frequency counts per one unit; found '2' after 'setiap'; "
            + "write e.g. 'setiap minggu' or '2 kali sebulan'"),
        ("0 kali seminggu", 0, "number of times must be a whole number from 1 to 1000, found '0'"),
        ("3 (hari", 2, "'(' is never closed; add ')'"),
        ("1/0 jam", 0, "invalid number: '1/0' is not a usable number; write digits such as '15' or '1,5'"),
        ("2000000 menit", 0, "number '2000000' is too large; a Waktu is at most 1000000 of a unit"),
    ])
    func reportsError(raw: String, offset: Int, message: String) {
        let result = WaktuParser.parse(raw)
        #expect(result.waktu == nil)
        #expect(result.problems.last == WaktuProblem(severity: .error, message: message, offset: offset))
    }

    // MARK: Warnings: the value is kept

    @Test func wordsMismatchIsAWarningAtTheParenthesis() throws {
        let result = WaktuParser.parse("15 (lima) hari")
        #expect(try #require(result.waktu).value == .exact(d(15, .hariKerja)))
        #expect(result.problems == [WaktuProblem(severity: .warning, message:
            "the number in words '(lima)' is 5 but the digits say 15; make them agree", offset: 3)])
        let reversed = WaktuParser.parse("lima belas (16) hari")
        #expect(try #require(reversed.waktu).value == .exact(d(15, .hariKerja)))
        #expect(reversed.problems.map(\.offset) == [11])
        #expect(reversed.problems.map(\.severity) == [.warning])
    }

    @Test func repeatedUnitIsAWarning() throws {
        let result = WaktuParser.parse("1 jam 2 jam")
        let waktu = try #require(result.waktu)
        #expect(waktu.value == .exact(Durasi(parts: [.init(amount: 1, unit: .jam), .init(amount: 2, unit: .jam)])))
        #expect(waktu.deadline?.minutes() == 180)
        #expect(result.problems == [WaktuProblem(severity: .warning, message:
            "unit 'jam' appears twice in '1 jam 2 jam'; the amounts are added; write each unit once", offset: 8)])
    }

    @Test func trailingRemarkIsAWarning() throws {
        let result = WaktuParser.parse("3 hari (tergantung berkas)")
        #expect(try #require(result.waktu).value == .exact(d(3, .hariKerja)))
        #expect(result.problems.map(\.severity) == [.warning])
        #expect(result.problems.map(\.offset) == [7])
    }

    // MARK: Deadline, minimum, kind, description

    @Test func deadlineAndMinimum() throws {
        let range = try #require(value("3 s/d 5 hari"))
        #expect(range.minimum == d(3, .hariKerja))
        #expect(range.deadline == d(5, .hariKerja))
        #expect(range.minimum?.minutes() == 1350)
        let bound = try #require(value("maksimal 14 hari"))
        #expect(bound.minimum == .zero)
        #expect(bound.deadline?.minutes(workingDayMinutes: 480) == 6720)
        let about = try #require(value("± 3 bulan"))
        #expect(about.minimum == d(3, .bulan))
        #expect(about.deadline == d(3, .bulan))
    }

    @Test(arguments: [
        ("15 menit", "15 menit", "exact"),
        ("0", "0", "exact"),
        ("1,5 jam", "1,5 jam", "exact"),
        ("1 x 24 jam", "1 hari kalender", "exact"),
        ("7 Hari, 5 Jam, 50 Menit", "7 hari kerja 5 jam 50 menit", "exact"),
        ("3 s/d 5 hari", "3–5 hari kerja", "range"),
        ("30 menit s/d 1 jam", "30 menit – 1 jam", "range"),
        ("maks. 14 hari", "maksimal 14 hari kerja", "at_most"),
        ("kurang lebih 3 bulan", "± 3 bulan", "about"),
        ("Sekali setiap bulan", "setiap bulan", "frequency"),
        ("2 kali seminggu", "2 kali per minggu", "frequency"),
    ])
    func description(raw: String, text: String, kind: String) throws {
        let waktu = try #require(value(raw))
        #expect(waktu.description == text)
        #expect(waktu.value.kind == kind)
    }

    @Test(arguments: [
        (WaktuUnit.menit, 1.0, "menit", "menit"), (.jam, 60, "jam", "jam"),
        (.hariKerja, 450, "hari kerja", "hari_kerja"), (.hariKalender, 1440, "hari kalender", "hari_kalender"),
        (.minggu, 10080, "minggu", "minggu"), (.bulan, 43200, "bulan", "bulan"), (.tahun, 525600, "tahun", "tahun"),
    ])
    func units(unit: WaktuUnit, minutes: Double, label: String, rawValue: String) {
        #expect(unit.minutes() == minutes)
        #expect(unit.label == label)
        #expect(unit.rawValue == rawValue)
    }

    @Test func workingDayLength() {
        #expect(WaktuUnit.hariKerja.minutes(workingDayMinutes: 480) == 480)
        #expect(Durasi.zero.minutes() == 0)
        #expect(Durasi.zero.parts.isEmpty)
    }

    @Test(arguments: [
        ("satu", 1.0), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11), ("lima belas", 15),
        ("dua puluh", 20), ("dua puluh satu", 21), ("seratus", 100), ("seratus dua puluh lima", 125),
        ("tiga ratus", 300), ("seribu", 1000), ("dua ribu lima ratus", 2500), ("setengah", 0.5),
    ])
    func numberWords(words: String, expected: Double) {
        #expect(IndonesianNumber.value(inText: words) == expected)
    }

    @Test func numberWordsInvalidOrAbsent() {
        #expect(IndonesianNumber.value(inText: "belas") == nil)
        #expect(IndonesianNumber.value(inText: "lima tiga") == nil)
        #expect(IndonesianNumber.value(inText: "tanpa angka") == nil)
        #expect(IndonesianNumber.value(inText: "lima belas hari kerja") == 15)
    }

    // MARK: Never crash

    @Test func fuzzTenThousandRandomStrings() {
        var generator = SplitMix(seed: 0x5EED_0F_3A4B)
        let alphabet: [Character] = Array("0123456789 ,./-–—+±≤<=()xX×*~sdhkmnjbtaeriulgpw½") +
            ["HK", "jam", "hari", "s/d", "menit", "kali", "se", "lima", "belas", "é", "🙂", "\u{301}", "\n", "\t", "İ"]
                .flatMap { Array($0) }
        for _ in 0..<10_000 {
            let length = Int.random(in: 0...14, using: &generator)
            let raw = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? " " })
            let result = WaktuParser.parse(raw)
            let hasError = result.problems.contains { $0.severity == .error }
            #expect((result.waktu == nil) == hasError, "\(raw.debugDescription): \(result.problems)")
            #expect(result.problems.allSatisfy { (0...raw.count).contains($0.offset) }, "\(raw.debugDescription)")
            if let waktu = result.waktu {
                #expect(waktu.raw == raw)
                #expect(!waktu.description.isEmpty)
                if let minutes = waktu.deadline?.minutes() { #expect(minutes.isFinite && minutes >= 0) }
            }
        }
    }
}

