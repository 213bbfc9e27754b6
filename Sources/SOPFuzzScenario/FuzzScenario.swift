// libFuzzer target (b): the scenario loader (`YAMLComposer().compose` then `ScenarioLoader().build`).
//
// Built by scripts/fuzz.sh like SOPFuzzLoader. Fails on crashes and on an error Diagnostic that
// has no location (or one outside the input) although the input has positions.
import SOPKit

@_cdecl("LLVMFuzzerTestOneInput")
public func sopFuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let composed = YAMLComposer().compose(bytes, file: nil)
    var diagnostics = composed.diagnostics
    if let root = composed.root {
        let built = ScenarioLoader().build(root, file: nil)
        diagnostics += built.diagnostics
        if built.scenario != nil, built.diagnostics.contains(where: { $0.severity == .error }) {
            fatalError("a scenario was returned together with errors")
        }
    }
    let lines = yamlLineCount(bytes)
    for d in diagnostics where d.severity == .error {
        guard let at = d.location, at.line >= 1, at.column >= 1, at.line <= lines + 1 else {
            fatalError("unlocated error diagnostic: \(d.code) \(d.message) at \(d.location.map(String.init(describing:)) ?? "nil") (input has \(lines) lines)")
        }
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
