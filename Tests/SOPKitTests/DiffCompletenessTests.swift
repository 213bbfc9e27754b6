import Foundation
import Testing
@testable import SOPKit

/// `sop diff` misses nothing: every one-line edit of a shipped SOP that changes the model (the
/// loaded definitions differ, compared by their synthesized equality, which covers every stored
/// field) gives a non-empty diff that names the edited key, and every edit that does not change the
/// model gives an empty one. The edits keep every line in place (a line is commented out rather
/// than deleted), so the source positions of both definitions agree and equality is a fair oracle.
@Suite("sop diff compares the whole model")
struct DiffCompletenessTests {
    /// One edit of one line.
    struct Edit: CustomStringConvertible {
        var line: Int
        var key: String?
        var parentKeys: [String]
        var text: String
        var description: String { "line \(line + 1) (\(key ?? parentKeys.last ?? "?")): \(text)" }
    }

    /// The key of a `key: value` line, and its value without a trailing comment.
    static func split(_ line: String) -> (indent: Int, key: String?, value: String)? {
        var body = Substring(line)
        let indent = body.prefix { $0 == " " }.count
        body = body.dropFirst(indent)
        if body.hasPrefix("#") || body.isEmpty { return nil }
        if body.hasPrefix("- ") { body = body.dropFirst(2) }
        var key: String?
        if let colon = body.range(of: ": "), body[..<colon.lowerBound].allSatisfy({ $0.isLetter || $0 == "_" }) {
            key = String(body[..<colon.lowerBound])
            body = body[colon.upperBound...]
        } else if body.hasSuffix(":") {
            return (indent, String(body.dropLast()), "")
        }
        var value = String(body)
        if let hash = value.range(of: " #"), !value.hasPrefix("\"") { value = String(value[..<hash.lowerBound]) }
        return (indent, key, value.trimmingCharacters(in: .whitespaces))
    }

    /// Every edit of `text`: each line commented out, and each scalar value changed.
    static func edits(of text: String) -> [Edit] {
        let lines = text.components(separatedBy: "\n")
        var out: [Edit] = []
        var stack: [(indent: Int, key: String)] = []
        for (i, line) in lines.enumerated() {
            guard let (indent, key, value) = split(line) else { continue }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            let parents = stack.map(\.key)
            if let key { stack.append((indent, key)) }
            func edit(_ newLine: String) {
                var copy = lines
                copy[i] = newLine
                out.append(Edit(line: i, key: key, parentKeys: parents, text: copy.joined(separator: "\n")))
            }
            edit(String(repeating: " ", count: indent) + "#")
            guard !value.isEmpty, !value.hasPrefix("|"), !value.hasPrefix(">"), !value.hasPrefix("{") else { continue }
            let prefix = line[..<line.range(of: value)!.lowerBound]
            let changed: String
            if value == "true" { changed = "false" } else if value == "false" { changed = "true" }
            else if value.hasPrefix("["), value.hasSuffix("]") {
                // A flow sequence: drop its last element.
                var items = value.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if items.isEmpty { continue }
                items.removeLast()
                changed = "[" + items.joined(separator: ", ") + "]"
            } else if let last = value.last, let d = last.wholeNumberValue { changed = String(value.dropLast()) + String((d + 1) % 10) }
            else if value.hasSuffix("\"") { changed = String(value.dropLast()) + "x\"" }
            else { changed = value + "x" }
            edit(prefix + changed)
        }
        return out
    }

    /// The names a change may use for a key: the key, or the SOP-terms word for it.
    static let synonyms: [String: [String]] = [
        "pertanyaan": ["keputusan"], "label": ["outcome", "label"], "hasil": ["outcome"],
        "pelaksana": ["pelaksana", "performer"], "langkah": ["step"], "lanjut": ["lanjut", "outcome"],
        "jika": ["rule", "jika"], "nama": ["nama", "renamed", "keterkaitan", "data_kasus"], "id": ["id", "step '", "performer '", "keterkaitan"],
        "sop": ["sop", "keterkaitan"], "setiap": ["berulang"], "selama": ["berulang"], "kehadiran": ["kelompok"],
        "pembuatan": ["tanggal"], "revisi": ["tanggal"], "efektif": ["tanggal"],
    ]

    static func names(_ edit: Edit, in diff: SOPDiff) -> Bool {
        let key = edit.key ?? edit.parentKeys.last ?? ""
        var words = [key] + (synonyms[key] ?? [])
        // A list item or a mapping under a key is named by that key.
        if edit.key == nil || ["pelaksana", "data_kasus"].contains(edit.parentKeys.last ?? "") {
            for parent in edit.parentKeys.suffix(1) { words += [parent] + (synonyms[parent] ?? []) }
        }
        return diff.changes.contains { c in words.contains { !$0.isEmpty && (c.subject.contains($0) || c.kind.contains($0)) } }
    }

    @Test("every one-line edit of a shipped SOP: a changed model gives a diff naming the key, an unchanged one none",
          arguments: ["anak-jalanan", "pembuatan-duk", "rekomendasi-reaktivasi-pbi"])
    func everyEdit(_ name: String) throws {
        let path = TestPaths.sops.appendingPathComponent("\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let original = try #require(SOPLoader().load(text: text, file: path).definition)
        var changedModels = 0
        for edit in Self.edits(of: text) {
            guard let mutated = SOPLoader().load(text: edit.text, file: path).definition else { continue }
            let diff = SOPDiff(old: original, new: mutated)
            if mutated == original {
                #expect(diff.isEmpty, "\(edit): the model did not change but the diff says \(diff.changes.map(\.subject))")
            } else {
                changedModels += 1
                #expect(!diff.isEmpty, "\(edit): the model changed and the diff is empty")
                #expect(diff.isEmpty || Self.names(edit, in: diff), "\(edit): the diff does not name the key: \(diff.changes.map(\.subject))")
            }
        }
        #expect(changedModels > 50)
    }

    @Test("a field the SOP-terms comparison does not word is still reported, under its YAML path")
    func structuralBackstop() throws {
        let old = try #require(SOPLoader().load(path: TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path).definition)
        var new = old
        let i = try #require(old.steps.firstIndex { $0.decision != nil })
        new.steps[i].decision?.unparsedRules = 3
        let diff = SOPDiff(old: old, new: new)
        #expect(diff.changes.map(\.subject) == ["langkah[\(old.steps[i].id)].keputusan.unparsed_rules"])
    }

    /// The five one-line edits of issue 14 finding 1, each of which `sop diff` used to call equal.
    static let findingOne: [(String, String, String)] = [
        ("waktu.hari", "  hari: kerja ", "  hari: kalender "),
        ("sensitif", "    sensitif: true\n    label: Nama anak", "    label: Nama anak"),
        ("wajib", "    wajib: true\n", ""),
        ("alias", "[Kepala Seksi, Kasie]", "[Kepala Seksi]"),
        ("mulai", "    mulai: true ", "    # "),
    ]

    @Test("sop diff reports each of the five edits of finding 1 with exit 1", arguments: 0..<5)
    func findingOneEdits(_ index: Int) throws {
        let (name, from, to) = Self.findingOne[index]
        let path = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        let range = try #require(text.range(of: from), "edit \(name) does not apply")
        let edited = text.replacingCharacters(in: range, with: to)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("anak-jalanan.yaml")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["diff", path.path, file.path])
        #expect(r.status == 1, "\(name): \(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains(name == "waktu.hari" ? "waktu.hari: kerja → kalender" : name), "\(name): \(r.stdout)")
    }
}
