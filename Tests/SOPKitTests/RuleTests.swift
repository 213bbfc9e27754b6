import Testing
@testable import SOPKit

// MARK: - Builders for expected trees

private func field(_ name: String, _ offset: Int) -> RuleExpression { .field(name, offset: offset) }
private func number(_ value: Double, _ offset: Int) -> RuleExpression { .literal(.number(value), offset: offset) }
private func text(_ value: String, _ offset: Int) -> RuleExpression { .literal(.text(value), offset: offset) }
private func boolean(_ value: Bool, _ offset: Int) -> RuleExpression { .literal(.boolean(value), offset: offset) }
private func date(_ iso: String, _ offset: Int) -> RuleExpression { .literal(day(iso), offset: offset) }
private func not(_ operand: RuleExpression, _ offset: Int) -> RuleExpression { .not(operand, offset: offset) }
private func and(_ left: RuleExpression, _ right: RuleExpression) -> RuleExpression { .and(left, right) }
private func or(_ left: RuleExpression, _ right: RuleExpression) -> RuleExpression { .or(left, right) }
private func compare(_ op: RuleComparison, _ left: RuleExpression, _ right: RuleExpression, _ offset: Int) -> RuleExpression {
    .compare(op, left, right, offset: offset)
}

/// A date value; a mistyped date in a table becomes a text, which makes its test fail visibly.
private func day(_ iso: String) -> CaseValue { CalendarDate(iso: iso).map(CaseValue.date) ?? .text("not a date: \(iso)") }

/// The case fields of a test SOP.
private let fields: [String: CaseFieldType] = [
    "umur": .number,
    "gaji": .number,
    "nama": .text,
    "putus_sekolah": .boolean,
    "aktif": .boolean,
    "tanggal_lahir": .date,
    "tanggal_nikah": .date,
    "status": .choice(["belum_kawin", "kawin", "cerai"]),
    "kelas": .choice(["1", "2", "3"]),
]

/// One case's data for evaluation tests (`tanggal_nikah` is left out: an absent optional field).
private let data: [String: CaseValue] = [
    "umur": .number(17),
    "gaji": .number(1.5),
    "nama": .text("Budi"),
    "putus_sekolah": .boolean(true),
    "aktif": .boolean(false),
    "tanggal_lahir": day("2008-05-01"),
    "status": .text("kawin"),
    "kelas": .text("2"),
]

private func parsed(_ source: String) -> RuleExpression? {
    try? RuleParser.parse(source).get().expression
}

@Suite struct RuleTests {
    // MARK: Parsing

