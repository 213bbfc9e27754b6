import Foundation
import SOPKit

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    fail("""
        usage: sop-bench COMMAND [options]   (scripts/bench.sh runs `all`)
          all          every benchmark; --sop-binary --python --out --markdown --quick
          load         load + validate against libyaml (--sizes 10,100,1000,10000 --budget S)
          bulk         sop validate over a generated folder (--count 1000 --runs 3)
          interpreter  cases of the reference SOP in memory (--seconds S)
          simulate     one simulated year at 1000/bulan, 100 runs, on all cores (--rate --runs --workers)
          backtest     a generated journal, sop report against sop simulate from it (docs/simulate.md)
          spiff        the same cases through SpiffWorkflow (--python PY --seconds S)
          journal      SQLite journal against the disk's fsync rate (--folder DIR --seconds S)
          cli          wall time of sop validate and sop case do (--runs 30)
          report-db    a journal of N events for sop report (--db FILE --events N)
          report       wall time of sop report (--db FILE --runs N)
          serve-db     open cases for the sop serve benchmark (--db FILE|URL --cases N --events N)
          gen          print a generated SOP (--steps N --id ID)
          profile-load load one generated SOP repeatedly, for callgrind/perf (--steps N --repeat N [--raw])
          fuzz-seeds, fuzz-check   used by scripts/fuzz.sh
        """)
}
let options = Options(arguments.dropFirst(2))
switch arguments[1] {
case "gen":
    print(Generator.sop(id: options.string("id", "generated"), steps: options.int("steps", 10)), terminator: "")
case "load":
    let sizes = options.string("sizes", "10,100,1000,10000").split(separator: ",").compactMap { Int($0) }
    print(LoadBench.run(sizes: sizes, budget: options.double("budget", 2)).serialized())
case "profile-load":
    LoadBench.profile(steps: options.int("steps", 1000), repeatCount: options.int("repeat", 20), rawOnly: options.flag("raw"))
case "fuzz-seeds":
    // sop-bench fuzz-seeds --repo . --loader DIR --scenario DIR --dict FILE
    let counts = FuzzSupport.writeSeeds(repo: options.string("repo", "."), loaderDir: options.string("loader", "corpus-loader"),
                                        scenarioDir: options.string("scenario", "corpus-scenario"))
    if let dict = options.values["dict"] { write(FuzzSupport.dictionary(), to: dict) }
    print("seeds: \(counts.loader) for the loader, \(counts.scenario) for the scenario loader")
case "fuzz-check":
    // sop-bench fuzz-check --target loader|scenario [--hang-ms 100] PATH...
    let target = options.string("target", "loader")
    let result = FuzzSupport.check(target: target, paths: options.positional, hangMilliseconds: options.double("hang-ms", 100))
    for f in result.findings { print("FINDING \(target) \(f.path) (\(f.bytes) bytes): \(f.problem)") }
    print("checked \(result.files) inputs through the \(target) target in a release build: \(result.findings.count) finding(s); slowest \(String(format: "%.1f", result.slowest.1)) ms (\(result.slowest.0))")
    if !result.findings.isEmpty { exit(1) }
case "simulate":
    // sop-bench simulate [--sop FILE] [--rate 1000/bulan] [--runs 100] [--workers N]
    print(SimulateBench.run(sop: options.string("sop", "sops/anak-jalanan.yaml"), rate: options.string("rate", "1000/bulan"),
                            runs: options.int("runs", 100), workers: options.int("workers", ProcessInfo.processInfo.activeProcessorCount)).serialized())
case "backtest":
    // sop-bench backtest [--sop FILE] [--db FILE] [--rate 25/bulan] [--staff kasi=3,peksos=4,petugas=3] [--share penjangkauan=Ya:0.4]
    let staff = options.string("staff", "kasi=3,peksos=4,petugas=3").split(separator: ",").compactMap { pair -> (String, Int)? in
        let p = pair.split(separator: "=")
        return p.count == 2 ? (String(p[0]), Int(p[1]) ?? 1) : nil
    }
    print(BacktestBench.run(sop: options.string("sop", "sops/anak-jalanan.yaml"), db: options.string("db", ".build/bench/backtest.sqlite"),
                            rate: options.string("rate", "25/bulan"), staff: staff,
                            shares: options.string("share", "penjangkauan=Ya:0.4").split(separator: ",").map(String.init),
                            from: options.string("from", "2025-01-01"), to: options.string("to", "2025-07-01"),
                            seed: UInt64(options.int("seed", 11)), runs: options.int("runs", 20)).serialized())
case "interpreter":
    print(InterpreterBench.run(sop: options.string("sop", "sops/anak-jalanan.yaml"), seconds: options.double("seconds", 3)).serialized())
case "spiff":
    print(SpiffBench.run(sop: options.string("sop", "sops/anak-jalanan.yaml"), python: options.string("python", "python3"),
                         scripts: options.string("scripts", "scripts"), work: options.string("work", ".build/bench"),
                         seconds: options.double("seconds", 5)).serialized())
case "journal":
    print(JournalBench.run(sop: options.string("sop", "sops/anak-jalanan.yaml"), folder: options.string("folder", ".build/bench"),
                           seconds: options.double("seconds", 3)).serialized())
case "report-db":
    print(JournalBench.buildReportDatabase(sop: options.string("sop", "sops/anak-jalanan.yaml"),
                                           db: options.string("db", ".build/bench/report.sqlite"),
                                           events: options.int("events", 1_000_000)).serialized())
case "serve-db":
    print(JournalBench.buildServeDatabase(sop: options.string("sop", "sops/anak-jalanan.yaml"), db: options.string("db", ".build/bench/serve.sqlite"),
                                          cases: options.int("cases", 10_000), events: options.int("events", 1_000_000)).serialized())
case "cli":
    print(CLIBench.single(sopBinary: options.string("sop-binary", ".build/release/sop"), sop: options.string("sop", "sops/anak-jalanan.yaml"),
                          folder: options.string("folder", ".build/bench"), runs: options.int("runs", 30)).serialized())
case "bulk":
    print(CLIBench.bulk(sopBinary: options.string("sop-binary", ".build/release/sop"), folder: options.string("folder", ".build/bench/bulk"),
                        count: options.int("count", 1000), runs: options.int("runs", 3)).serialized())
case "report":
    print(CLIBench.report(sopBinary: options.string("sop-binary", ".build/release/sop"), db: options.string("db", ".build/bench/report.sqlite"),
                          runs: options.int("runs", 3)).serialized())
case "all":
    // sop-bench all --sop-binary BIN [--python PY] [--scripts DIR] [--work DIR] --out JSON --markdown MD [--command TEXT] [--quick]
    let settings = AllBenchmarks.Settings(sopBinary: options.string("sop-binary", ".build/release/sop"), python: options.values["python"],
                                          scripts: options.string("scripts", "scripts"), work: options.string("work", ".build/bench"),
                                          command: options.string("command", "scripts/bench.sh"), quick: options.flag("quick"))
    let (json, markdown) = AllBenchmarks.run(settings)
    write(json.serialized() + "\n", to: options.string("out", "bench-results.json"))
    write(markdown, to: options.string("markdown", "bench-results.md"))
    print(markdown)
case "sha256":
    for path in options.positional {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        print(SHA256.hex([UInt8](data)) + "  " + path)
    }
default:
    fail("unknown command \(arguments[1])")
}
