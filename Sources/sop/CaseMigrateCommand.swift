import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop case migrate`: moves running cases to a revised definition.
struct CaseMigrateCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "migrate",
            abstract: CaseHelpMessages.caseMigrateCommandAbstract.text(in: Language.session),
            discussion: CaseHelpMessages.caseMigrateCommandDiscussion.text(in: Language.session)
        )
    }

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    @Argument(help: .catalogue(.casesToMove))
    var cases: [String] = []

    @Flag(help: .catalogue(.allOpen))
    var allOpen = false

    @Option(help: .catalogue(.revisedSOP))
    var to: String

    @Option(name: .customLong("map"), help: .catalogue(.map))
    var maps: [String] = []

    @Flag(help: .catalogue(.migratePlan))
    var dryRun = false

    func validate() throws {
        if cases.isEmpty == !allOpen { throw ValidationError(CaseCommandMessages.nameCasesOrAllOpen.text(in: Language.session)) }
        for item in maps where !item.contains("=") { throw ValidationError(CaseCommandMessages.mapNotOldNew.text(["item": .text(item)], in: Language.session)) }
    }

    func run() throws {
        let sop = try LoadedSOP.loadForJournal(to)
        let (definition, hash) = (sop.definition, sop.hash)
        let context = try LoadedSOP.context(definition, sopPath: to)
        var explicit: [String: String] = [:]
        for item in maps {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            explicit[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let service = try journal.service()
        let migrator = CaseMigrator(target: definition, targetHash: hash, targetContext: context, explicit: explicit)
        var refused = 0
        do {
            let selected = allOpen
                ? try service.loadAll(sopID: definition.id).filter { $0.state.status == .open }
                : try cases.map { id throws(JournalError) in try service.load(id, for: "case migrate") }
            if selected.isEmpty { print(CaseCommandMessages.noOpenCases.text(["sop": .text(definition.id)], in: Language.session)) }
            for loaded in selected {
                let plan = migrator.plan(loaded)
                for warning in RevisionCheck.sameRevisionLabel(old: loaded.context.definition, oldHash: plan.fromHash, new: definition,
                                                               newHash: hash) {
                    Terminal.diagnostic(warning, colour: false)
                }
                if case .refused = plan.verdict {
                    refused += 1
                    if !dryRun { try? service.recordRefusal("case migrate", caseID: loaded.id, reason: plan.message) }
                }
                guard !dryRun, case .ready = plan.verdict else {
                    print(dryRun ? CaseCommandMessages.migratePlan.text(["summary": .message(plan.message)], in: Language.session) : plan.message.text(in: Language.session))
                    continue
                }
                let outcome = try service.migrate(loaded, plan: plan, to: sop, key: key.value.map { "\($0)-\(loaded.id)" })
                print(CaseCommandMessages.migrated.text(["summary": .message(plan.message), "version": .text(String(outcome.version))], in: Language.session))
            }
        } catch {
            throw JournalFailure.exit(error)
        }
        if refused > 0 { throw ExitCode(1) }
    }
}
