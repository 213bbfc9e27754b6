import ArgumentParser
import SOPJournal
import SOPKit

/// `sop schema`: the JSON Schema of the SOP language, for editors.
struct SchemaCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Prints a JSON Schema (draft 2020-12) of the SOP language, so editors complete and check keys as authors type.",
        discussion: """
        The shipped SOPs point at schema/sop.schema.json with a yaml-language-server modeline:
          # yaml-language-server: $schema=../schema/sop.schema.json

        Example:
          sop schema > schema/sop.schema.json
        """
    )

    func run() throws {
        print(JSONSchemaGenerator.schema().serialized())
    }
}
