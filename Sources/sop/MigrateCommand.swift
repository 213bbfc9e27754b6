import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop migrate`: moves an office's SQLite journal to a PostgreSQL server.
struct MigrateCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "migrate",
            abstract: JournalHelpMessages.migrateCommandAbstract.text(in: Language.session),
            discussion: JournalHelpMessages.migrateCommandDiscussion.text(in: Language.session)
        )
    }

    @Option(help: .catalogue(.migrateFrom))
    var from: String

    @Option(help: .catalogue(.migrateTo))
    var to: String

    @Option(help: .catalogue(.migrateUser))
    var user: String?

    func validate() throws {
        guard PostgresURL.isPostgres(to) else {
            throw ValidationError(JournalCommandMessages.toNotPostgres.text(["to": .text(JournalBackend.describe(to))], in: Language.session))
        }
        guard !PostgresURL.isPostgres(from), !JournalBackend.looksLikeURL(from) else {
            throw ValidationError(JournalCommandMessages.fromNotSQLite.text(in: Language.session))
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: from) else {
            Terminal.error(JournalCommandMessages.fromMissing.text(["path": .text(from)], in: Language.session))
            throw ExitCode(1)
        }
        // An empty file would be made into a new, empty journal and "verified" with nothing in it.
        let size = (try? FileManager.default.attributesOfItem(atPath: from)[.size] as? Int) ?? 0
        guard size > 0 else {
            Terminal.error(JournalCommandMessages.fromEmpty.text(["path": .text(from)], in: Language.session))
            throw ExitCode(1)
        }
        let actor = user.flatMap { $0.isEmpty ? nil : $0 } ?? OperatingSystemLogin.name
        let migration: JournalMigration
        do {
            let source = try SQLiteJournal(path: from)
            let target = try PostgresJournal(url: to)
            print(JournalCommandMessages.from.text(["path": .text(from)], in: Language.session))
            print(JournalCommandMessages.to.text(["path": .text(target.location)], in: Language.session))
            migration = JournalMigration(source: source, target: target, sourceName: URL(fileURLWithPath: from).lastPathComponent, actor: actor)
        } catch {
            Terminal.error("sop: \(error.message(in: Language.session))")
            throw ExitCode(1)
        }
        let report: JournalMigration.Report
        do {
            report = try migration.run { line in print(line.text(in: Language.session)) }
        } catch {
            Terminal.error("sop: \(error.message(in: Language.session))")
            Terminal.error(JournalCommandMessages.nothingLost.text(in: Language.session))
            throw ExitCode(1)
        }
        let copiedEvents = report.copied.reduce(0) { $0 + $1.events }
        let b = Language.session
        print(JournalCommandMessages.definitionsCopied.text(["copied": .number(report.definitionsCopied), "there": .number(report.definitions - report.definitionsCopied)], in: b))
        var cases = JournalCommandMessages.casesCopied.text(["copied": .number(report.copied.count), "events": .number(copiedEvents),
                                                         "there": .number(report.alreadyThere.count + report.aheadOnTarget.count)], in: b)
        if !report.updated.isEmpty {
            cases += JournalCommandMessages.casesUpdated.text(["n": .number(report.updated.count), "events": .number(report.updated.reduce(0) { $0 + $1.events })], in: b)
        }
        if !report.aheadOnTarget.isEmpty { cases += JournalCommandMessages.casesAhead.text(["n": .number(report.aheadOnTarget.count)], in: b) }
        if !report.refused.isEmpty { cases += JournalCommandMessages.casesRefused.text(["n": .number(report.refused.count)], in: b) }
        print(cases)
        print(JournalCommandMessages.otherAudit.text(["n": .number(report.otherAuditCopied)], in: b))
        let v = report.verification
        func pair(_ p: (source: Int, target: Int)) -> MessageArgument {
            p.source == p.target ? .number(p.source) : .message(JournalCommandMessages.sourceButTarget(["source": .number(p.source), "target": .number(p.target)]))
        }
        if v.matches {
            print(JournalCommandMessages.verified.text(["definitions": .number(v.definitions.source), "cases": .number(v.cases.source), "events": .number(v.events.source),
                                     "keys": .number(v.commands.source), "audit": .number(v.audit.source)], in: b))
            print(JournalCommandMessages.checksumBoth.text(["checksum": .text(v.checksum.source)], in: b))
        } else {
            Terminal.error(JournalCommandMessages.verificationFailed.text(["definitions": pair(v.definitions), "cases": pair(v.cases), "events": pair(v.events),
                                                        "keys": pair(v.commands), "audit": pair(v.audit)], in: b))
            Terminal.error(JournalCommandMessages.checksumDiffers.text(["source": .text(v.checksum.source), "target": .text(v.checksum.target)], in: b))
        }
        for (id, reason) in report.refused {
            Terminal.error(JournalCommandMessages.caseNotCopied.text(["case": .text(id), "reason": .message(reason)], in: b))
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}