    @Test(arguments: [
        ("putus_sekolah", field("putus_sekolah", 0)),
        ("  a  ", field("a", 2)),
        ("umur < 18", compare(.less, field("umur", 0), number(18, 7), 5)),
        ("umur>18", compare(.greater, field("umur", 0), number(18, 5), 4)),
        ("a==b", compare(.equal, field("a", 0), field("b", 3), 1)),
        ("gaji <= 1.5", compare(.lessOrEqual, field("gaji", 0), number(1.5, 8), 5)),
        ("x > 007", compare(.greater, field("x", 0), number(7, 4), 2)),
        ("18 >= umur", compare(.greaterOrEqual, number(18, 0), field("umur", 6), 3)),
        ("status == \"kawin\"", compare(.equal, field("status", 0), text("kawin", 10), 7)),
        ("nama != 'Jum\"at'", compare(.notEqual, field("nama", 0), text("Jum\"at", 8), 5)),
        ("nama == \"Jum'at\"", compare(.equal, field("nama", 0), text("Jum'at", 8), 5)),
        ("nama == ''", compare(.equal, field("nama", 0), text("", 8), 5)),
        ("tanggal_lahir >= 2010-01-01", compare(.greaterOrEqual, field("tanggal_lahir", 0), date("2010-01-01", 17), 14)),
        ("aktif == true", compare(.equal, field("aktif", 0), boolean(true, 9), 6)),
        ("false", boolean(false, 0)),
        ("((a))", field("a", 2)),
        ("umur < 18 dan bukan putus_sekolah",
         and(compare(.less, field("umur", 0), number(18, 7), 5), not(field("putus_sekolah", 20), 14))),
        // Precedence: dan binds tighter than atau.
        ("a atau b dan c", or(field("a", 0), and(field("b", 7), field("c", 13)))),
        ("a dan b atau c", or(and(field("a", 0), field("b", 6)), field("c", 13))),
        ("(a atau b) dan c", and(or(field("a", 1), field("b", 8)), field("c", 15))),
        ("a atau b dan c atau d", or(or(field("a", 0), and(field("b", 7), field("c", 13))), field("d", 20))),
        // dan and atau group to the left.
        ("a dan b dan c", and(and(field("a", 0), field("b", 6)), field("c", 12))),
        ("a atau b atau c", or(or(field("a", 0), field("b", 7)), field("c", 14))),
        // bukan binds tightest, but applies to a whole comparison.
        ("bukan a dan b", and(not(field("a", 6), 0), field("b", 12))),
        ("bukan umur < 18", not(compare(.less, field("umur", 6), number(18, 13), 11), 0)),
        ("bukan bukan a", not(not(field("a", 12), 6), 0)),
        ("(a dan b) == false", compare(.equal, and(field("a", 1), field("b", 7)), boolean(false, 13), 10)),
        // Offsets count Characters, also after non-ASCII text.
        ("nama == \"Café ☕\" atau a", or(compare(.equal, field("nama", 0), text("Café ☕", 8), 5), field("a", 22))),
        // Words that start with a keyword are field names.
        ("dan_x dan atau_y", and(field("dan_x", 0), field("atau_y", 10))),
        ("truex atau bukanlah", or(field("truex", 0), field("bukanlah", 11))),
        ("TRUE", field("TRUE", 0)),
        // A field named like an English keyword is still a field where no hint applies.
        ("not == 3", compare(.equal, field("not", 0), number(3, 7), 4)),
    ])
    func parsesRule(source: String, expected: RuleExpression) {
        #expect(parsed(source) == expected)
    }

    @Test func parsedRuleKeepsSourceAndFieldNames() throws {
        let source = "umur < 18 dan (bukan putus_sekolah atau umur > 60) atau status == 'x' atau 1 < 2"
        let rule = try RuleParser.parse(source).get()
        #expect(rule.source == source)
        #expect(rule.fieldNames == ["umur", "putus_sekolah", "status"])
        #expect(try RuleParser.parse("18 < umur dan true").get().fieldNames == ["umur"])
        #expect(try RuleParser.parse("true").get().fieldNames == [])
    }

    @Test func nestingUpToTheLimitParses() {
        let deep = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(parsed(deep) == field("a", 100))
        let longChain = String(repeating: "a dan ", count: 99) + "a"
        #expect(longChain.count == 595)
        #expect(parsed(longChain)?.fieldNames == ["a"])
    }

    // MARK: Syntax errors

