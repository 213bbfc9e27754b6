import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop test`: runs scenario files and checks their expectations.
struct TestCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "test",
            abstract: HelpMessages.testCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.testCommandDiscussion.text(in: Language.session)
        )
    }

    @Argument(help: .catalogue(.scenarioPaths))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError(CLIMessages.noScenarioPath.text(in: Language.session)) }
    }

    func run() throws {
        var files: [String] = []
        var problems: [Diagnostic] = []
        for path in paths {
            let scanned = SOPFolder.scan(path)
            let found = scanned.files.filter(SOPFolder.isScenarioFile)
            problems += scanned.unreadable
            if found.isEmpty, scanned.unreadable.isEmpty {
                problems.append(.error("SOP100", YAMLMessages.noScenarioFiles(["path": .text(path)]), at: nil))
            }
            files += found
        }
        let printer = DiagnosticPrinter(useColour: false, bahasa: Language.session)  // standard output: the colour codes would show escaped
        for d in problems { Terminal.diagnostic(d) }
        var passed = 0, failed = problems.count
        for path in files {
            let result = ScenarioFile.run(path: path)
            let name = result.scenario?.name ?? path
            if result.passed {
                passed += 1
                // Kept to 80 columns: a long name pushes the path to an indented line of its own.
                print(TextWrap.fitted(OutputMessages.pass.text(["name": .text(name), "path": .text(path)], in: Language.session)))
            } else {
                failed += 1
                print(TextWrap.fitted(OutputMessages.fail.text(["name": .text(name), "path": .text(path)], in: Language.session)))
                for d in result.diagnostics + result.failures { print("  " + printer.text(d).replacingOccurrences(of: "\n", with: "\n  ")) }
            }
        }
        print("\(passed) passed, \(failed) failed")  // English on purpose: scripts read the last line
        if failed > 0 { throw ExitCode(1) }
    }
}
