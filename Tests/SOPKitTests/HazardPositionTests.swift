import Foundation
import Testing
@testable import SOPKit

/// Every diagnostic position is exact: hazards inserted at random lines of the shipped SOPs (after
/// runs of comment lines, in files with CRLF line ends and with a byte order mark) are reported at
/// the line and column where they were put. Issue 14 finding 6: a tab after two comment lines was
/// reported two lines too early (each comment line swallowed the next one).
@Suite("Exact positions of hazards in real files")
struct HazardPositionTests {
    enum Hazard: CaseIterable {
        /// A line indented with a tab: SOP109 at column 1.
        case tab
        /// A comment holding a byte that is not UTF-8: SOP108 at its column.
        case badByte

        var line: [UInt8] {
            switch self {
            case .tab: Array("\tcatatan: x".utf8)
            case .badByte: Array("# ab".utf8) + [0xFF] + Array(" cd".utf8)
            }
        }
        var expected: (code: String, column: Int) {
            switch self {
            case .tab: ("SOP109", 1)
            case .badByte: ("SOP108", 5)
            }
        }
    }

    static let files = ["anak-jalanan", "pembuatan-duk", "rekomendasi-reaktivasi-pbi"]

    @Test("a hazard at a random top-level line, after comments, in LF, CRLF and BOM files, is reported where it is",
          arguments: files)
    func hazards(_ name: String) throws {
        let text = try String(contentsOf: TestPaths.sops.appendingPathComponent("\(name).yaml"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        // Lines that start a top-level key: never inside a block scalar or a flow collection.
        let anchors = lines.indices.filter { i in
            guard let first = lines[i].unicodeScalars.first else { return false }
            return first.properties.isLowercase && lines[i].contains(":")
        }
        #expect(anchors.count > 5)
        var random = FlowCheckTests.Random(state: UInt64(name.count) * 7919)
        for round in 0..<60 {
            let hazard = Hazard.allCases[round % Hazard.allCases.count]
            let anchor = anchors[random.next(anchors.count)]
            let comments = random.next(4)
            let crlf = round % 3 == 1, bom = round % 4 == 2
            var out: [[UInt8]] = lines.map { Array($0.utf8) }
            let inserted = Array(repeating: Array("# a comment line".utf8), count: comments) + [hazard.line]
            out.insert(contentsOf: inserted, at: anchor)
            let newline: [UInt8] = crlf ? [0x0D, 0x0A] : [0x0A]
            var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
            for (i, line) in out.enumerated() {
                bytes += line
                if i < out.count - 1 { bytes += newline }
            }
            let result = SOPLoader().load(bytes: bytes, file: "\(name).yaml",
                                          validator: SOPValidator(folderSOPIDs: [name], fileStem: name))
            let first = result.diagnostics.first { $0.severity == .error }
            let expectedLine = anchor + comments + 1
            let what = "\(name) round \(round): \(hazard) after \(comments) comment line(s) at line \(expectedLine)\(crlf ? ", CRLF" : "")\(bom ? ", BOM" : "")"
            #expect(first?.code == hazard.expected.code, "\(what): \(result.diagnostics.map { "\($0.code) \($0.location.map(String.init(describing:)) ?? "")" })")
            #expect(first?.location?.line == expectedLine, "\(what): reported at \(first?.location.map(String.init(describing:)) ?? "nowhere")")
            #expect(first?.location?.column == hazard.expected.column, "\(what): reported at \(first?.location.map(String.init(describing:)) ?? "nowhere")")
        }
    }

    @Test("a tab after two comment lines is reported at its own line (finding 6)")
    func tabAfterComments() {
        let text = "id: tab\nnama: Contoh\nunit:\n  dinas: Dinas\npelaksana:\n  - id: staf\n    # satu\n    # dua\n\tnama: Staf\nlangkah:\n  - id: a\n    uraian: A\n    pelaksana: staf\n"
        let d = SOPLoader().load(text: text, file: "tab.yaml").diagnostics
        #expect(d.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["SOP109 9:1"])
    }
}
