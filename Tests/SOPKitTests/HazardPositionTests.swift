import Foundation
import Testing
@testable import SOPKit

/// Every diagnostic position is exact: hazards inserted at random lines of the shipped SOPs (after
/// runs of comment lines, in files with CRLF line ends and with a byte order mark) are reported at
/// the line and column where they were put. Issue 14 finding 6: a tab after two comment lines was
/// reported two lines too early (each comment line swallowed the next one). Hazards are also put
/// inside and right after the block scalars (`|`, `>`) of the shipped files: there the positions were
/// right, but a tab before the scalar's indentation was libyaml's SOP101 instead of SOP109.
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

    /// The shipped SOP and scenario files that hold a literal (`|`) or folded (`>`) block scalar.
    static let blockScalarFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.sops.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().filter { name in
            let text = (try? String(contentsOf: TestPaths.sops.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return !blockScalars(in: text.components(separatedBy: "\n")).isEmpty
        }
    }()

    /// A block scalar of a file: the header line (`key: |` or `key: >-`), the indentation of that line
    /// and of the scalar's content, and the last content line (all indices from 0).
    struct BlockScalar {
        var header: Int
        var headerIndent: Int
        var contentIndent: Int
        var last: Int
    }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    static func blockScalars(in lines: [String]) -> [BlockScalar] {
        var found: [BlockScalar] = []
        var i = 0
        while i < lines.count {
            let trimmed = lines[i].trimmingCharacters(in: .whitespaces)
            let value = trimmed.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !trimmed.hasPrefix("#"), value.wholeMatch(of: /(.*(: |- ))?[|>][-+1-9]{0,2}/) != nil else { i += 1; continue }
            let headerIndent = indentation(lines[i])
            var j = i + 1, last: Int?, contentIndent: Int?
            while j < lines.count {
                if lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1; continue }
                guard indentation(lines[j]) > headerIndent else { break }
                if contentIndent == nil { contentIndent = indentation(lines[j]) }
                last = j
                j += 1
            }
            if let last, let contentIndent {
                found.append(BlockScalar(header: i, headerIndent: headerIndent, contentIndent: contentIndent, last: last))
            }
            i = j
        }
        return found
    }

    /// The first error of loading a file's bytes: an SOP through the loader and validator, a scenario
    /// through the composer and the scenario loader.
    static func firstError(_ bytes: [UInt8], name: String) -> Diagnostic? {
        if name.hasSuffix(".skenario.yaml") {
            let composed = YAMLComposer().compose(bytes, file: name)
            var diagnostics = composed.diagnostics
            if let root = composed.root { diagnostics += ScenarioLoader().build(root, file: name).diagnostics }
            return diagnostics.first { $0.severity == .error }
        }
        let stem = String(name.dropLast(".yaml".count))
        return SOPLoader().load(bytes: bytes, file: name,
                                validator: SOPValidator(folderSOPIDs: [stem], fileStem: stem))
            .diagnostics.first { $0.severity == .error }
    }

    @Test("a hazard inside a block scalar, or on the line right after it, in LF, CRLF and BOM files, is reported where it is",
          arguments: blockScalarFiles)
    func hazardsInBlockScalars(_ name: String) throws {
        let text = try String(contentsOf: TestPaths.sops.appendingPathComponent(name), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let scalars = Self.blockScalars(in: lines)
        #expect(!scalars.isEmpty)
        var random = FlowCheckTests.Random(state: UInt64(name.count) * 104_729)
        for round in 0..<80 {
            let scalar = scalars[random.next(scalars.count)]
            // Inside: before any content line (the first included); after: right after the last one.
            let inside = round % 2 == 0
            let at = inside ? scalar.header + 1 + random.next(scalar.last - scalar.header) : scalar.last + 1
            let spaces = random.next(scalar.contentIndent) // fewer than the content's indentation
            let pad = { (n: Int) in [UInt8](repeating: 0x20, count: n) }
            let hazards: [(String, [UInt8], String, Int)] = [
                ("tab after \(spaces) spaces", pad(spaces) + Array("\tcatatan: x".utf8), "SOP109", spaces + 1),
                ("blank line with a tab after \(spaces) spaces", pad(spaces) + [0x09], "SOP109", spaces + 1),
                ("bad byte in content", pad(scalar.contentIndent) + Array("ab".utf8) + [0xFF] + Array(" cd".utf8),
                 "SOP108", scalar.contentIndent + 3),
                ("bad byte after # in content", pad(scalar.contentIndent) + Array("# ab".utf8) + [0xFF],
                 "SOP108", scalar.contentIndent + 5),
                ("bad byte in a comment at column 1", Array("# ab".utf8) + [0xFF] + Array(" cd".utf8), "SOP108", 5),
            ]
            let (what, line, code, column) = hazards[(round / 2) % hazards.count]
            let crlf = round % 3 == 1, bom = round % 5 == 2
            var out: [[UInt8]] = lines.map { Array($0.utf8) }
            out.insert(line, at: at)
            let newline: [UInt8] = crlf ? [0x0D, 0x0A] : [0x0A]
            var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
            for (i, line) in out.enumerated() {
                bytes += line
                if i < out.count - 1 { bytes += newline }
            }
            let first = Self.firstError(bytes, name: name)
            let context = "\(name) round \(round): \(what) \(inside ? "inside" : "right after") the block scalar of line \(scalar.header + 1), at line \(at + 1)\(crlf ? ", CRLF" : "")\(bom ? ", BOM" : "")"
            let reported = "\(first?.code ?? "no error") at \(first?.location.map(String.init(describing:)) ?? "nowhere"): \(first?.message ?? "")"
            #expect(first?.code == code, "\(context): \(reported)")
            #expect(first?.location?.line == at + 1, "\(context): \(reported)")
            #expect(first?.location?.column == column, "\(context): \(reported)")
        }
    }

    @Test("the block scalars of the shipped files are found (the SOP's folded uraian and the scenarios' keterangan)")
    func blockScalarsFound() {
        #expect(Self.blockScalarFiles.contains("anak-jalanan.yaml"))
        #expect(Self.blockScalarFiles.contains { $0.hasSuffix(".skenario.yaml") })
    }

    @Test("a tab inside a block scalar's content, past its indentation, is text, not indentation")
    func tabsThatAreContent() {
        for text in ["a: |\n  x\n  \ty\n", "a: >-\n  x\n\n  \t\n  y\nb: 1\n", "a: |2\n  \tx\nb: 1\n", "- |1\n  \tx\n"] {
            let composed = YAMLComposer().compose(text)
            #expect(composed.diagnostics.isEmpty, "\(text.debugDescription): \(composed.diagnostics.map(\.code))")
            #expect(composed.root != nil)
        }
    }

    @Test("a tab after two comment lines is reported at its own line (finding 6)")
    func tabAfterComments() {
        let text = "id: tab\nnama: Contoh\nunit:\n  dinas: Dinas\npelaksana:\n  - id: staf\n    # satu\n    # dua\n\tnama: Staf\nlangkah:\n  - id: a\n    uraian: A\n    pelaksana: staf\n"
        let d = SOPLoader().load(text: text, file: "tab.yaml").diagnostics
        #expect(d.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["SOP109 9:1"])
    }
}
