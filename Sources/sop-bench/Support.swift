import Foundation
import SOPKit
#if canImport(Glibc)
import Glibc
#endif

/// A monotonic clock in seconds.
@inline(__always)
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU time of the calling thread in seconds: on a shared machine it leaves out the time the thread
/// waited for a core, which wall time does not.
@inline(__always)
func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Keeps the optimiser from dropping a computed value.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

func medianOf(_ values: [Double]) -> Double { median(values) }

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// A number rounded to `digits` significant digits, for readable JSON.
func rounded(_ x: Double, _ digits: Int = 4) -> JSONValue {
    guard x.isFinite, x != 0 else { return .number(x.isFinite ? 0 : -1) }
    let magnitude = Int(floor(log10(abs(x)))) + 1
    let scale = pow(10.0, Double(digits - magnitude))
    return .number((x * scale).rounded() / scale)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("sop-bench: \(message)\n".utf8))
    exit(1)
}

func note(_ message: String) {
    FileHandle.standardError.write(Data("[bench] \(message)\n".utf8))
}

/// Runs a program (no shell) and waits; returns its exit status and wall time in seconds.
/// Standard output and error go to /dev/null unless `capture` is set (then stdout is returned).
@discardableResult
func spawn(_ argv: [String], environment: [String: String]? = nil, captureOutput: Bool = false) -> (status: Int32, seconds: Double, output: String) {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pipeFDs: [Int32] = [-1, -1]
    if captureOutput {
        _ = pipeFDs.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
    defer {
        for p in cArgs { free(p) }
        for p in cEnv { free(p) }
    }
    var pid: pid_t = 0
    let start = now()
    let rc = posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
    guard rc == 0 else { fail("cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
    var output = Data()
    if captureOutput {
        close(pipeFDs[1])
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(pipeFDs[0], &buffer, buffer.count)
            if n <= 0 { break }
            output.append(contentsOf: buffer[0..<n])
        }
        close(pipeFDs[0])
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
    let seconds = now() - start
    lastChildCPU = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitCode, seconds, String(decoding: output, as: UTF8.self))
}

/// CPU time (user + system) of the last child `spawn` waited for.
nonisolated(unsafe) var lastChildCPU = 0.0

/// Command-line options: `--name value` pairs and flags, plus positional arguments.
struct Options {
    var values: [String: String] = [:]
    var positional: [String] = []

    init(_ args: ArraySlice<String>) {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            if a.hasPrefix("--") {
                let name = String(a.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    values[String(name[..<eq])] = String(name[name.index(after: eq)...])
                } else if i + 1 < args.endIndex, !args[i + 1].hasPrefix("--") {
                    values[name] = args[i + 1]
                    i += 1
                } else {
                    values[name] = "true"
                }
            } else {
                positional.append(a)
            }
            i += 1
        }
    }

    func string(_ name: String, _ fallback: String) -> String { values[name] ?? fallback }
    func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap { Int($0) } ?? fallback }
    func double(_ name: String, _ fallback: Double) -> Double { values[name].flatMap { Double($0) } ?? fallback }
    func flag(_ name: String) -> Bool { values[name] == "true" }
}

/// Writes a text file, creating its folder.
func write(_ text: String, to path: String) {
    let url = URL(fileURLWithPath: path)
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { fail("cannot write \(path)") }
}

/// The machine the benchmarks ran on.
func machineInfo(swiftVersion: String?) -> JSONValue {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
    let mhz = cpuinfo.split(separator: "\n").first { $0.hasPrefix("cpu MHz") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? ""
    let memory = ((try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? "").split(separator: "\n").first?
        .split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }.map { $0 / 1_048_576 } ?? 0
    var uts = utsname()
    uname(&uts)
    let kernel = withUnsafePointer(to: &uts.release) { $0.withMemoryRebound(to: CChar.self, capacity: 65) { String(cString: $0) } }
    let swift = swiftVersion ?? spawn(["swift", "--version"], captureOutput: true).output
        .split(separator: "\n").first.map(String.init) ?? "unknown"
    return .object([
        ("nproc", .number(Double(ProcessInfo.processInfo.activeProcessorCount))),
        ("cpu_model", .string(model)),
        ("cpu_mhz", .string(mhz)),
        ("memory_gib", rounded(memory, 3)),
        ("kernel", .string(kernel)),
        ("swift_version", .string(swift)),
    ])
}
