import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop validate`: checks SOP files and reports every problem with its position.
struct ValidateCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate",
            abstract: HelpMessages.validateCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.validateCommandDiscussion.text(in: Language.session)
        )
    }

    @Flag(help: .catalogue(.strict))
    var strict = false

    @Option(help: .catalogue(.formatTextJSON))
    var format: OutputFormat = .text

    @Argument(help: .catalogue(.sopPaths))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError(CLIMessages.noSOPPath.text(in: Language.session)) }
    }

    func run() throws {
        var files: [String] = []
        var missing: [Diagnostic] = []
        for path in paths {
            let (found, unreadable) = SOPFolder.scan(path)
            missing += unreadable
            if found.isEmpty, unreadable.isEmpty {
                missing.append(.error("SOP100", YAMLMessages.noYAMLFiles(["path": .text(path)]), at: nil))
            }
            files += found
        }
        let checks = FolderValidation.check(files: files)
        let diagnostics = missing + checks.flatMap(\.diagnostics) + CalendarCoverageCheck.warnings(checks, now: Date())
        switch format {
        case .json:
            print(DiagnosticPrinter.json(diagnostics, bahasa: Language.session).serialized())
        case .text:
            for d in diagnostics { Terminal.diagnostic(d) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            let scenarios = files.filter(SOPFolder.isScenarioFile).count
            let kinds: Message = scenarios == 0 ? .empty
                : OutputMessages.kinds(["sops": OutputMessages.count(files.count - scenarios, .oneSOP, .sops),
                                        "scenarios": OutputMessages.count(scenarios, .oneScenario, .scenarios)])
            Terminal.error(OutputMessages.filesChecked.text(["files": OutputMessages.count(files.count, .oneFile, .files), "kinds": .message(kinds),
                                                             "errors": OutputMessages.count(errors, .oneError, .errors),
                                                             "warnings": OutputMessages.count(warnings, .oneWarning, .warnings)], in: Language.session))
        }
        let failed = diagnostics.hasErrors || (strict && diagnostics.contains { $0.severity == .warning })
        if failed { throw ExitCode(1) }
    }
}
