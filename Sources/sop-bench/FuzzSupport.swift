import Foundation
import SOPKit

/// The seed corpora and dictionary of the fuzz targets (scripts/fuzz.sh), and the post-run check
/// that replays every input in a release build: a crash, a hang (over 100 ms for an input under
/// 64 KB) or an unlocated error diagnostic is a finding.
enum FuzzSupport {
    // MARK: Seeds

    /// Writes the seed corpora: `loaderDir` for the SOP loader, `scenarioDir` for the scenario loader.
    static func writeSeeds(repo: String, loaderDir: String, scenarioDir: String) -> (loader: Int, scenario: Int) {
        let fm = FileManager.default
        for dir in [loaderDir, scenarioDir] { try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        var loaderCount = 0, scenarioCount = 0
        func seed(_ dir: String, _ name: String, _ bytes: [UInt8]) {
            let path = dir + "/" + name
            guard fm.createFile(atPath: path, contents: Data(bytes)) else { fail("cannot write \(path)") }
            if dir == loaderDir { loaderCount += 1 } else { scenarioCount += 1 }
        }
        func both(_ name: String, _ bytes: [UInt8]) {
            seed(loaderDir, name, bytes)
            seed(scenarioDir, name, bytes)
        }

        // Every shipped SOP and scenario, every fixture, and mutations of each shipped file.
        let sopsDir = repo + "/sops"
        let shipped = ((try? fm.contentsOfDirectory(atPath: sopsDir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        if shipped.isEmpty { fail("no shipped SOPs in \(sopsDir)") }
        for name in shipped {
            guard let data = fm.contents(atPath: sopsDir + "/" + name) else { continue }
            let bytes = [UInt8](data)
            let isScenario = name.contains(".skenario.")
            let dir = isScenario ? scenarioDir : loaderDir
            seed(dir, "shipped-" + name, bytes)
            for (i, mutant) in mutations(of: bytes).enumerated() {
                seed(dir, "mut-\(i)-" + name, mutant)
            }
        }
        for sub in ["valid", "invalid"] {
            let dir = repo + "/Tests/SOPKitTests/Fixtures/" + sub
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where name.hasSuffix(".yaml") {
                if let data = fm.contents(atPath: dir + "/" + name) { seed(loaderDir, "fixture-\(sub)-" + name, [UInt8](data)) }
            }
        }
        seed(loaderDir, "generated-10.yaml", Array(Generator.sop(id: "generated-10", steps: 10).utf8))
        seed(loaderDir, "generated-60.yaml", Array(Generator.sop(id: "generated-60", steps: 60).utf8))
        seed(scenarioDir, "generated-scenario.yaml", Array(Generator.scenario(sop: "anak-jalanan").utf8))

        // Hostile YAML, for both targets.
        for (name, text) in hostile() { both(name, Array(text.utf8)) }
        for (name, bytes) in hostileBytes() { both(name, bytes) }
        return (loaderCount, scenarioCount)
    }

    /// Deterministic mutations of a shipped file: each breaks it in one of the ways authors and
    /// other tools do.
    static func mutations(of bytes: [UInt8]) -> [[UInt8]] {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let n = lines.count
        func join(_ ls: [String]) -> [UInt8] { Array((ls.joined(separator: "\n") + "\n").utf8) }
        var out: [[UInt8]] = []
        // Truncations.
        for fraction in [0.25, 0.5, 0.75] { out.append(Array(bytes.prefix(Int(Double(bytes.count) * fraction)))) }
        // A line deleted, a line duplicated (a duplicate key), two lines swapped.
        for k in stride(from: 3, to: n, by: max(1, n / 6)) {
            var d = lines; d.remove(at: k); out.append(join(d))
            var dup = lines; dup.insert(lines[k], at: k); out.append(join(dup))
            if k + 1 < n { var s = lines; s.swapAt(k, k + 1); out.append(join(s)) }
        }
        // Indentation broken: a tab, one space more, one less.
        if let k = lines.firstIndex(where: { $0.hasPrefix("  ") }) {
            var t = lines; t[k] = "\t" + t[k].dropFirst(2); out.append(join(t))
            var m = lines; m[k] = " " + m[k]; out.append(join(m))
            var l = lines; l[k] = String(l[k].dropFirst()); out.append(join(l))
        }
        // YAML 1.1 booleans, anchors and aliases (also as a key), tags, a BOM, CRLF, a second document.
        out.append(Array(text.replacingOccurrences(of: ": true", with: ": yes").replacingOccurrences(of: ": false", with: ": off").utf8))
        out.append(Array(text.replacingOccurrences(of: "true", with: "Y").utf8))
        if let k = lines.firstIndex(where: { $0.contains(": ") && !$0.hasPrefix("#") }) {
            var a = lines
            a[k] = a[k].replacingOccurrences(of: ": ", with: ": &anchor ")
            a.append("alias: *anchor")
            a.append("*anchor : as a key")
            out.append(join(a))
            var t = lines; t[k] = t[k].replacingOccurrences(of: ": ", with: ": !custom "); out.append(join(t))
            var b = lines; b[k] = b[k].replacingOccurrences(of: ": ", with: ": !!binary "); out.append(join(b))
            var m = lines; m.insert("<<: {merge: 1}", at: k); out.append(join(m))
        }
        out.append([0xEF, 0xBB, 0xBF] + bytes)
        out.append(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        out.append(bytes + Array("---\nid: second\n".utf8))
        // Invalid UTF-8 in a value, in a key and in a comment.
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            var u = bytes; u.insert(contentsOf: [0xC3, 0x28], at: colon + 2); out.append(u)
            var k = bytes; k.insert(contentsOf: [0xFF], at: colon - 1); out.append(k)
        }
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            var c = bytes; c.insert(contentsOf: [0xED, 0xA0, 0x80], at: hash + 1); out.append(c)
        }
        // References broken: a step id, a performer, a document, a waktu, a rule, a date.
        for (from, to) in [("lanjut: ", "lanjut: tidak-ada-"), ("pelaksana: [", "pelaksana: [siapa, "),
                           ("kelengkapan: ", "kelengkapan: Dokumen Hilang "), ("waktu: ", "waktu: kira2 "),
                           ("jika: ", "jika: umur >> "), ("2024-", "2024-13-"), ("mode: ", "mode: acak"),
                           ("setiap: ", "setiap: 0 "), ("- id: ", "- id: Bad Id "), ("id: ", "idd: ")] {
            if let range = text.range(of: from) {
                out.append(Array(text.replacingCharacters(in: range, with: to).utf8))
            }
        }
        return out
    }

    /// Hostile texts: alias bombs, deep nesting, duplicate keys, YAML 1.1 booleans, tags, huge scalars.
    static func hostile() -> [(String, String)] {
        var seeds: [(String, String)] = []
        // Billion laughs, in block and flow style, and an alias used as a mapping key.
        var bomb = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        seeds.append(("alias-bomb.yaml", bomb))
        seeds.append(("alias-bomb-key.yaml", bomb + "? *i\n: value\n*h : other\n"))
        seeds.append(("alias-key.yaml", "id: &k contoh\n*k : 1\nnama: *k\n"))
        seeds.append(("alias-merge.yaml", "base: &b {id: x, nama: y}\nlangkah:\n  - <<: *b\n    uraian: z\n"))
        seeds.append(("alias-undefined.yaml", "id: *nowhere\n"))
        seeds.append(("alias-recursive.yaml", "a: &a [*a]\n"))
        // 40,000-deep nesting, every way.
        seeds.append(("deep-flow-seq.yaml", String(repeating: "[", count: 40_000) + String(repeating: "]", count: 40_000) + "\n"))
        seeds.append(("deep-flow-map.yaml", String(repeating: "{a: ", count: 40_000) + "x" + String(repeating: "}", count: 40_000) + "\n"))
        seeds.append(("deep-flow-open.yaml", String(repeating: "[", count: 40_000) + "\n"))
        seeds.append(("deep-block-seq.yaml", String(repeating: "- ", count: 40_000) + "x\n"))
        seeds.append(("deep-key.yaml", "langkah: " + String(repeating: "[{a: ", count: 20_000) + "\n"))
        var block = ""
        for depth in 0..<200 { block += String(repeating: " ", count: depth) + "k\(depth):\n" }
        seeds.append(("deep-block-map.yaml", block))
        seeds.append(("deep-mixed.yaml", "id: x\nlangkah:\n" + String(repeating: "  - ", count: 1) + String(repeating: "[", count: 39_999) + "\n"))
        // Duplicate keys: at the top, in a step, and 20,000 of them in one mapping.
        seeds.append(("dup-top.yaml", "id: a\nnama: b\nid: c\nunit: {dinas: d, dinas: e}\n"))
        seeds.append(("dup-many.yaml", (0..<20_000).map { "k\($0 % 50): v\n" }.joined()))
        seeds.append(("dup-keys-wide.yaml", (0..<3000).map { "key\($0): v\n" }.joined() + "key7: again\n"))
        // YAML 1.1 booleans, null forms, numbers that are not numbers.
        seeds.append(("yaml11.yaml", """
            id: contoh
            nama: no
            unit: {dinas: on}
            pelaksana: [{id: staf, nama: yes}]
            langkah:
              - id: a
                mulai: yes
                selesai: Y
                uraian: off
                pelaksana: staf
                waktu: 0x1F
            data_kasus:
              f: {tipe: boolean, wajib: NO, sensitif: ~}
            tanggal: {pembuatan: 2024-02-30}
            nomor: 1e400
            disahkan_oleh: {jabatan: ., nama: .inf, nip: 0o17}

            """))
        // Tags: custom, core, verbatim, a %TAG directive, on every kind of node.
        seeds.append(("tags.yaml", "%TAG !e! tag:example.com,2000:\n---\nid: !e!x contoh\nnama: !!str nama\nunit: !<tag:yaml.org,2002:map> {dinas: !custom d}\nlangkah: !!seq []\n? !k key\n: v\n"))
        seeds.append(("tag-python.yaml", "id: !!python/object/apply:os.system ['true']\n"))
        seeds.append(("directive.yaml", "%YAML 1.1\n---\nid: x\n...\n---\nid: y\n"))
        // Huge scalars (under 64 KB, and one far over it for the replay check).
        seeds.append(("huge-plain.yaml", "id: contoh\nnama: " + String(repeating: "a", count: 60_000) + "\n"))
        seeds.append(("huge-key.yaml", String(repeating: "k", count: 60_000) + ": v\n"))
        seeds.append(("huge-quoted.yaml", "nama: '" + String(repeating: "it''s ", count: 9_000) + "'\n"))
        seeds.append(("huge-double.yaml", "nama: \"" + String(repeating: "\\u00e9\\t", count: 6_000) + "\"\n"))
        seeds.append(("huge-literal.yaml", "uraian: |\n" + String(repeating: "  baris teks yang panjang\n", count: 2_300)))
        seeds.append(("huge-waktu.yaml", "id: x\nnama: y\nunit: {dinas: d}\npelaksana: [{id: s, nama: S}]\nlangkah:\n  - id: a\n    uraian: u\n    pelaksana: s\n    waktu: " + String(repeating: "1 jam ", count: 8_000) + "\n"))
        seeds.append(("huge-rule.yaml", "id: x\nnama: y\nunit: {dinas: d}\npelaksana: [{id: s, nama: S}]\ndata_kasus: {a: {tipe: boolean}}\nlangkah:\n  - id: a\n    uraian: u\n    pelaksana: s\n    keputusan:\n      pertanyaan: q\n      hasil:\n        - {label: Ya, jika: \"" + String(repeating: "(", count: 3000) + "a" + String(repeating: ")", count: 3000) + "\", lanjut: selesai}\n        - {label: Tidak, lanjut: selesai}\n"))
        seeds.append(("huge-rule-chain.yaml", "data_kasus: {a: {tipe: boolean}}\nlangkah:\n  - keputusan: {pertanyaan: q, hasil: [{label: Y, jika: \"" + Array(repeating: "a", count: 5000).joined(separator: " dan ") + "\", lanjut: selesai}]}\n"))
        seeds.append(("huge-over-64k.yaml", "nama: " + String(repeating: "b", count: 1_000_000) + "\n"))
        seeds.append(("many-steps.yaml", "id: x\nnama: y\nunit: {dinas: d}\npelaksana: [{id: s, nama: S}]\nlangkah:\n" + (0..<1500).map { "  - {id: s\($0), uraian: u, pelaksana: s, lanjut: s\(($0 * 7 + 3) % 1500)}\n" }.joined()))
        // Odd but legal structure.
        seeds.append(("empty.yaml", ""))
        seeds.append(("comment-only.yaml", "# nothing\n"))
        seeds.append(("null-doc.yaml", "~\n"))
        seeds.append(("explicit-keys.yaml", "? id\n: x\n? [a, b]\n: c\n? {k: v}\n: d\n"))
        seeds.append(("flow-everything.yaml", "{id: contoh, nama: C, unit: {dinas: D}, pelaksana: [{id: s, nama: S}], langkah: [{id: a, uraian: u, pelaksana: s, waktu: 15 menit}]}\n"))
        seeds.append(("scenario-types.yaml", "skenario: [list]\nsop: {map: 1}\nmulai: 2025-01-06T08:00\nriwayat: text\nharapan: [1]\ndata: [1, 2]\n"))
        seeds.append(("scenario-entries.yaml", "skenario: s\nsop: anak-jalanan\nmulai: 2025-13-45\nriwayat:\n  - {}\n  - langkah: a\n    sesi: b\n  - sesi: c\n  - langkah: Bad Id\n    oleh: [[x]]\n    ditolak: {a: 1}\nharapan:\n  sesi_hadir: -1\n  sesi_terlewat: 1.5\n  total_waktu: kemarin\n  hasil: entah\n"))
        return seeds
    }

    /// Hostile byte sequences that are not UTF-8 text.
    static func hostileBytes() -> [(String, [UInt8])] {
        [
            ("utf8-lone-continuation.yaml", Array("id: ".utf8) + [0x80] + Array("x\n".utf8)),
            ("utf8-overlong.yaml", Array("nama: ".utf8) + [0xC0, 0xAF] + Array("\n".utf8)),
            ("utf8-surrogate.yaml", Array("nama: ".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8)),
            ("utf8-truncated.yaml", Array("nama: ".utf8) + [0xE2, 0x82]),
            ("utf8-too-big.yaml", Array("nama: ".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("\n".utf8)),
            ("utf16-bom.yaml", [0xFF, 0xFE] + Array("i\0d\0:\0 \0x\0\n\0".utf8)),
            ("utf16be-bom.yaml", [0xFE, 0xFF, 0, 0x69, 0, 0x64, 0, 0x3A]),
            ("nul-bytes.yaml", Array("id: a\0b\nnama: \0\n".utf8)),
            ("control-chars.yaml", Array("id: a\u{07}\u{1B}[31m\nnama: \u{0C}x\n".utf8)),
            ("bom-twice.yaml", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("id: x\n".utf8)),
            ("latin1.yaml", Array("nama: Dinas Sosial ".utf8) + [0xE9, 0xE8] + Array("\n".utf8)),
        ]
    }

    /// Words for libFuzzer's dictionary: YAML syntax and the keys and keywords of the language.
    static func dictionary() -> String {
        var words = ["- ", ": ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "|", ">-", "'", "\"",
                     "---", "...", "# ", "%YAML 1.1", "%TAG ", "<<", "\\t", "\\n", "~", "null", "true", "false", "yes",
                     "no", "on", "\t", "\r\n", "\u{FEFF}", "menit", "jam", "hari", "hari kerja", "HK", "s/d", "maksimal",
                     "± ", "1 x 24 jam", "(lima belas)", "setiap", "selesai", "keluar", "bersama", "berurutan",
                     "salah_satu", "keputusan", "proses", "mulai", "dan", "atau", "bukan", "==", "<=", ">=", "!=",
                     "2025-01-06T08:00", "2024-02-29", "teks", "angka", "boolean", "tanggal", "pilihan", "kerja",
                     "kalender", "WIB", "Asia/Jakarta", "ditolak", "wrong_performer", "berjalan"]
        for shape in LanguageCatalog.allShapes { words += shape.keyNames }
        for shape in [ScenarioCatalog.scenario, ScenarioCatalog.entry, ScenarioCatalog.expectations] { words += shape.keyNames }
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }.map { word in
            var escaped = ""
            for b in word.utf8 {
                switch b {
                case 0x22: escaped += "\\\""
                case 0x5C: escaped += "\\\\"
                case 0x20...0x7E: escaped += String(UnicodeScalar(b))
                default: escaped += String(format: "\\x%02X", b)
                }
            }
            return "\"\(escaped)\""
        }.joined(separator: "\n") + "\n"
    }

    // MARK: Replay check

    /// One input replayed in this (release, unsanitised) build.
    struct Finding {
        var path: String
        var bytes: Int
        var milliseconds: Double
        var problem: String
    }

    /// Replays every file under `paths` through a target (`loader` or `scenario`), timing each.
    static func check(target: String, paths: [String], hangMilliseconds: Double) -> (files: Int, findings: [Finding], slowest: (String, Double)) {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                for name in ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted() where !name.hasPrefix(".") {
                    var inner: ObjCBool = false
                    if fm.fileExists(atPath: path + "/" + name, isDirectory: &inner), !inner.boolValue { files.append(path + "/" + name) }
                }
            } else {
                files.append(path)
            }
        }
        var findings: [Finding] = []
        var slowest = ("", 0.0)
        for path in files {
            guard let data = fm.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            // Best of three, so a context switch on this shared machine is not taken for a hang.
            var best = Double.infinity
            var diagnostics: [Diagnostic] = []
            for _ in 0..<3 {
                let t0 = threadCPU()
                diagnostics = run(target: target, bytes)
                best = min(best, (threadCPU() - t0) * 1000)
                if best < hangMilliseconds { break }
            }
            if best > slowest.1 { slowest = (path, best) }
            if bytes.count < 65_536, best > hangMilliseconds {
                findings.append(Finding(path: path, bytes: bytes.count, milliseconds: best, problem: "slow: \(String(format: "%.1f", best)) ms"))
            }
            if let bad = DiagnosticPlacement.firstUnlocatedError(diagnostics, in: bytes) {
                findings.append(Finding(path: path, bytes: bytes.count, milliseconds: best, problem: "unlocated: \(bad.code) \(bad.message)"))
            }
        }
        return (files.count, findings, slowest)
    }

    /// The diagnostics of one input through a target, exactly as the fuzz target runs it.
    static func run(target: String, _ bytes: [UInt8]) -> [Diagnostic] {
        if target == "scenario" {
            let composed = YAMLComposer().compose(bytes, file: nil)
            guard let root = composed.root else { return composed.diagnostics }
            return composed.diagnostics + ScenarioLoader().build(root, file: nil).diagnostics
        }
        return SOPLoader().load(bytes: bytes, file: nil,
                                validator: SOPValidator(folderSOPIDs: ["anak-jalanan", "pembuatan-duk"], fileStem: nil)).diagnostics
    }
}

