import ArgumentParser

/// `sop case`: open, act on, show and list cases in the journal.
struct CaseCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Opens cases, records what performers do on them, and shows them, in the case journal.",
        discussion: """
        Examples:
          ID=$(sop case open sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true | tail -n 1)
          sop case do "$ID" perintah-spt --as kasi
          sop case show "$ID"
          sop case list --status open --overdue
        """,
        subcommands: [CaseOpenCommand.self, CaseDoCommand.self, CaseShowCommand.self, CaseListCommand.self, CaseMigrateCommand.self]
    )
}
