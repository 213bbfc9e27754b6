import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop case open`: opens a case of an SOP.
struct CaseOpenCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "open",
            abstract: HelpMessages.caseOpenCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.caseOpenCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    @Argument(help: "The SOP file.")
    var sop: String

    @Option(name: .customLong("data"), help: "A case field, KEY=VALUE (repeatable).")
    var data: [String] = []

    @Option(help: "A YAML file of case fields (field: value).")
    var dataFile: String?

    @Option(name: .customLong("doc"), help: "A document (persyaratan) the case brings (repeatable).")
    var documents: [String] = []

    @Option(help: "When the case was opened, if not now (ISO 8601 or a local date/time).")
    var at: String?

    func run() throws {
        let path = sop
        let sop = try LoadedSOP.loadForJournal(path)
        let definition = sop.definition
        let context = try LoadedSOP.context(definition, sopPath: path)
        let raw = try LoadedSOP.caseData(file: dataFile, pairs: data)
        let service = try journal.service()
        let when = try LoadedSOP.instant(at, context: context, option: "--at") ?? service.clock()
        do {
            let outcome = try service.open(sop, data: raw, documents: documents, at: when, key: key.value)
            if outcome.replayed { Terminal.error("(already recorded under this key)") }
            print("opened case of \(definition.id) (\(definition.nama))")
            print(outcome.caseID)
        } catch {
            throw JournalFailure.exit(error)
        }
    }
}
