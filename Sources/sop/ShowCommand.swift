import ArgumentParser
import SOPJournal
import SOPKit

/// `sop show`: the SOP as the official table in the terminal, or as its normalised JSON model.
struct ShowCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Shows an SOP as the official table (identity block, one row per step, a column per performer, mutu baku).",
        discussion: """
        `--format json` writes the normalised model instead: id, name, performers, steps with parsed \
        waktu (minutes and the raw text), flow and decisions.

        Examples:
          sop show sops/anak-jalanan.yaml
          sop show --format json sops/anak-jalanan.yaml | jq '.steps[].id'
        """
    )

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("The longest line, \(TableWidth.range.lowerBound) to \(TableWidth.range.upperBound) characters (default: the terminal's width, else $COLUMNS, else 80).",
                               valueName: "columns"))
    var width: TableWidth?

    @Argument(help: "The SOP file.")
    var sop: String

    func run() throws {
        let definition = try LoadedSOP.load(sop)
        switch format {
        case .json: print(SOPJSON.model(definition).serialized())
        case .text: print(SOPTextTable(width: width?.columns ?? Terminal.width()).render(definition), terminator: "")
        }
    }
}
