import Foundation
import SOPKit

/// Benchmarks 2 (bulk `sop validate` over a folder, both cores against one), 6 (wall time of single
/// CLI commands) and 7 (`sop report` over the 1,000,000-event journal), all through the release
/// `sop` binary as a user runs it.
enum CLIBench {
    struct Timing {
        var runs: [Double]
        var cpu: [Double] = []
        var middle: Double { medianOf(runs) }
        var json: JSONValue {
            .object([
                ("runs", .number(Double(runs.count))),
                ("median_ms", rounded(middle * 1000)),
                ("min_ms", rounded((runs.min() ?? 0) * 1000)),
                ("max_ms", rounded((runs.max() ?? 0) * 1000)),
                ("median_cpu_ms", rounded(medianOf(cpu) * 1000)),
            ])
        }
    }

    /// Runs `argv` once per element of `variants` (or `runs` times), checking the exit status.
    static func time(_ name: String, runs: Int, expect: Int32 = 0, environment: [String: String]? = nil,
                     _ argv: (Int) -> [String]) -> Timing {
        var times: [Double] = [], cpu: [Double] = []
        for i in 0..<runs {
            let result = spawn(argv(i), environment: environment)
            guard result.status == expect else {
                let again = spawn(argv(i), environment: environment, captureOutput: true)
                fail("\(name): \(argv(i).joined(separator: " ")) exited \(result.status): \(again.output.prefix(300))")
            }
            times.append(result.seconds)
            cpu.append(lastChildCPU)
        }
        return Timing(runs: times, cpu: cpu)
    }

    /// Benchmark 6: `sop validate` of the reference SOP and one `sop case do`, each `runs` times.
    static func single(sopBinary: String, sop path: String, folder: String, runs: Int) -> JSONValue {
        // The floor: starting a trivial process from the same harness.
        let floor = time("true", runs: runs) { _ in ["/bin/true"] }
        _ = time("warm-up", runs: 3) { _ in [sopBinary, "validate", path] }
        let validate = time("validate", runs: runs) { _ in [sopBinary, "validate", path] }
        // One `case do` per fresh case: the first step's first performer (kasi orders, berurutan).
        let db = folder + "/cli-cases.sqlite"
        for suffix in ["", "-wal", "-shm"] { unlink(db + suffix) }
        let ids = JournalBench.openCases(sop: path, db: db, count: runs + 3)
        var env = ProcessInfo.processInfo.environment
        env["SOP_DB"] = db
        env["USER"] = "bench"
        _ = time("warm-up", runs: 3, environment: env) { i in [sopBinary, "case", "do", ids[runs + i], "perintah-spt", "--as", "kasi"] }
        let caseDo = time("case do", runs: runs, environment: env) { i in [sopBinary, "case", "do", ids[i], "perintah-spt", "--as", "kasi"] }
        note("cli: validate median \(String(format: "%.1f", validate.middle * 1000)) ms, case do median \(String(format: "%.1f", caseDo.middle * 1000)) ms (process start floor \(String(format: "%.1f", floor.middle * 1000)) ms)")
        return .object([
            ("validate_command", .string("sop validate \(path)")),
            ("validate", validate.json),
            ("case_do_command", .string("sop case do <case> perintah-spt --as kasi (SOP_DB=\(db), a fresh open case each run)")),
            ("case_do", caseDo.json),
            ("process_start_floor", floor.json),
            ("target_ms", .number(30)),
        ])
    }

    /// Writes `count` generated SOPs (10 to 60 steps, each related to the previous one) into `folder`.
    static func writeFolder(_ folder: String, count: Int) -> Int {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var bytes = 0
        for i in 0..<count {
            let id = String(format: "sop-%04d", i)
            let related = String(format: "sop-%04d", (i + count - 1) % count)
            let text = Generator.sop(id: id, steps: 10 + (i * 7) % 51, related: related)
            bytes += text.utf8.count
            write(text, to: folder + "/" + id + ".yaml")
        }
        return bytes
    }

    /// Benchmark 2: `sop validate FOLDER` over `count` generated SOPs, on both cores and on core 0 only.
    static func bulk(sopBinary: String, folder: String, count: Int, runs: Int) -> JSONValue {
        let bytes = writeFolder(folder, count: count)
        // The folder must validate clean: otherwise the error path is what is measured.
        let check = spawn([sopBinary, "validate", "--strict", folder], captureOutput: true)
        guard check.status == 0 else { fail("the generated folder does not validate clean (exit \(check.status))") }
        var both: [Double] = [], one: [Double] = []
        for _ in 0..<runs {
            both.append(spawn([sopBinary, "validate", folder]).seconds)
            one.append(spawn(["taskset", "-c", "0", sopBinary, "validate", folder]).seconds)
        }
        let b = medianOf(both), o = medianOf(one)
        note("bulk: \(count) files (\(bytes / 1000) KB): both cores \(String(format: "%.2f", b)) s (\(Int(Double(count) / b)) files/s), one core \(String(format: "%.2f", o)) s: speed-up \(String(format: "%.2f", o / b))")
        return .object([
            ("command", .string("sop validate \(folder)")),
            ("files", .number(Double(count))),
            ("bytes", .number(Double(bytes))),
            ("runs", .number(Double(runs))),
            ("both_cores_seconds", rounded(b)),
            ("both_cores_files_per_s", rounded(Double(count) / b)),
            ("both_cores_mb_per_s", rounded(Double(bytes) / 1e6 / b)),
            ("one_core_seconds", rounded(o)),
            ("one_core_files_per_s", rounded(Double(count) / o)),
            ("speed_up", rounded(o / b, 3)),
            ("both_cores_runs_s", .array(both.map { rounded($0) })),
            ("one_core_runs_s", .array(one.map { rounded($0) })),
        ])
    }

    /// Benchmark 7: `sop report` over the journal built by `report-db`.
    static func report(sopBinary: String, db: String, runs: Int) -> JSONValue {
        var env = ProcessInfo.processInfo.environment
        env["SOP_DB"] = db
        env["USER"] = "bench"
        let timing = time("report", runs: runs, environment: env) { _ in [sopBinary, "report"] }
        note("report: median \(String(format: "%.2f", timing.middle)) s over \(runs) runs")
        return .object([
            ("command", .string("SOP_DB=\(db) sop report")),
            ("timing", timing.json),
            ("median_seconds", rounded(timing.middle)),
            ("target_seconds", .number(2)),
        ])
    }
}
