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
            abstract: CaseHelpMessages.caseOpenCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.caseOpenCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    @Argument(help: .catalogue(.sopFile))
    var sop: String

    @Option(name: .customLong("data"), help: .catalogue(.data))
    var data: [String] = []

    @Option(help: .catalogue(.dataFile))
    var dataFile: String?

    @Option(name: .customLong("doc"), help: .catalogue(.doc))
    var documents: [String] = []

    @Option(help: .catalogue(.openedAt))
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
            if outcome.replayed { Terminal.error(CaseCommandMessages.alreadyRecorded.text(in: Language.session)) }
            print(CaseCommandMessages.opened.text(["sop": .text(definition.id), "name": .text(definition.nama)], in: Language.session))
            print(outcome.caseID)
        } catch {
            throw JournalFailure.exit(error)
        }
    }
}
