// libFuzzer target (a): the SOP loader and validator.
//
// Built by scripts/fuzz.sh with `swiftc -sanitize=fuzzer,address -parse-as-library` against the
// SOPKit sources and libyaml (CYaml), all instrumented. It is not a SwiftPM target: SwiftPM would
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
    let lines = yamlLineCount(bytes)
    for d in result.diagnostics where d.severity == .error {
        guard let at = d.location, at.line >= 1, at.column >= 1, at.line <= lines + 1 else {
            fatalError("unlocated error diagnostic: \(d.code) \(d.message) at \(d.location.map(String.init(describing:)) ?? "nil") (input has \(lines) lines)")
        }
    }
    if result.definition != nil, result.diagnostics.contains(where: { $0.severity == .error }) {
        fatalError("a definition was returned together with errors")
    }
    return 0
}

/// Lines in the input as YAML counts them: LF, CR, CRLF, NEL, LS and PS each end a line (libyaml
/// reports positions that way, so a file of lone CRs has many lines and no LF).
func yamlLineCount(_ bytes: [UInt8]) -> Int {
    var lines = 1
    var i = 0
    while i < bytes.count {
        switch bytes[i] {
        case 0x0A: lines += 1
        case 0x0D: if i + 1 >= bytes.count || bytes[i + 1] != 0x0A { lines += 1 }
        case 0xC2: if i + 1 < bytes.count, bytes[i + 1] == 0x85 { lines += 1 }
        case 0xE2: if i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { lines += 1 }
        default: break
        }
        i += 1
    }
    return lines
}
