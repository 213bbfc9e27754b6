import ArgumentParser
import SOPKit

/// Loads an SOP for a command that needs a valid one, printing its diagnostics and failing when it has errors.
enum LoadedSOP {
    static func load(_ path: String) throws -> SOPDefinition {
        let result = SOPLoader().load(path: path)
        let printer = DiagnosticPrinter(useColour: Terminal.stderrWantsColour)
        if let definition = result.definition {
            for d in result.diagnostics { Terminal.error(printer.text(d)) }
            return definition
        }
        for d in result.diagnostics { Terminal.error(printer.text(d)) }
        Terminal.error("\(path): not loaded; fix the errors above (sop validate \(path))")
        throw ExitCode(1)
    }
}
