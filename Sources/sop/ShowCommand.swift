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

    @Option(help: .catalogue(.formatTextJSON))
    var format: OutputFormat = .text

    @Option(help: .catalogue(.width, ["min": .number(TableWidth.range.lowerBound), "max": .number(TableWidth.range.upperBound)], valueName: "columns"))
    var width: TableWidth?

    @Argument(help: .catalogue(.sopFile))
    var sop: String

    func run() throws {
        let definition = try LoadedSOP.load(sop)
        switch format {
        case .json: print(SOPJSON.model(definition).serialized())
        case .text: print(SOPTextTable(width: width?.columns ?? Terminal.width()).render(definition), terminator: "")
        }
    }
}
