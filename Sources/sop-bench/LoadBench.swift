import CYAML
import Foundation
import SOPKit

/// Benchmark 1: load + validate throughput against libyaml's own event parse of the same bytes.
enum LoadBench {
    /// libyaml's event parse of `bytes`, every event pulled and freed: the floor any loader over
    /// libyaml pays. Returns the number of events.
    @inline(never)
    static func rawParse(_ bytes: [UInt8]) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { fail("yaml_parser_initialize failed") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var events = 0
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                events += 1
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { break }
            }
        }
        return events
    }

    @inline(never)
    static func load(_ bytes: [UInt8], id: String) -> Int {
        let result = SOPLoader().load(bytes: bytes, file: "\(id).yaml",
                                      validator: SOPValidator(folderSOPIDs: ["anak-jalanan", id], fileStem: id))
        return result.diagnostics.count + (result.definition == nil ? 1_000_000 : 0)
    }

    /// Per-call times of `body`: how many calls make one round of about `round` seconds.
    static func calibrate(round: Double, _ body: () -> Void) -> Int {
        var calls = 1
        while true {
            let t0 = threadCPU()
            for _ in 0..<calls { body() }
            let dt = threadCPU() - t0
            if dt >= round / 4 || calls >= 1 << 22 {
                return max(1, Int(Double(calls) * round / max(dt, 1e-9)))
            }
            calls *= 2
        }
    }

    /// One round of `calls` calls: per-call (thread CPU seconds, wall seconds).
    static func round(_ calls: Int, _ body: () -> Void) -> (cpu: Double, wall: Double) {
        let w0 = now(), c0 = threadCPU()
        for _ in 0..<calls { body() }
        return ((threadCPU() - c0) / Double(calls), (now() - w0) / Double(calls))
    }

    static func run(sizes: [Int], budget: Double) -> JSONValue {
        var rows: [JSONValue] = []
        for steps in sizes {
            let id = "generated-\(steps)"
            let text = Generator.sop(id: id, steps: steps)
            let bytes = Array(text.utf8)
            // The generated SOP must be valid: a benchmark of the error path would flatter the loader.
            let check = SOPLoader().load(bytes: bytes, file: "\(id).yaml",
                                         validator: SOPValidator(folderSOPIDs: ["anak-jalanan", id], fileStem: id))
            if check.definition == nil || !check.diagnostics.isEmpty {
                fail("generated SOP of \(steps) steps does not load clean: \(check.diagnostics.prefix(5).map { "\($0.location?.description ?? "?"): \($0.message)" })")
            }
            let events = rawParse(bytes)
            // Side by side: short rounds alternate between the two, so drift and other load hit both
            // alike; the best round of each is kept (other processes only ever slow a round down).
            let rounds = 12
            let roundSeconds = budget / Double(rounds) / 2
            let rawCalls = calibrate(round: roundSeconds) { blackHole(rawParse(bytes)) }
            let loaderCalls = calibrate(round: roundSeconds) { blackHole(load(bytes, id: id)) }
            var raw: [(cpu: Double, wall: Double)] = [], loader: [(cpu: Double, wall: Double)] = []
            for _ in 0..<rounds {
                raw.append(round(rawCalls) { blackHole(rawParse(bytes)) })
                loader.append(round(loaderCalls) { blackHole(load(bytes, id: id)) })
            }
            let mb = Double(bytes.count) / 1_000_000
            let rawCPU = raw.map(\.cpu).min() ?? 1, loaderCPU = loader.map(\.cpu).min() ?? 1
            let rawWall = raw.map(\.wall).min() ?? 1, loaderWall = loader.map(\.wall).min() ?? 1
            let ratio = rawCPU / loaderCPU
            note("load \(steps) steps (\(bytes.count) bytes): libyaml \(String(format: "%.1f", mb / rawCPU)) MB/s, loader \(String(format: "%.1f", mb / loaderCPU)) MB/s, ratio \(String(format: "%.3f", ratio))")
            rows.append(.object([
                ("steps", .number(Double(steps))),
                ("bytes", .number(Double(bytes.count))),
                ("yaml_events", .number(Double(events))),
                ("rounds", .number(Double(rounds))),
                ("libyaml_calls_per_round", .number(Double(rawCalls))),
                ("loader_calls_per_round", .number(Double(loaderCalls))),
                ("libyaml_cpu_seconds_per_file", rounded(rawCPU)),
                ("loader_cpu_seconds_per_file", rounded(loaderCPU)),
                ("libyaml_mb_per_s", rounded(mb / rawCPU)),
                ("loader_mb_per_s", rounded(mb / loaderCPU)),
                ("ratio", rounded(ratio, 3)),
                ("libyaml_wall_mb_per_s", rounded(mb / rawWall)),
                ("loader_wall_mb_per_s", rounded(mb / loaderWall)),
                ("ratio_wall", rounded(rawWall / loaderWall, 3)),
                ("ratio_median_rounds", rounded(median(raw.map(\.cpu)) / median(loader.map(\.cpu)), 3)),
            ]))
        }
        return .array(rows)
    }

    /// Loads one generated SOP `repeat` times (for profiling the loader under callgrind or perf).
    static func profile(steps: Int, repeatCount: Int, rawOnly: Bool) {
        let id = "generated-\(steps)"
        let bytes = Array(Generator.sop(id: id, steps: steps).utf8)
        for _ in 0..<repeatCount {
            if rawOnly { blackHole(rawParse(bytes)) } else { blackHole(load(bytes, id: id)) }
        }
    }
}
