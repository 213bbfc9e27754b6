import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// The `sop` command: load, check, show and run Standard Operating Procedures written as YAML.
@main
struct SOPCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sop",
            abstract: HelpMessages.sOPCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.sOPCommandDiscussion.text(in: Language.session),
            version: SOPVersion.current,
            subcommands: [
                ValidateCommand.self, ShowCommand.self, RunCommand.self, TestCommand.self, DiffCommand.self, CaseCommand.self, TasksCommand.self,
                SessionCommand.self, ReportCommand.self, ExportCommand.self, AuditCommand.self, MigrateCommand.self, RenderCommand.self,
                SchemaCommand.self, CalendarCommand.self, JournalCommand.self, SimulateCommand.self, UserCommand.self, ServeCommand.self,
            ]
        )
    }

    /// Parses and runs like the generated `main`, but writes ArgumentParser's own messages (which
    /// quote the user's input) through `TerminalText`, so a bad option value cannot reach the
    /// terminal raw either: errors as one escaped line each, help laid out as it is; and in the
    /// language of the run (``ParserText``), with ArgumentParser's exit codes (64 for usage).
    static func main() {
        if let (option, problem) = ArgumentBytes.firstInvalidUTF8() {
            Foundation.exit(UsageFailure.exit(option, problem).rawValue)
        }
        // A SOP_BAHASA that names no language is a usage error, unless --bahasa overrides it.
        if !CommandLine.arguments.contains(where: { $0 == "--bahasa" || $0.hasPrefix("--bahasa=") }), let problem = Language.environmentProblem() {
            Terminal.error("sop: \(problem)")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // ArgumentParser writes English only; its errors, usage and help headings are read
            // again in the language of the run (the option or value each names stays as typed).
            let message = ParserText.translate(fullMessage(for: error), in: Language.session)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                for line in message.split(separator: "\n", omittingEmptySubsequences: false) { Terminal.error(String(line)) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
