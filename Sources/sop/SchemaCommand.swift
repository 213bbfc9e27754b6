import ArgumentParser
import SOPJournal
import SOPKit

/// `sop schema`: the JSON Schema of the SOP language, for editors.
struct SchemaCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "schema",
            abstract: HelpMessages.schemaCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.schemaCommandDiscussion.text(in: Language.session)
        )
    }

    func run() throws {
        print(JSONSchemaGenerator.schema().serialized())
    }
}
