import Foundation
import SOPKit

/// Runs every benchmark of issue 6 in one process, in a fixed order, and writes the results as JSON
/// and as a Markdown summary (each figure with its target and whether it is met).
enum AllBenchmarks {
    struct Settings {
        var sopBinary: String
        var python: String?
        var scripts: String
        var work: String
        var command: String
        var quick: Bool
    }

    static func run(_ s: Settings) -> (json: JSONValue, markdown: String) {
        try? FileManager.default.createDirectory(atPath: s.work, withIntermediateDirectories: true)
        let started = Date()
        let t0 = now()
        var sections: [(String, JSONValue)] = []
        func section(_ name: String, _ body: () -> JSONValue) {
            note("== \(name)")
            let s0 = now()
            let value = body()
            sections.append((name, value))
            note("   (\(String(format: "%.1f", now() - s0)) s)")
        }
        let q = s.quick
        section("load_throughput") { LoadBench.run(sizes: [10, 100, 1000, 10_000], budget: q ? 0.6 : 2.5) }
        section("bulk_validate") { CLIBench.bulk(sopBinary: s.sopBinary, folder: s.work + "/bulk", count: q ? 200 : 1000, runs: q ? 1 : 3) }
        section("interpreter") { InterpreterBench.run(sop: "sops/anak-jalanan.yaml", seconds: q ? 1 : 5) }
        if let python = s.python {
            section("spiffworkflow") { SpiffBench.run(sop: "sops/anak-jalanan.yaml", python: python, scripts: s.scripts, work: s.work, seconds: q ? 1 : 5) }
        } else {
            sections.append(("spiffworkflow", .object([("skipped", "no Python with SpiffWorkflow (scripts/requirements-bpmn.txt)")])))
        }
        section("journal") { JournalBench.run(sop: "sops/anak-jalanan.yaml", folder: s.work, seconds: q ? 1.5 : 6) }
        section("cli") { CLIBench.single(sopBinary: s.sopBinary, sop: "sops/anak-jalanan.yaml", folder: s.work, runs: q ? 10 : 30) }
        let db = s.work + "/report.sqlite"
        section("report_database") { JournalBench.buildReportDatabase(sop: "sops/anak-jalanan.yaml", db: db, events: q ? 100_000 : 1_000_000) }
        section("report") { CLIBench.report(sopBinary: s.sopBinary, db: db, runs: q ? 1 : 5) }
        for suffix in ["", "-wal", "-shm"] { unlink(db + suffix) }
        let iso = ISO8601DateFormatter()
        let json = JSONValue.object([
            ("issue", 6),
            ("date", .string(iso.string(from: started))),
            ("command", .string(s.command)),
            ("quick", .bool(q)),
            ("total_seconds", rounded(now() - t0)),
            ("machine", machineInfo(swiftVersion: nil)),
            ("timing_method", "CPU-bound throughputs use the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), with side-by-side rounds alternating; command-line figures are wall time of posix_spawn to exit; the journal uses wall time"),
        ] + sections)
        return (json, markdown(json))
    }

    // MARK: Markdown

    static func field(_ v: JSONValue, _ path: String...) -> JSONValue? {
        var current: JSONValue? = v
        for key in path {
            guard case .object(let pairs)? = current else { return nil }
            current = pairs.first { $0.0 == key }?.1
        }
        return current
    }

    static func number(_ v: JSONValue, _ path: String...) -> Double? {
        var current: JSONValue? = v
        for key in path {
            guard case .object(let pairs)? = current else { return nil }
            current = pairs.first { $0.0 == key }?.1
        }
        if case .number(let n)? = current { return n }
        return nil
    }

    static func text(_ v: JSONValue, _ path: String...) -> String {
        var current: JSONValue? = v
        for key in path {
            guard case .object(let pairs)? = current else { return "" }
            current = pairs.first { $0.0 == key }?.1
        }
        switch current {
        case .string(let s)?: return s
        case .number(let n)?: return fmt(n)
        case .bool(let b)?: return b ? "yes" : "no"
        default: return ""
        }
    }

