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
    if let d = DiagnosticPlacement.firstUnlocatedError(diagnostics, in: bytes) {
        fatalError("unlocated error diagnostic: \(d.code) \(d.message) at \(d.location.map(String.init(describing:)) ?? "nil") (input has \(DiagnosticPlacement.yamlLineCount(bytes)) lines)")
    }
    return 0
}

