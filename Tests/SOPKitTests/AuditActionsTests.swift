import Foundation
import Testing
@testable import SOPJournal

/// Every action the sources record in the audit trail is known as a read or a write, so nothing
/// that treats reads apart (re-migration) can miss one.
@Suite("Audit actions")
struct AuditActionsTests {
    @Test("every audited action in the sources is a read or a write, and none is both")
    func classified() throws {
        #expect(AuditActions.reads.isDisjoint(with: AuditActions.writes))
        let sources = TestPaths.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        let pattern = try Regex(#"(?:action: |auditRead\(|recordRead\(|auditingRefusal\(|recordRefusal\()"([^"\\]+)""#)
        var found = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { found.insert(String(name)) }
            }
        }
        #expect(found.count >= 8, "found only \(found.sorted())")
        let unknown = found.subtracting(AuditActions.reads).subtracting(AuditActions.writes)
        #expect(unknown.isEmpty, "actions neither read nor write: \(unknown.sorted())")
    }
}