    static func fmt(_ x: Double, _ digits: Int = 3) -> String {
        if x == 0 { return "0" }
        if x == x.rounded(), abs(x) < 1000 { return String(Int(x)) }
        if abs(x) >= 1000 {
            let n = Int(x.rounded())
            var s = String(abs(n)), out = ""
            while s.count > 3 { out = "," + s.suffix(3) + out; s = String(s.dropLast(3)) }
            return (n < 0 ? "-" : "") + s + out
        }
        let magnitude = Int(floor(log10(abs(x)))) + 1
        let decimals = max(0, digits - magnitude)
        return String(format: "%.\(decimals)f", x)
    }

    static func verdict(_ met: Bool?) -> String {
        guard let met else { return "n/a" }
        return met ? "**met**" : "**missed**"
    }

    static func markdown(_ j: JSONValue) -> String {
        var md = "# sop benchmark results\n\n"
        md += "- Date: \(text(j, "date"))\n- Command: `\(text(j, "command"))`\(text(j, "quick") == "yes" ? " (quick mode: smaller sizes, not the reference figures)" : "")\n"
        md += "- Machine: \(text(j, "machine", "nproc")) cores, \(text(j, "machine", "cpu_model")), \(text(j, "machine", "memory_gib")) GiB, Linux \(text(j, "machine", "kernel"))\n"
        md += "- Toolchain: \(text(j, "machine", "swift_version"))\n- Total time: \(text(j, "total_seconds")) s\n\n"
        md += "Every claim is a ratio measured side by side in this run, or a time against a target. \(text(j, "timing_method")).\n\n"

        // 1. Load throughput.
        md += "## 1. Load + validate throughput against libyaml's own event parse (target: at least 0.25 of libyaml)\n\n"
        md += "| Steps | Bytes | libyaml MB/s | loader MB/s | ratio | target |\n|---:|---:|---:|---:|---:|---|\n"
        if case .array(let rows)? = field(j, "load_throughput") {
            for row in rows {
                let ratio = number(row, "ratio") ?? 0
                md += "| \(fmt(number(row, "steps") ?? 0)) | \(fmt(number(row, "bytes") ?? 0)) | \(fmt(number(row, "libyaml_mb_per_s") ?? 0)) | \(fmt(number(row, "loader_mb_per_s") ?? 0)) | \(fmt(ratio)) | \(verdict(ratio >= 0.25)) |\n"
            }
        }
        // 2. Bulk.
        let bulk = field(j, "bulk_validate") ?? .null
        md += "\n## 2. Bulk: `sop validate` over a folder of generated SOPs\n\n"
        md += "| Files | Both cores | files/s | One core (`taskset -c 0`) | files/s | Speed-up |\n|---:|---:|---:|---:|---:|---:|\n"
        md += "| \(text(bulk, "files")) | \(text(bulk, "both_cores_seconds")) s | \(fmt(number(bulk, "both_cores_files_per_s") ?? 0)) | \(text(bulk, "one_core_seconds")) s | \(fmt(number(bulk, "one_core_files_per_s") ?? 0)) | \(text(bulk, "speed_up"))x |\n"
        // 3. Interpreter.
        let interp = field(j, "interpreter") ?? .null
        let tps = number(interp, "transitions_per_s") ?? 0
        md += "\n## 3. Interpreter, in memory, one core (target: 1,000,000 step transitions/s)\n\n"
        md += "| Measure | per second |\n|---|---:|\n"
        md += "| Step transitions (a step completes and the flow moves on) | \(fmt(tps)) (\(verdict(tps >= 1_000_000))) |\n"
        md += "| Events applied (every state change of a case) | \(fmt(number(interp, "events_per_s") ?? 0)) |\n"
        md += "| Performer actions and sessions | \(fmt(number(interp, "commands_per_s") ?? 0)) |\n"
        md += "| Whole cases (\(text(interp, "fold_events_per_case")) events each for a child who dropped out) | \(fmt(number(interp, "cases_per_s") ?? 0)) |\n"
        md += "| Events folded (replaying a stored case) | \(fmt(number(interp, "fold_events_per_s") ?? 0)) |\n"
        // 4. SpiffWorkflow.
        let spiff = field(j, "spiffworkflow") ?? .null
        md += "\n## 4. The same cases through SpiffWorkflow running the BPMN export (target: sop at least 100x faster)\n\n"
        if let ratio = number(spiff, "ratio_cases") {
            md += "| Engine | cases/s | step transitions/s |\n|---|---:|---:|\n"
            md += "| sop (StandardRun) | \(fmt(number(spiff, "sop_cases_per_s") ?? 0)) | \(fmt(number(spiff, "sop_transitions_per_s") ?? 0)) |\n"
            md += "| SpiffWorkflow \(text(spiff, "spiffworkflow_version")) (Python \(text(spiff, "python"))) | \(fmt(number(spiff, "spiff_cases_per_s") ?? 0)) | \(fmt(number(spiff, "spiff_transitions_per_s") ?? 0)) |\n\n"
            md += "Ratio: **\(fmt(ratio))x** per case (\(verdict(ratio >= 100))); both engines took the same paths: \(text(spiff, "paths_agree")).\n"
        } else {
            md += "Skipped: \(text(spiff, "skipped"))\n"
        }
        // 5. Journal.
        let journal = field(j, "journal") ?? .null
        let single = number(journal, "single_ratio_to_fsync") ?? 0
        let batch = number(journal, "batch_events_per_s") ?? 0
        md += "\n## 5. Journal on disk (SQLite WAL, synchronous FULL)\n\n"
        md += "| Measure | per second | against | target |\n|---|---:|---|---|\n"
        md += "| write + fsync of the disk, same folder | \(fmt(number(journal, "fsync_per_s") ?? 0)) | | |\n"
        md += "| write + fdatasync (what SQLite calls) | \(fmt(number(journal, "fdatasync_per_s") ?? 0)) | | |\n"
        md += "| One command (one event) per transaction | \(fmt(number(journal, "single_command_events_per_s") ?? 0)) | \(fmt(single)) of fsync, \(text(journal, "single_ratio_to_fdatasync")) of fdatasync | 0.75 of fsync: \(verdict(single >= 0.75)) |\n"
        md += "| Batch import, \(text(journal, "batch_events")) events in one transaction | \(fmt(batch)) | | 10,000: \(verdict(batch >= 10_000)) |\n"
        md += "| Import of the report database (one transaction per case, ~50 events each) | \(fmt(number(j, "report_database", "import_events_per_s") ?? 0)) | | |\n"
        // 6. CLI.
        let cli = field(j, "cli") ?? .null
        let v = number(cli, "validate", "median_ms") ?? 0, d = number(cli, "case_do", "median_ms") ?? 0
        md += "\n## 6. Command line, wall time, median of \(text(cli, "validate", "runs")) runs (target: under 30 ms)\n\n"
        md += "| Command | median | min | max | median CPU (user + sys) | target |\n|---|---:|---:|---:|---:|---|\n"
        md += "| `\(text(cli, "validate_command"))` | \(fmt(v)) ms | \(fmt(number(cli, "validate", "min_ms") ?? 0)) ms | \(fmt(number(cli, "validate", "max_ms") ?? 0)) ms | \(fmt(number(cli, "validate", "median_cpu_ms") ?? 0)) ms | \(verdict(v < 30)) |\n"
        md += "| `\(text(cli, "case_do_command"))` | \(fmt(d)) ms | \(fmt(number(cli, "case_do", "min_ms") ?? 0)) ms | \(fmt(number(cli, "case_do", "max_ms") ?? 0)) ms | \(fmt(number(cli, "case_do", "median_cpu_ms") ?? 0)) ms | \(verdict(d < 30)) |\n"
        md += "| `/bin/true` (the floor of starting a process) | \(fmt(number(cli, "process_start_floor", "median_ms") ?? 0)) ms | | | |\n"
        // 7. Report.
        let report = number(j, "report", "median_seconds") ?? 0
        md += "\n## 7. `sop report` over \(fmt(number(j, "report_database", "events") ?? 0)) events (\(fmt(number(j, "report_database", "cases") ?? 0)) cases) (target: under 2 s)\n\n"
        md += "Median of \(text(j, "report", "timing", "runs")) runs: **\(fmt(report)) s** wall (min \(fmt((number(j, "report", "timing", "min_ms") ?? 0) / 1000)) s, max \(fmt((number(j, "report", "timing", "max_ms") ?? 0) / 1000)) s; median CPU, user + sys, \(fmt((number(j, "report", "timing", "median_cpu_ms") ?? 0) / 1000)) s): \(verdict(report < 2)).\n"
        return md
    }
}
