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

    static let scenarioFixtures = TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("scenarios"), ext: "yaml")
        .filter { SOPFolder.isScenarioFile($0.path) }

    @Test("every scenario fixture gives exactly its expected diagnostics", arguments: scenarioFixtures)
    func scenarioFixture(_ file: URL) {
        let expected = ExpectedDiagnostic.read(for: file)
        #expect(!expected.isEmpty, "fixture \(file.lastPathComponent) has no expectations")
        let run = ScenarioFile.run(path: file.path)
        let actual = (run.diagnostics + run.failures).map {
            ExpectedDiagnostic(severity: $0.severity.rawValue, code: $0.code, line: $0.location?.line ?? 0, column: $0.location?.column ?? 0)
        }
        #expect(actual == expected, "\(file.lastPathComponent): \((run.diagnostics + run.failures).map(\.message))")
    }

    @Test("SOP700: a case data file that does not exist is named, with no position (there is no file to point into)")
    func missingDataFile() {
        let diagnostics = CaseDataFile.read(path: "/no/such/case-data.yaml").diagnostics
        #expect(diagnostics.map(\.code) == ["SOP700"])
        #expect(diagnostics.first?.location == nil)
        #expect(diagnostics.first?.message == "'/no/such/case-data.yaml' does not exist")
    }

    /// Codes that no single fixture file can carry, and the test that asserts each.
    static let assertedElsewhere: [String: String] = [
        "SOP100": "CLITests (a file that does not exist)",
        "SOP107": "HazardTests (a file over the size cap, generated)",
        "SOP322": "RevisionTests (two definitions compared)",
        "SOP700": "FixtureTests.missingDataFile (a data file that does not exist)",
        "SOP233": "PrintedPageTests (a logo over 512 KiB, generated rather than committed)",
        "SOP610": "CalendarInstallTests (the warning depends on today's date and the calendar's end)",
        "SOP611": "CaseServiceRulesTests.zoneConflict (needs an office calendar beside the SOP)",
    ]

    /// Every code of docs/diagnostics.md, read from its tables, so a documented code cannot be left
    /// without a fixture.
    static var documentedCodes: [String] {
        let text = (try? String(contentsOf: TestPaths.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| SOP") else { return nil }
            return String(line.dropFirst(2).prefix { $0 != " " && $0 != "|" })
        }
    }

    @Test("every code in docs/diagnostics.md is asserted by a fixture (code, line, column)")
    func everyDocumentedCodeHasAFixture() throws {
        let documented = Self.documentedCodes
        #expect(documented.count > 70, "docs/diagnostics.md was not read")
        var asserted = Set(Self.invalid.flatMap { ExpectedDiagnostic.read(for: $0).map(\.code) })
        asserted.formUnion(Self.scenarioFixtures.flatMap { ExpectedDiagnostic.read(for: $0).map(\.code) })
        // Working calendars have their own fixtures, inline in WorkingCalendarTests.
        let calendarTests = try String(contentsOf: TestPaths.root.appendingPathComponent("Tests/SOPKitTests/WorkingCalendarTests.swift"), encoding: .utf8)
        for code in documented where code.hasPrefix("SOP6") && calendarTests.contains("\"\(code)\"") { asserted.insert(code) }
        for code in documented where !asserted.contains(code) {
            #expect(Self.assertedElsewhere[code] != nil, "no fixture asserts \(code) (docs/diagnostics.md documents it)")
        }
        // And no fixture expects a code the docs do not document.
        for code in asserted { #expect(documented.contains(code), "\(code) is asserted by a fixture but not documented") }
    }
}
