import ArgumentParser
import SOPJournal
import SOPKit

/// The `sop` command: load, check, show and run Standard Operating Procedures written as YAML.
@main
struct SOPCommand: ParsableCommand {
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
            SchemaCommand.self, JournalCommand.self,
        ]
    )
}
