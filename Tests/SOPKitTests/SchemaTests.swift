import Foundation
import Testing
@testable import SOPKit

@Suite("Schema and language reference")
struct SchemaTests {
    @Test("the committed schema is what `sop schema` generates")
    func committedSchemaIsCurrent() throws {
        let committed = try String(contentsOf: TestPaths.root.appendingPathComponent("schema/sop.schema.json"), encoding: .utf8)
        #expect(committed == JSONSchemaGenerator.schema().serialized() + "\n",
                "regenerate with: swift run sop schema > schema/sop.schema.json")
    }

    @Test("every key of the language is documented in docs/language.md")
    func everyKeyDocumented() throws {
        let doc = try String(contentsOf: TestPaths.root.appendingPathComponent("docs/language.md"), encoding: .utf8)
        for shape in LanguageCatalog.allShapes {
            for key in shape.keys {
                #expect(doc.contains("`\(key.name)`"), "docs/language.md does not document '\(key.name)' of \(shape.name)")
            }
        }
    }

    @Test("every diagnostic code the tests exercise is in docs/diagnostics.md")
    func everyCodeDocumented() throws {
        let doc = try String(contentsOf: TestPaths.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let sources = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.root.appendingPathComponent("Sources").path)
        var codes = Set<String>()
        for path in sources where path.hasSuffix(".swift") {
            let text = try String(contentsOf: TestPaths.root.appendingPathComponent("Sources/" + path), encoding: .utf8)
            let pattern = try Regex("\"(SOP[0-9]{3})\"")
            for match in text.matches(of: pattern) { codes.insert(String(text[match.range]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
        }
        #expect(codes.count > 30)
        for code in codes.sorted() {
            #expect(doc.contains(code), "docs/diagnostics.md does not explain \(code)")
        }
    }

    /// Runs the independent validator (python-jsonschema) when `.ci/run` provides it.
    @Test("an independent JSON Schema validator accepts the shipped SOPs and rejects structural mistakes",
          .enabled(if: ProcessInfo.processInfo.environment["SOP_SCHEMA_PYTHON"] != nil))
    func independentValidator() throws {
        let python = ProcessInfo.processInfo.environment["SOP_SCHEMA_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestPaths.root.appendingPathComponent("scripts/check-schema.py").path,
                             TestPaths.root.appendingPathComponent("schema/sop.schema.json").path, TestPaths.root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("sops/anak-jalanan.yaml: accepted"))
        #expect(output.contains("unknown-key.yaml: rejected"))
    }
}