    @Test(arguments: [
        ("", 0, "the rule is empty; write a condition such as 'umur < 18'"),
        ("   ", 3, "the rule is empty; write a condition such as 'umur < 18'"),
        ("umur <", 6, "expected a field, a value or '(' but found the end of the rule"),
        ("umur < )", 7, "expected a field, a value or '(' but found ')'"),
        ("a dan", 5, "expected a field, a value or '(' but found the end of the rule"),
        ("dan a", 0, "expected a field, a value or '(' but found 'dan'"),
        ("bukan", 5, "expected a field, a value or '(' but found the end of the rule"),
        ("a atau < b", 7, "expected a field, a value or '(' but found '<'"),
        ("()", 1, "expected a field, a value or '(' but found ')'"),
        ("a < b < c", 6, "comparisons do not chain; write 'a < b dan b < c'"),
        ("0 < umur <= 18", 9, "comparisons do not chain; write '0 < umur dan umur <= 18'"),
        ("(a) == b != (c)", 9, "comparisons do not chain; write '(a) == b dan b != (c)'"),
        ("a < b < )", 6, "comparisons do not chain; join two comparisons with 'dan'"),
        ("nama == \"Budi", 8, "unterminated string; end it with a matching \""),
        ("nama == 'Budi", 8, "unterminated string; end it with a matching '"),
        ("nama == 'Budi\"", 8, "unterminated string; end it with a matching '"),
        ("a and b", 2, "'and' is not a keyword here; write 'dan'"),
        ("a AND b", 2, "'AND' is not a keyword here; write 'dan'"),
        ("a or b", 2, "'or' is not a keyword here; write 'atau'"),
        ("a Dan b", 2, "'Dan' is not a keyword here; write 'dan'"),
        ("(a OR b)", 3, "'OR' is not a keyword here; write 'atau'"),
        ("not a", 0, "'not' is not a keyword here; write 'bukan'"),
        ("a dan NOT (b)", 6, "'NOT' is not a keyword here; write 'bukan'"),
        ("tidak putus_sekolah", 0, "'tidak' is not a keyword here; write 'bukan'"),
        ("a && b", 2, "'&&' is not an operator here; write 'dan'"),
        ("a & b", 2, "'&' is not an operator here; write 'dan'"),
        ("a || b", 2, "'||' is not an operator here; write 'atau'"),
        ("!a", 0, "'!' is not an operator here; write 'bukan'"),
        ("umur = 18", 5, "'=' is not a comparison; write '=='"),
        ("umur => 18", 5, "'=>' is not an operator; write '>='"),
        ("umur =< 18", 5, "'=<' is not an operator; write '<='"),
        ("umur <> 18", 5, "'<>' is not an operator; write '!='"),
        ("umur ≥ 18", 5, "'≥' is not an operator; write '>='"),
        ("(a dan b", 8, "expected ')' to close '(' but found the end of the rule"),
        ("a dan b)", 7, "')' has no matching '('"),
        ("umur 18", 5, "expected a comparison (==, !=, <, <=, >, >=), 'dan', 'atau' or the end of the rule but found '18'"),
        ("umur < 18 19", 10, "expected 'dan', 'atau' or the end of the rule but found '19'"),
        ("(umur < 18 x)", 11, "expected 'dan', 'atau' or ')' but found 'x'"),
        ("(a b)", 3, "expected a comparison (==, !=, <, <=, >, >=), 'dan', 'atau' or ')' but found 'b'"),
        ("tanggal < 2024-02-30", 10, "'2024-02-30' is not a date: Februari 2024 has 29 days, not 30"),
        ("tanggal < 2023-02-29", 10, "'2023-02-29' is not a date: Februari 2023 has 28 days, not 29"),
        ("tanggal < 2024-13-01", 10, "'2024-13-01' is not a date: there is no month 13"),
        ("tanggal < 2024-01-00", 10, "'2024-01-00' is not a date: there is no day 0"),
        ("tanggal < 0000-01-01", 10, "'0000-01-01' is not a date: there is no year 0"),
        ("tanggal < 2024-3-4", 10, "'2024-3-4' is not a date; write dates as YYYY-MM-DD, e.g. 2024-03-04"),
        ("gaji > 1,5", 7, "'1,5' is not a number; write decimals with a point: 1.5"),
        ("gaji > 1.", 7, "'1.' is not a number; write numbers like 18 or 1.5"),
        ("gaji > 1.2.3", 7, "'1.2.3' is not a number; write numbers like 18 or 1.5"),
        ("umur > 18tahun", 7, "'18tahun' is not a number or a date; field names cannot start with a digit"),
        ("umur > 1" + String(repeating: "0", count: 400), 7,
         "'1" + String(repeating: "0", count: 400) + "' is too large a number"),
        ("umür < 18", 2, "'ü' cannot be used in a field name; use only the letters A-Z and a-z, digits and '_'"),
        ("a # b", 2, "unexpected character '#'"),
        ("umur < -1", 7, "unexpected character '-'; rules cannot do arithmetic"),
        ("umur + 1 > 18", 5, "unexpected character '+'; rules cannot do arithmetic"),
        ("nama == “Budi”", 8, "'“' is a curly quote; write texts in straight quotes, \"...\" or '...'"),
        ("a\u{7}", 1, "unexpected character U+0007"),
        ("\u{301}a", 0, "unexpected character U+0301"),
        ("a == \u{301}", 4, "unexpected character U+0020 U+0301"),
        ("gaji > .5", 7, "unexpected character '.'; write a digit before the point, e.g. 0.5"),
        ("bukan a b", 8, "expected a comparison (==, !=, <, <=, >, >=), 'dan', 'atau' or the end of the rule but found 'b'"),
        ("(a < b) c", 8, "expected a comparison (==, !=, <, <=, >, >=), 'dan', 'atau' or the end of the rule but found 'c'"),
        ("a dan b < c d", 12, "expected 'dan', 'atau' or the end of the rule but found 'd'"),
        // The first problem in the source wins, even when a later one is a lexical problem.
        ("umur < ) \"abc", 7, "expected a field, a value or '(' but found ')'"),
        // Too deep.
        (String(repeating: "(", count: 101) + "a" + String(repeating: ")", count: 101), 100,
         "this rule is too complex (nested more than 100 levels deep); split it into simpler rules"),
        (String(repeating: "bukan ", count: 101) + "a", 600,
         "this rule is too complex (nested more than 100 levels deep); split it into simpler rules"),
        (String(repeating: "a dan ", count: 100) + "a", 596,
         "this rule is too complex (nested more than 100 levels deep); split it into simpler rules"),
    ])
    func reportsSyntaxError(source: String, offset: Int, message: String) {
        #expect(RuleParser.parse(source) == .failure(RuleProblem(code: "SOP501", message: message, offset: offset)))
    }

