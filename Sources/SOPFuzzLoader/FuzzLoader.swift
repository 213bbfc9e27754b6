// libFuzzer target (a): the SOP loader and validator.
//
// Built by scripts/fuzz.sh with `swiftc -sanitize=fuzzer,address -parse-as-library` against the
// SOPKit sources (instrumented), linked with the system libyaml (CYAML). It is not a SwiftPM target: SwiftPM would
// build SOPKit without coverage instrumentation, and the fuzzer would be blind inside the loader.
//
// Besides crashes (ASan, traps) it fails on an unlocated error: an error Diagnostic with no
// location, or with a line or column outside the input, although the input has positions.
// The file name is left nil so that the loader's fallback (which puts an unlocated diagnostic of a
// named file at 1:1) does not hide one.
import SOPKit

@_cdecl("LLVMFuzzerTestOneInput")
public func sopFuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let validator = SOPValidator(folderSOPIDs: ["anak-jalanan", "pembuatan-duk"], fileStem: nil)
    let result = SOPLoader().load(bytes: bytes, file: nil, validator: validator)
    if let d = DiagnosticPlacement.firstUnlocatedError(result.diagnostics, in: bytes) {
        fatalError("unlocated error diagnostic: \(d.code) \(d.message) at \(d.location.map(String.init(describing:)) ?? "nil") (input has \(DiagnosticPlacement.yamlLineCount(bytes)) lines)")
    }
    if result.definition != nil, result.diagnostics.contains(where: { $0.severity == .error }) {
        fatalError("a definition was returned together with errors")
    }
    return 0
}

