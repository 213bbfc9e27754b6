import Foundation
import Testing
@testable import SOPKit

/// The benchmark's generated SOPs must load clean, as `sop-bench load` requires before it measures
/// (a benchmark of the error path would flatter the loader). Issue 14's checks (a decision shared by
/// several performers names who decides; kelengkapan made on every path) had made the generator's
/// SOPs fail, and the benchmark stopped before measuring.
@Suite("Generated benchmark SOPs")
struct BenchGeneratorTests {
    @Test("sop-bench gen writes SOPs that load with no diagnostic", arguments: [10, 20, 100, 1000])
    func generatedSOPsLoadClean(_ steps: Int) throws {
        let bench = TestPaths.binary.deletingLastPathComponent().appendingPathComponent("sop-bench")
        try #require(FileManager.default.isExecutableFile(atPath: bench.path),
                     "sop-bench is built next to sop (swift build --build-tests builds it)")
        let id = "generated-\(steps)"
        let process = Process()
        process.executableURL = bench
        process.arguments = ["gen", "--steps", "\(steps)", "--id", id]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let result = SOPLoader().load(bytes: [UInt8](data), file: "\(id).yaml",
                                      validator: SOPValidator(folderSOPIDs: ["anak-jalanan", id], fileStem: id))
        #expect(result.definition != nil)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5).map { "\($0.code) \($0.location?.description ?? "?"): \($0.message)" })")
    }
}