    @Test func scalarOffsetCountsUnicodeScalars() throws {
        // "é" written as e + combining acute: one Character, two scalars.
        let source = "nama == \"Cafe\u{301}\" x"
        let problem = try #require(RuleParser.parse(source).failure)
        #expect(problem.offset == 15)
        #expect(problem.message == "expected 'dan', 'atau' or the end of the rule but found 'x'")
        #expect(problem.scalarOffset(in: source) == 16)
    }

    // MARK: Type checking

    @Test(arguments: [
        ("umur < 18 dan bukan putus_sekolah", []),
        ("putus_sekolah == aktif", []),
        ("(umur < 18) == putus_sekolah", []),
        ("tanggal_lahir <= 2010-01-01 atau tanggal_lahir > tanggal_nikah", []),
        ("status == \"kawin\" atau status != kelas atau nama == status", []),
        ("kelas == '3' dan gaji >= 1.5", []),
        ("1 < 2", []),
        ("true", []),
        ("umr < 18", [RuleProblem(code: "SOP502", message: "unknown case field 'umr'; did you mean 'umur'?", offset: 0)]),
        ("bukan putus_sekolh", [RuleProblem(code: "SOP502",
            message: "unknown case field 'putus_sekolh'; did you mean 'putus_sekolah'?", offset: 6)]),
        ("xyz", [RuleProblem(code: "SOP502", message: "unknown case field 'xyz'", offset: 0)]),
        ("aktif == TRUE", [RuleProblem(code: "SOP502", message: "unknown case field 'TRUE'; for the value, write true", offset: 9)]),
        ("aktif == ya", [RuleProblem(code: "SOP502", message: "unknown case field 'ya'; for the value, write true", offset: 9)]),
        // An unknown field is reported once, not again in its comparison or as a condition.
        ("umr < \"x\" dan umr", [
            RuleProblem(code: "SOP502", message: "unknown case field 'umr'; did you mean 'umur'?", offset: 0),
            RuleProblem(code: "SOP502", message: "unknown case field 'umr'; did you mean 'umur'?", offset: 14),
        ]),
        ("umur < \"18\"", [RuleProblem(code: "SOP503",
            message: "cannot compare 'umur' (angka) with a text; write 18 without quotes", offset: 5)]),
        ("umur < \"delapan\"", [RuleProblem(code: "SOP503", message: "cannot compare 'umur' (angka) with a text", offset: 5)]),
        ("umur == nama", [RuleProblem(code: "SOP503", message: "cannot compare 'umur' (angka) with 'nama' (teks)", offset: 5)]),
        ("umur > tanggal_lahir", [RuleProblem(code: "SOP503",
            message: "cannot compare 'umur' (angka) with 'tanggal_lahir' (tanggal)", offset: 5)]),
        ("putus_sekolah == 1", [RuleProblem(code: "SOP503",
            message: "cannot compare 'putus_sekolah' (boolean) with a number", offset: 14)]),
        ("tanggal_lahir < \"2010-01-01\"", [RuleProblem(code: "SOP503",
            message: "cannot compare 'tanggal_lahir' (tanggal) with a text; write 2010-01-01 without quotes", offset: 14)]),
        ("aktif == \"true\"", [RuleProblem(code: "SOP503",
            message: "cannot compare 'aktif' (boolean) with a text; write true without quotes", offset: 6)]),
        ("nama == 5", [RuleProblem(code: "SOP503",
            message: "cannot compare 'nama' (teks) with a number; write it in quotes: \"5\"", offset: 5)]),
        ("kelas == 3", [RuleProblem(code: "SOP503",
            message: "cannot compare 'kelas' (pilihan) with a number; write it in quotes: \"3\"", offset: 6)]),
        ("status == 3", [RuleProblem(code: "SOP503",
            message: "cannot compare 'status' (pilihan) with a number; the choices are 'belum_kawin', 'kawin', 'cerai'", offset: 7)]),
        ("(umur < 18) == 1", [RuleProblem(code: "SOP503", message: "cannot compare a condition with a number", offset: 12)]),
        // Ordering on text, choice and boolean.
        ("nama < \"B\"", [RuleProblem(code: "SOP503",
            message: "cannot use '<' on 'nama' (teks) and a text; '<', '<=', '>' and '>=' compare only numbers (angka) and dates (tanggal)",
            offset: 5)]),
        ("status > \"kawin\"", [RuleProblem(code: "SOP503",
            message: "cannot use '>' on 'status' (pilihan) and a text; '<', '<=', '>' and '>=' compare only numbers (angka) and dates (tanggal)",
            offset: 7)]),
        ("putus_sekolah >= aktif", [RuleProblem(code: "SOP503",
            message: "cannot use '>=' on 'putus_sekolah' (boolean) and 'aktif' (boolean); '<', '<=', '>' and '>=' compare only numbers (angka) and dates (tanggal)",
            offset: 14)]),
        ("(umur < 18) < true", [RuleProblem(code: "SOP503",
            message: "cannot use '<' on a condition and a boolean; '<', '<=', '>' and '>=' compare only numbers (angka) and dates (tanggal)",
            offset: 12)]),
        // A value that is not one of a choice field's choices, on either side.
        ("status == \"kawn\"", [RuleProblem(code: "SOP503",
            message: "'kawn' is not one of the choices of 'status': 'belum_kawin', 'kawin', 'cerai'; did you mean 'kawin'?",
            offset: 10)]),
        ("\"menikah\" != status", [RuleProblem(code: "SOP503",
            message: "'menikah' is not one of the choices of 'status': 'belum_kawin', 'kawin', 'cerai'", offset: 0)]),
        ("kelas == '4'", [RuleProblem(code: "SOP503", message: "'4' is not one of the choices of 'kelas': '1', '2', '3'", offset: 9)]),
        // Not a condition.
        ("umur", [RuleProblem(code: "SOP504",
            message: "'umur' is a number (angka), not a condition; compare it, e.g. 'umur < 18'", offset: 0)]),
        ("(umur)", [RuleProblem(code: "SOP504",
            message: "'umur' is a number (angka), not a condition; compare it, e.g. 'umur < 18'", offset: 1)]),
        ("umur dan putus_sekolah", [RuleProblem(code: "SOP504",
            message: "'umur' is a number (angka), not a condition; compare it, e.g. 'umur < 18'", offset: 0)]),
        ("bukan nama", [RuleProblem(code: "SOP504",
            message: "'nama' is a text (teks), not a condition; compare it, e.g. 'nama == \"...\"'", offset: 6)]),
        ("putus_sekolah atau status", [RuleProblem(code: "SOP504",
            message: "'status' is a choice (pilihan), not a condition; compare it, e.g. 'status == \"belum_kawin\"'", offset: 19)]),
        ("tanggal_lahir", [RuleProblem(code: "SOP504",
            message: "'tanggal_lahir' is a date (tanggal), not a condition; compare it, e.g. 'tanggal_lahir < 2024-01-01'", offset: 0)]),
        ("18", [RuleProblem(code: "SOP504",
            message: "18 is a number, not a condition; use a boolean case field or a comparison", offset: 0)]),
        ("aktif dan 2024-03-04", [RuleProblem(code: "SOP504",
            message: "2024-03-04 is a date, not a condition; use a boolean case field or a comparison", offset: 10)]),
        ("\"putus_sekolah\" dan aktif", [RuleProblem(code: "SOP504",
            message: "\"putus_sekolah\" is a text, not a condition; to use the case field, write putus_sekolah without quotes",
            offset: 0)]),
        // Every problem in one pass, in source order.
        ("umr < 18 dan nama atau status == \"x\" dan umur < \"5\"", [
            RuleProblem(code: "SOP502", message: "unknown case field 'umr'; did you mean 'umur'?", offset: 0),
            RuleProblem(code: "SOP504",
                message: "'nama' is a text (teks), not a condition; compare it, e.g. 'nama == \"...\"'", offset: 13),
            RuleProblem(code: "SOP503",
                message: "'x' is not one of the choices of 'status': 'belum_kawin', 'kawin', 'cerai'", offset: 33),
            RuleProblem(code: "SOP503", message: "cannot compare 'umur' (angka) with a text; write 5 without quotes", offset: 46),
        ]),
    ])
    func checksRule(source: String, expected: [RuleProblem]) throws {
        let rule = try RuleParser.parse(source).get()
        #expect(RuleChecker.check(rule, fields: fields) == expected)
    }

