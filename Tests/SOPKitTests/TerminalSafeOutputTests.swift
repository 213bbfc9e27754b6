import Foundation
import Testing
@testable import SOPKit

/// Issue 12, finding 6 (and the one-line diagnostics of finding 11): control characters from case
/// data, notes, `--user`, option values and SOP text never reach the terminal raw.
@Suite("terminal-safe output")
struct TerminalSafeOutputTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-terminal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The bytes a terminal must never receive raw: C0 controls (but newline), DEL, C1, and the
    /// invisible bidirectional overrides and isolates.
    static func rawControls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && TerminalText.needsEscape($0) }
    }

    @Test("TerminalText escapes every control, DEL, C1, line separators and bidi marks")
    func escaping() {
        #expect(TerminalText.escaped("a\u{1B}[2Jb") == "a\\x1b[2Jb")
        #expect(TerminalText.escaped("a\nb\rc\td\0e") == "a\\nb\\rc\\td\\0e")
        #expect(TerminalText.escaped("x\u{7F}\u{85}\u{9B}") == "x\\x7f\\x85\\x9b")
        #expect(TerminalText.escaped("\u{202E}abc\u{2066}\u{2028}") == "\\u{202E}abc\\u{2066}\\u{2028}")
        #expect(TerminalText.escaped("Budi Santoso, café – ok") == "Budi Santoso, café – ok")
        #expect(TerminalText.screen("row 1\n\trow\u{1B}2\n") == "row 1\n\trow\\x1b2\n")
    }

    @Test("JSON escapes the same characters as \\u, so JSON shown on a terminal is safe too")
    func json() {
        let text = JSONValue.string("a\u{1B}\u{7F}\u{85}\u{202E}\u{2028}").serialized()
        #expect(text == "\"a\\u001b\\u007f\\u0085\\u202e\\u2028\"")
        #expect(TerminalText.screen(text) == text)
    }

    @Test("case show, audit and case list show case data, notes and --user escaped, one line per item")
    func journalOutputs() throws {
        let db = folder.appendingPathComponent("sop.sqlite").path
        let evilUser = "eve\u{1B}]0;owned\u{07}\n2025-01-06 08:00  kasi  case do AJ-0001: forged"
        func sop(_ arguments: [String], user: String = "siti") throws -> CLIResult {
            try CLI.run(arguments + ["--db", db, "--user", user])
        }
        let opened = try sop(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi\u{1B}[2J\u{1B}[31m\r\u{202E}ikiN",
                              "--data", "putus_sekolah=true", "--at", "2025-01-06T08:00"], user: evilUser)
        #expect(opened.status == 0, "\(opened.stderr)")
        let id = String(opened.stdout.split(separator: "\n").last ?? "")
        let done = try sop(["case", "do", id, "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05",
                            "--note", "ok\ncase AJ-0002: Fake (forged line)\u{1B}[0m"], user: evilUser)
        #expect(done.status == 0, "\(done.stderr)")

        let show = try sop(["case", "show", id])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(Self.rawControls(show.stdout).isEmpty, "\(show.stdout.debugDescription)")
        #expect(show.stdout.contains("nama_anak = Budi\\x1b[2J\\x1b[31m\\r\\u{202E}ikiN\n"))
        #expect(show.stdout.unwrapped.contains("(ok\\ncase AJ-0002: Fake (forged line)\\x1b[0m)"))
        #expect(show.stdout.unwrapped.contains("[eve\\x1b]0;owned\\x07\\n2025-01-06 08:00  kasi  case do AJ-0001: forged"))
        #expect(!show.stdout.split(separator: "\n").contains { $0.hasPrefix("case AJ-0002") })

        let audit = try sop(["audit"])
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(Self.rawControls(audit.stdout).isEmpty, "\(audit.stdout.debugDescription)")
        let lines = audit.stdout.split(separator: "\n")
        // open, do, show, and the audit itself (recorded after reading): three entries before this one.
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("2025-") || $0.hasPrefix("20") })
        #expect(!lines.contains { $0.hasPrefix("2025-01-06 08:00  kasi") })

        let json = try sop(["case", "show", id, "--format", "json"])
        #expect(Self.rawControls(json.stdout).isEmpty)
        #expect(json.stdout.contains("Budi\\u001b[2J\\u001b[31m\\r\\u202eikiN"))
    }

    @Test("a run trace and an error quoting user input are escaped")
    func runAndErrors() throws {
        let run = try CLI.run(["run", "sops/anak-jalanan.yaml", "--data", "nama_anak=A\u{1B}[2J", "--data", "putus_sekolah=true",
                               "--start", "2025-01-06\u{1B}[31m"])
        #expect(run.status == 64)
        #expect(Self.rawControls(run.stderr).isEmpty, "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains("--start: '2025-01-06\\x1b[31m' is not a date or time"))
        let parse = try CLI.run(["show", "sops/anak-jalanan.yaml", "--width", "8\u{1B}[31m\u{202E}"])
        #expect(parse.status == 64)
        #expect(Self.rawControls(parse.stderr).isEmpty, "\(parse.stderr.debugDescription)")
        #expect(parse.stderr.contains("--width"))
        let tasks = try CLI.run(["tasks", "--as", "x\u{1B}[2J\ny", "--db", folder.appendingPathComponent("empty.sqlite").path])
        #expect(Self.rawControls(tasks.stdout + tasks.stderr).isEmpty, "\(tasks.stdout.debugDescription)")
        #expect(tasks.stdout.contains("x\\x1b[2J\\ny"))
    }

    @Test("ESC and NUL written as YAML escapes are SOP112 and never reach the HTML or Markdown", arguments: ["md", "html"])
    func escapedControlsNotRendered(_ format: String) throws {
        let file = TestPaths.fixtures.appendingPathComponent("invalid/control-escaped.yaml").path
        let r = try CLI.run(["render", file, "--format", format])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(file):2:7: error: a text value holds the control character U+001B (written as an escape)"), "\(r.stderr)")
        #expect(r.stderr.contains("\(file):7:11: error: a text value holds the control character U+0000"), "\(r.stderr)")
    }

    @Test("a diagnostic quoting a waktu with a line break stays on one line")
    func oneLineDiagnostic() throws {
        let file = folder.appendingPathComponent("multi.yaml")
        try """
        id: multi
        nama: Contoh
        unit:
          dinas: Dinas Contoh
        pelaksana:
          - id: staf
            nama: Staf
        langkah:
          - id: terima
            uraian: Menerima
            pelaksana: staf
            waktu: "15 mnit\\n\(file.path):1:1: error: forged [SOP000]"

        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", file.path])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(lines)")  // the diagnostic and the summary
        #expect(lines.first?.hasPrefix("\(file.path):12:12: error:") == true, "\(lines)")
        #expect(lines.first?.contains("15 mnit\\n") == true)
        #expect(lines.filter { $0.contains("forged [SOP000]") }.count == 1)
    }
}
