import ArgumentParser
import SOPJournal
import SOPKit

/// `sop show`: the SOP as the official table in the terminal, or as its normalised JSON model.
struct ShowCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: HelpMessages.showCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.showCommandDiscussion.text(in: Language.session)
        )
    }

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