    @Test func checkWithoutDeclaredFields() throws {
        let rule = try RuleParser.parse("a").get()
        #expect(RuleChecker.check(rule, fields: [:]) == [
            RuleProblem(code: "SOP502", message: "unknown case field 'a'; the SOP declares no case fields (data_kasus)", offset: 0),
        ])
    }

    // MARK: Evaluation

    @Test(arguments: [
        ("putus_sekolah", true),
        ("aktif", false),
        ("bukan aktif", true),
        ("bukan bukan putus_sekolah", true),
        ("umur < 18", true),
        ("umur < 17", false),
        ("umur <= 17", true),
        ("umur > 17", false),
        ("umur >= 17", true),
        ("umur == 17", true),
        ("umur == 17.0", true),
        ("umur != 17", false),
        ("umur < 9", false), // numeric, not text order
        ("gaji == 1.5", true),
        ("gaji > 1.25", true),
        ("umur < 18 dan bukan putus_sekolah", false),
        ("umur < 18 dan putus_sekolah", true),
        ("aktif atau putus_sekolah", true),
        ("aktif atau bukan putus_sekolah", false),
        ("true atau aktif dan false", true), // true atau (aktif dan false)
        ("(true atau aktif) dan false", false),
        ("bukan umur < 18", false),
        // Dates compare by day.
        ("tanggal_lahir < 2010-01-01", true),
        ("tanggal_lahir < 2008-12-31", true),
        ("tanggal_lahir > 2007-12-31", true),
        ("tanggal_lahir > 2008-04-30", true),
        ("tanggal_lahir == 2008-05-01", true),
        ("tanggal_lahir != 2008-05-01", false),
        ("tanggal_lahir >= 2008-05-02", false),
        ("tanggal_lahir <= 2008-05-01", true),
        ("2008-05-01 < tanggal_lahir", false),
        // Texts and choices compare exactly.
        ("status == \"kawin\"", true),
        ("status != 'kawin'", false),
        ("status == \"cerai\"", false),
        ("kelas == '2'", true),
        ("nama == \"Budi\"", true),
        ("nama == \"budi\"", false),
        ("nama == \"Budi \"", false),
        // Booleans.
        ("putus_sekolah == true", true),
        ("aktif == putus_sekolah", false),
        ("aktif != putus_sekolah", true),
        ("(umur < 18) == putus_sekolah", true),
        // Short circuit: the absent 'tanggal_nikah' is not read when the left side decides.
        ("aktif dan tanggal_nikah < 2020-01-01", false),
        ("putus_sekolah atau tanggal_nikah < 2020-01-01", true),
    ])
    func evaluatesRule(source: String, expected: Bool) throws {
        let rule = try RuleParser.parse(source).get()
        #expect(RuleChecker.check(rule, fields: fields) == [])
        #expect(try rule.evaluate(data) == expected)
    }

    @Test(arguments: [
        // a, b, c, a atau b dan c, bukan a dan b, (a atau b) dan bukan c
        (false, false, false, false, false, false),
        (false, false, true, false, false, false),
        (false, true, false, false, true, true),
        (false, true, true, true, true, false),
        (true, false, false, true, false, true),
        (true, false, true, true, false, false),
        (true, true, false, true, false, true),
        (true, true, true, true, false, false),
    ])
    func truthTable(a: Bool, b: Bool, c: Bool, orAnd: Bool, notAnd: Bool, andNot: Bool) throws {
        let values: [String: CaseValue] = ["a": .boolean(a), "b": .boolean(b), "c": .boolean(c)]
        #expect(try RuleParser.parse("a atau b dan c").get().evaluate(values) == orAnd)
        #expect(try RuleParser.parse("bukan a dan b").get().evaluate(values) == notAnd)
        #expect(try RuleParser.parse("(a atau b) dan bukan c").get().evaluate(values) == andNot)
    }

    @Test(arguments: [
        ("umur < 18", [String: CaseValue](), "case field 'umur' has no value"),
        ("putus_sekolah dan tanggal_nikah < 2020-01-01", data, "case field 'tanggal_nikah' has no value"),
        ("aktif atau tanggal_nikah < 2020-01-01", data, "case field 'tanggal_nikah' has no value"),
        // Rules that would not pass the checker, or data that does not match the field types.
        ("umur", data, "'umur' (a number) is not a condition"),
        ("nama < 'x'", data, "cannot use '<' on 'nama' (a text) and a text"),
        ("aktif > false", data, "cannot use '>' on 'aktif' (a boolean) and a boolean"),
        ("umur == 'x'", data, "cannot compare 'umur' (a number) with a text"),
        ("umur < 18", ["umur": CaseValue.text("17")], "cannot compare 'umur' (a text) with a number"),
    ])
    func reportsEvaluationError(source: String, values: [String: CaseValue], message: String) throws {
        let rule = try RuleParser.parse(source).get()
        #expect(throws: RuleEvaluationError(message)) { try rule.evaluate(values) }
    }

    // MARK: Robustness

    @Test func randomInputNeverCrashes() {
        let pieces = [
            "a", "umur", "putus_sekolah", "status", "nama", "tanggal_lahir", "x", "dan", "atau", "bukan", "and", "not",
            "true", "false", "18", "1.5", "0", "2024-03-04", "2024-02-30", "1,5", "(", ")", "<", "<=", "==", "!=", ">",
            ">=", "=", "!", "&", "|", "&&", "\"", "'", "\"kawin\"", "'Budi'", " ", " ", " ", "-", ".", ",", "#", "é",
            "ü", "☕", "\u{301}", "\n", "\t", "“", "≥", "_", "9", "Z",
        ]
        let values: [String: CaseValue] = [
            "a": .boolean(true), "x": .boolean(false), "umur": .number(17), "putus_sekolah": .boolean(true),
            "status": .text("kawin"), "nama": .text("Budi"), "tanggal_lahir": day("2008-05-01"),
        ]
        let types: [String: CaseFieldType] = [
            "a": .boolean, "x": .boolean, "umur": .number, "putus_sekolah": .boolean,
            "status": .choice(["kawin", "cerai"]), "nama": .text, "tanggal_lahir": .date,
        ]
        var generator = SplitMix(seed: 0x5EED_50D0)
        var parsedCount = 0
        var checkedCleanCount = 0
        for _ in 0..<10_000 {
            let length = Int(generator.next() % 9)
            var source = ""
            for _ in 0..<length { source += pieces[Int(generator.next() % UInt64(pieces.count))] }
            switch RuleParser.parse(source) {
            case .failure(let problem):
                #expect(problem.code == "SOP501")
                #expect((0...source.count).contains(problem.offset), "offset out of range for \(source.debugDescription)")
            case .success(let rule):
                parsedCount += 1
                #expect(rule.source == source)
                let problems = RuleChecker.check(rule, fields: types)
                for problem in problems {
                    #expect((0..<source.count).contains(problem.offset), "offset out of range for \(source.debugDescription)")
                }
                do {
                    _ = try rule.evaluate(values)
                } catch {
                    // A rule that passed the checker, with every field present, must evaluate.
                    #expect(!problems.isEmpty, "\(source.debugDescription) passed the checker but failed: \(error)")
                }
                if problems.isEmpty { checkedCleanCount += 1 }
            }
        }
        #expect(parsedCount > 500)
        #expect(checkedCleanCount > 100)
    }
}


extension Result {
    /// The failure, if this is one.
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
