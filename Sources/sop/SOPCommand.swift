import ArgumentParser
import SOPJournal
import SOPKit

/// The `sop` command: load, check, show and run Standard Operating Procedures written as YAML.
@main
struct SOPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sop",
        abstract: "Loads, checks and shows Standard Operating Procedures (Permen PAN-RB 35/2012) written as YAML.",
        discussion: """
        Exit codes: 0 success, 1 findings or failure, 64 usage error.

        Examples:
          sop validate sops/
          sop show sops/anak-jalanan.yaml
          sop schema > schema/sop.schema.json
        """,
        version: SOPVersion.current,
        subcommands: [
            ValidateCommand.self, ShowCommand.self, RunCommand.self, TestCommand.self, DiffCommand.self, CaseCommand.self, TasksCommand.self,
            SessionCommand.self, ReportCommand.self, ExportCommand.self, AuditCommand.self, RenderCommand.self, SchemaCommand.self,
        ]
    )
}
