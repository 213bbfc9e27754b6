import Foundation
import Testing
@testable import SOPKit

/// Hostile or broken YAML must give a located diagnostic quickly, never a crash, a hang or a silent change.
@Suite("YAML hazards")
struct HazardTests {
    private func codes(_ text: String) -> [(String, Int, Int)] {
        SOPLoader().load(text: text, file: "x.yaml").diagnostics.map { ($0.code, $0.location?.line ?? 0, $0.location?.column ?? 0) }
    }

    @Test("an alias bomb is refused at its first anchor without expansion")
    func aliasBomb() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...30 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let found = codes(text)
        #expect(found.first.map { $0.0 } == "SOP103")
        #expect(found.first.map { "\($0.1):\($0.2)" } == "1:5")
        #expect(found.allSatisfy { $0.0 == "SOP103" })
    }

    @Test("an alias used as a mapping key is refused")
    func aliasAsKey() {
        let text = "base: &k [a, b]\nmap:\n  *k : value\n"
        let found = codes(text)
        #expect(found.map(\.0) == ["SOP103", "SOP103"])
        #expect(found.last.map { "\($0.1):\($0.2)" } == "3:3")
    }

    @Test("40,000 nested flow sequences are refused before libyaml parses them")
    func deepFlowNesting() {
        let text = "id: " + String(repeating: "[", count: 40_000) + String(repeating: "]", count: 40_000) + "\n"
        let found = codes(text)
        #expect(found.map(\.0) == ["SOP110"])
        #expect(found.first.map { "\($0.1):\($0.2)" } == "1:68")
    }

    @Test("40,000 nested block sequences on one line are refused")
    func deepBlockNesting() {
        let text = String(repeating: "- ", count: 40_000) + "x\n"
        #expect(codes(text).map(\.0) == ["SOP110"])
    }

    @Test("deep block mappings by indentation are refused")
    func deepIndentation() {
        var text = ""
        for depth in 0..<100 { text += String(repeating: " ", count: depth) + "k\(depth):\n" }
        let found = codes(text)
        #expect(found.map(\.0) == ["SOP110"])
        #expect(found.first.map(\.1) == 65)
    }

    @Test("a file over the size cap is refused at once")
    func hugeScalar() {
        let limits = YAMLLimits(maxBytes: 1024 * 1024)
        let text = "nama: " + String(repeating: "a", count: 2 * 1024 * 1024) + "\n"
        let result = SOPLoader(limits: limits).load(text: text, file: "big.yaml")
        #expect(result.diagnostics.map(\.code) == ["SOP107"])
    }

    @Test("YAML 1.1 booleans stay text where text is expected")
    func yaml11BooleansStayText() throws {
        let text = """
        id: contoh
        nama: no
        nomor: NO
        unit:
          dinas: yes
        sasaran: on
        pelaksana:
          - id: staf
            nama: off
        langkah:
          - id: kerjakan
            uraian: y
            pelaksana: staf
        """
        let sop = try #require(SOPLoader().load(text: text).definition)
        #expect(sop.nama == "no")
        #expect(sop.nomor == "NO")
        #expect(sop.unit.dinas == "yes")
        #expect(sop.sasaran == "on")
        #expect(sop.performers.first?.nama == "off")
        #expect(sop.steps.first?.uraian == "y")
    }

    @Test("numbers and dates written plainly stay exactly as written")
    func scalarsKeepTheirText() throws {
        let text = """
        id: contoh
        nama: 007
        nomor: 1.50
        unit:
          dinas: 2024-03-04
        disahkan_oleh:
          jabatan: Kepala
          nama: Nama
          nip: 196607201993022008
        pelaksana:
          - id: staf
            nama: Staf
        langkah:
          - id: kerjakan
            uraian: Mengerjakan
            pelaksana: staf
        """
        let sop = try #require(SOPLoader().load(text: text).definition)
        #expect(sop.nama == "007")
        #expect(sop.nomor == "1.50")
        #expect(sop.unit.dinas == "2024-03-04")
        #expect(sop.disahkanOleh?.nip == "196607201993022008")
    }

    @Test("CRLF line endings and a byte-order mark load like plain LF")
    func crlfAndBOM() throws {
        let text = "\u{FEFF}id: contoh\r\nnama: Contoh\r\nunit:\r\n  dinas: Dinas\r\npelaksana:\r\n  - id: staf\r\n    nama: Staf\r\nlangkah:\r\n  - id: kerjakan\r\n    uraian: Mengerjakan\r\n    pelaksana: staf\r\n"
        let result = SOPLoader().load(text: text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.definition?.steps.first?.uraian == "Mengerjakan")
    }

    @Test("block scalars may hold characters that are syntax elsewhere")
    func blockScalarContent() throws {
        let text = """
        id: contoh
        nama: Contoh
        unit:
          dinas: Dinas
        pelaksana:
          - id: staf
            nama: Staf
        langkah:
          - id: kerjakan
            uraian: |
              *catatan* [penting] {a: b} & 'kutip
              - bukan daftar
            pelaksana: staf
        """
        let sop = try #require(SOPLoader().load(text: text).definition)
        #expect(sop.steps.first?.uraian == "*catatan* [penting] {a: b} & 'kutip\n- bukan daftar\n")
    }

    @Test("random bytes never crash the loader and every diagnostic has a position")
    func randomBytes() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("ab: -[]{}&*!|>'\"#\n\t ,?%@`~\\".utf8) + [0xC3, 0xA9, 0xFF, 0x00]
        for _ in 0..<3000 {
            let length = Int(generator.next() % 80)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let result = SOPLoader().load(bytes: bytes, file: "r.yaml", validator: SOPValidator())
            for d in result.diagnostics {
                #expect(d.location != nil, "unlocated: \(d.message) for \(bytes)")
            }
        }
    }
}
