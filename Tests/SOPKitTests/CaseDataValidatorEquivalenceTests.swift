import Foundation
import Testing
@testable import SOPKit

/// `CaseDataValidator` keeps only the case fields and counts the required fields a case gives
/// instead of looking each one up by name; its verdicts must be those of the validator as it was
/// (`ReferenceCaseDataValidator`): the same typed data, the same problems with the same fields and
/// messages in the same order, the same refusal. Random `data_kasus` (every type, required or not,
/// now and then two fields with one name) and random data (known, unknown and missing names; good,
/// bad, blank and padded values; dates out of range; birth dates after the opening day).
@Suite("Case data validation: the same verdicts as before")
struct CaseDataValidatorEquivalenceTests {
    @Test("random fields and data", arguments: 0..<20)
    func randomData(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed) &* 2_654_435_761 &+ 5)
        let loaded = SOPLoader().load(path: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path)
        var definition = try #require(loaded.definition)
        for _ in 0..<40 {
            definition.caseFields = randomFields(&random)
            let validator = CaseDataValidator(definition), reference = ReferenceCaseDataValidator(definition)
            for _ in 0..<50 {
                let raw = randomData(for: definition.caseFields, &random)
                let opened = random.chance(0.8) ? CalendarDate(dayNumber: Int.random(in: 18_000...21_000, using: &random)) : nil
                let actual = validator.check(raw, openedOn: opened), expected = reference.check(raw, openedOn: opened)
                #expect(actual.data == expected.data, "\(raw)")
                #expect(actual.problems.map(\.field) == expected.problems.map(\.field), "\(raw)")
                #expect(actual.problems.map(\.message) == expected.problems.map(\.message), "\(raw)")
                let accepted: String, acceptedBefore: String
                do { accepted = "\(try validator.validate(raw, openedOn: opened).sorted { $0.key < $1.key })" } catch { accepted = "refused: \(error.message)" }
                do { acceptedBefore = "\(try reference.validate(raw, openedOn: opened).sorted { $0.key < $1.key })" } catch { acceptedBefore = "refused: \(error.message)" }
                #expect(accepted == acceptedBefore, "\(raw)")
            }
        }
    }

    @Test("the shipped SOP's fields: every subset of its fields given, each with a good or a blank value")
    func shippedFields() throws {
        let loaded = SOPLoader().load(path: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path)
        let definition = try #require(loaded.definition)
        let fields = definition.caseFields
        let good = ["nama_anak": "Anak", "tanggal_lahir": "2012-03-04", "jenis_kelamin": "perempuan", "putus_sekolah": "true",
                    "lokasi_penjangkauan": "Jalan Merdeka", "penanggung_jawab": "Ibu"]
        let validator = CaseDataValidator(definition), reference = ReferenceCaseDataValidator(definition)
        for subset in 0..<(1 << fields.count) {
            for blank in [false, true] {
                var raw: [String: String] = [:]
                for (i, field) in fields.enumerated() where subset & (1 << i) != 0 { raw[field.name] = blank && i == 0 ? " " : good[field.name] ?? "x" }
                let actual = validator.check(raw), expected = reference.check(raw)
                #expect(actual.data == expected.data && actual.problems.map(\.message) == expected.problems.map(\.message), "\(raw)")
            }
        }
    }

    private static let names = ["nama", "umur", "lahir", "tanggal_lahir", "jenis_kelamin", "putus_sekolah", "alamat", "catatan_panjang_sekali"]

    private func randomFields(_ random: inout SplitMix) -> [CaseField] {
        var fields: [CaseField] = []
        for name in Self.names where random.chance(0.6) {
            let types: [CaseFieldType] = [.text, .number, .boolean, .date, .choice(["laki-laki", "perempuan"])]
            let type = name.hasSuffix("lahir") && random.chance(0.7) ? .date : types[Int.random(in: 0..<types.count, using: &random)]
            fields.append(CaseField(name: name, type: type, required: random.chance(0.5), label: random.chance(0.5) ? "Label \(name)" : nil,
                                    keterangan: nil, sensitive: false, location: SourceLocation(line: 1, column: 1)))
        }
        // Now and then two fields with one name (the validator takes the first).
        if let twin = fields.randomElement(using: &random), random.chance(0.2) {
            var copy = twin
            copy.required.toggle()
            copy.type = .text
            fields.insert(copy, at: Int.random(in: 0...fields.count, using: &random))
        }
        return fields
    }

    private func randomData(for fields: [CaseField], _ random: inout SplitMix) -> [String: String] {
        var raw: [String: String] = [:]
        for field in fields where random.chance(0.85) { raw[field.name] = randomValue(field.type, &random) }
        if random.chance(0.15) { raw["tidak_dikenal"] = "x" }
        if random.chance(0.1) { raw["nama_"] = "typo" }
        return raw
    }

    private func randomValue(_ type: CaseFieldType, _ random: inout SplitMix) -> String {
        if random.chance(0.08) { return ["", " ", "\n", "\t "][Int.random(in: 0..<4, using: &random)] }
        var value: String
        switch type {
        case .text: value = ["Anak", "Jalan Merdeka", "Ayu Ñoño", "123"][Int.random(in: 0..<4, using: &random)]
        case .number: value = ["12", "3,5", "-1", "abc", "1e400", "7.25"][Int.random(in: 0..<6, using: &random)]
        case .boolean: value = ["true", "false", "ya", "TRUE", "0", "mungkin"][Int.random(in: 0..<6, using: &random)]
        case .date:
            let day = Int.random(in: -30_000...50_000, using: &random)
            value = random.chance(0.1) ? "2020-02-30" : "\(CalendarDate(dayNumber: day))"
        case .choice(let choices): value = random.chance(0.8) ? choices[Int.random(in: 0..<choices.count, using: &random)] : "lainnya"
        }
        if random.chance(0.1) { value = " " + value + " " }
        return value
    }
}
