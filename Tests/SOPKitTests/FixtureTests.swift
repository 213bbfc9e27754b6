import Foundation
import Testing
@testable import SOPKit

/// One expected diagnostic: severity, code and position.
struct ExpectedDiagnostic: Hashable, CustomStringConvertible {
    var severity: String
    var code: String
    var line: Int
    var column: Int

    var description: String { "\(severity) \(code) \(line):\(column)" }

    /// Reads `# expect: error SOP201 4:1` lines from a fixture, or its `.expect` sidecar.
    static func read(for file: URL) -> [ExpectedDiagnostic] {
        let sidecar = file.deletingPathExtension().appendingPathExtension("expect")
        var lines: [String] = []
        if let text = try? String(contentsOf: sidecar, encoding: .utf8) {
            lines = text.split(separator: "\n").map { "# expect: " + $0 }
        } else if let data = FileManager.default.contents(atPath: file.path) {
            lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        return lines.compactMap { line in
            guard line.hasPrefix("# expect: ") else { return nil }
            let parts = line.dropFirst("# expect: ".count).split(separator: " ")
            guard parts.count == 3 else { return nil }
            let position = parts[2].split(separator: ":").compactMap { Int($0) }
            guard position.count == 2 else { return nil }
            return ExpectedDiagnostic(severity: String(parts[0]), code: String(parts[1]), line: position[0], column: position[1])
        }
    }
}

@Suite("Fixtures")
struct FixtureTests {
    static let invalid = TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("invalid"), ext: "yaml")
    static let valid = TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("valid"), ext: "yaml")
    static let shipped = TestPaths.files(in: TestPaths.sops, ext: "yaml").filter { !SOPFolder.isScenarioFile($0.path) }
    static let scenarios = TestPaths.files(in: TestPaths.sops, ext: "yaml").filter { SOPFolder.isScenarioFile($0.path) }

    @Test("every invalid fixture gives exactly its expected diagnostics", arguments: invalid)
    func invalidFixture(_ file: URL) {
        let expected = ExpectedDiagnostic.read(for: file)
        #expect(!expected.isEmpty, "fixture \(file.lastPathComponent) has no expectations")
        let result = SOPLoader().load(path: file.path)
        let actual = result.diagnostics.map {
            ExpectedDiagnostic(severity: $0.severity.rawValue, code: $0.code, line: $0.location?.line ?? 0,
                               column: $0.location?.column ?? 0)
        }
        #expect(actual == expected, "\(file.lastPathComponent): \(result.diagnostics.map(\.message))")
        // Every diagnostic names the file it is about.
        #expect(result.diagnostics.allSatisfy { $0.location?.file == file.path })
        if expected.contains(where: { $0.severity == "error" }) { #expect(result.definition == nil) }
    }

    @Test("valid fixtures load with no diagnostics", arguments: valid)
    func validFixture(_ file: URL) {
        let result = SOPLoader().load(path: file.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.location!): \($0.message)" })")
        #expect(result.definition != nil)
    }

    @Test("every shipped SOP loads clean", arguments: shipped)
    func shippedSOP(_ file: URL) {
        let result = SOPLoader().load(path: file.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.location!): \($0.message)" })")
        #expect(result.definition?.id == file.deletingPathExtension().lastPathComponent)
    }

    @Test("there is at least one invalid fixture per diagnostic family")
    func coverage() {
        let codes = Set(Self.invalid.flatMap { ExpectedDiagnostic.read(for: $0).map(\.code) })
        for code in ["SOP101", "SOP102", "SOP103", "SOP104", "SOP106", "SOP108", "SOP109", "SOP111", "SOP112", "SOP201", "SOP202",
                     "SOP203", "SOP204", "SOP205", "SOP206", "SOP301", "SOP302", "SOP303", "SOP304", "SOP305", "SOP306",
                     "SOP308", "SOP309", "SOP310", "SOP311", "SOP315", "SOP317", "SOP318", "SOP401", "SOP402", "SOP404",
                     "SOP501", "SOP502", "SOP503"] {
            #expect(codes.contains(code), "no fixture exercises \(code)")
        }
    }
}
