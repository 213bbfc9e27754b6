import Foundation
import Testing
@testable import SOPKit

/// The reference definition is faithful to the seed document: these are the facts a Dinas would check.
@Suite("Reference SOP: Anak Jalanan")
struct ReferenceSOPTests {
    let sop: SOPDefinition

    init() throws {
        let result = SOPLoader().load(path: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path)
        sop = try #require(result.definition)
    }

    @Test("identity block as signed in 2024")
    func identity() {
        #expect(sop.id == "anak-jalanan")
        #expect(sop.nama == "Anak Jalanan")
        #expect(sop.unit.pemerintah == "Pemerintah Kota Tanjungpinang")
        #expect(sop.unit.dinas == "Dinas Sosial Kota Tanjungpinang")
        #expect(sop.tanggal?.pembuatan == CalendarDate(year: 2017, month: 2, day: 1))
        #expect(sop.tanggal?.revisi == CalendarDate(year: 2024, month: 2, day: 27))
        #expect(sop.tanggal?.efektif == CalendarDate(year: 2024, month: 3, day: 4))
        #expect(sop.disahkanOleh?.nip?.filter { $0 != " " }.count == 18)
        #expect(sop.dasarHukum.count == 6)
        #expect(sop.dasarHukum.contains { $0.contains("Undang-undang No. 23 Tahun 2002 Tentang Perlindungan Anak") })
        #expect(sop.keterkaitan.map(\.nama) == ["SOP Tunjangan Keluarga (Model C)"])
        #expect(sop.peralatan.count == 5)
        #expect(sop.sasaran == "Anak Jalanan")
        #expect(sop.biaya == "Anggaran APBD Kota Tanjungpinang")
        #expect(sop.jangkaWaktu?.deadline?.parts == [WaktuAmount(amount: 1, unit: .tahun)])
    }

    @Test("performer columns in the printed order")
    func performers() {
        #expect(sop.performers.map(\.nama) == ["Pimpinan SKPD", "Kabid", "Kasi", "Peksos", "Petugas"])
        #expect(sop.performer("kadis")?.answers(to: "Kadis") == true)
    }

    @Test("five steps with the seed's performers, modes, waktu and documents")
    func steps() {
        #expect(sop.steps.map(\.id) == ["perintah-spt", "disposisi-spt", "penjangkauan", "pendampingan", "support-group"])
        #expect(sop.steps.map { $0.performers.map(\.value) } == [
            ["kasi", "petugas"], ["kabid", "kadis"], ["kasi", "peksos", "petugas"], ["kasi", "peksos"],
            ["kadis", "kasi", "peksos", "petugas"],
        ])
        #expect(sop.steps[1].mode == .berurutan)
        #expect(sop.steps.map { $0.waktu?.raw } == ["15 menit", "15 Menit", "1 Hari", "2 Hari", "1 Hari"])
        #expect(sop.steps.map { $0.waktu?.deadline?.minutes() } == [15, 15, 450, 900, 450])
        #expect(sop.steps[0].mergedStart)
        #expect(sop.steps[4].mergedEnd)
        #expect(sop.steps[2].output.map(\.value).first == "Laporan Sosial anak Jalanan")
        #expect(sop.steps[3].kelengkapan.map(\.value) == ["Laporan Sosial anak Jalanan"])
    }

    @Test("the school-dropout decision is a rule on the boolean field putus_sekolah")
    func decision() throws {
        let field = try #require(sop.caseField("putus_sekolah"))
        #expect(field.type == .boolean)
        #expect(field.required)
        let decision = try #require(sop.steps[2].decision)
        #expect(decision.isRuleDecided)
        #expect(decision.outcomes.map(\.label) == ["Ya", "Tidak"])
        #expect(decision.outcomes.map(\.next.value) == [.step("pendampingan"), .step("support-group")])
        #expect(try decision.outcomes[0].rule?.value.evaluate(["putus_sekolah": .boolean(true)]) == true)
    }

    @Test("the monthly support group repeats over the completion period as one session for many cases")
    func recurringGroup() throws {
        let step = sop.steps[4]
        let recurrence = try #require(step.recurrence)
        #expect(recurrence.every.deadline?.parts == [WaktuAmount(amount: 1, unit: .bulan)])
        #expect(recurrence.during == nil)  // the SOP's jangka waktu: 1 tahun
        #expect(step.group?.attendance?.value == "Jumlah anak jalanan yang mengikuti kegiatan")
    }

    @Test("every shipped SOP carries the yaml-language-server modeline", arguments: FixtureTests.shipped)
    func modeline(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=../schema/sop.schema.json\n"))
    }

    @Test("the seed document is shipped unchanged")
    func seedShipped() throws {
        let shipped = try Data(contentsOf: TestPaths.root.appendingPathComponent("seeds/000_7faed4448c6f4d83.txt"))
        // The digest `sha256sum` gives for the seed in ../shared/seeds/ (also checks SOPKit's SHA-256).
        #expect(SHA256.hex([UInt8](shipped)) == "caf6fcd172d186b06587537d691c28a8a1a9085a00d40083dbfe709707f3727d")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
