import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// The `sop` command: load, check, show and run Standard Operating Procedures written as YAML.
@main
struct SOPCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "sop",
        abstract: "Checks, shows, prints and runs Standard Operating Procedures (Permen PAN-RB 35/2012) written as YAML.",
        discussion: """
        Exit codes: 0 success, 1 findings or failure, 64 usage error, 75 a concurrent change to a case (retry).

        Examples:
          sop validate sops/
          sop run sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
          sop test sops/
          sop render sops/anak-jalanan.yaml --format html -o anak-jalanan.html
          sop case open sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
          sop tasks --as kasi
        """,
        version: SOPVersion.current,
        subcommands: [
            ValidateCommand.self, ShowCommand.self, RunCommand.self, TestCommand.self, DiffCommand.self, CaseCommand.self, TasksCommand.self,
            SessionCommand.self, ReportCommand.self, ExportCommand.self, AuditCommand.self, MigrateCommand.self, RenderCommand.self,
            SchemaCommand.self, CalendarCommand.self, JournalCommand.self,
        ]
    )

    /// Parses and runs like the generated `main`, but writes ArgumentParser's own messages (which
    /// quote the user's input) through `TerminalText`, so a bad option value cannot reach the
    /// terminal raw either: errors as one escaped line each, help laid out as it is.
    static func main() {
        if let (option, problem) = ArgumentBytes.firstInvalidUTF8() {
            Foundation.exit(UsageFailure.exit(option, problem).rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                for line in message.split(separator: "\n", omittingEmptySubsequences: false) { Terminal.error(String(line)) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
