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
            abstract: HelpMessages.migrateCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.migrateCommandDiscussion.text(in: Language.session)
        )
    }

    @Option(help: "The SQLite journal to copy from.")
    var from: String

    @Option(help: "The PostgreSQL journal to copy to: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].")
    var to: String

    @Option(help: "Who is migrating, for the audit trail (default: the login name).")
    var user: String?

    func validate() throws {
        guard PostgresURL.isPostgres(to) else {
            throw ValidationError("--to must be a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE), not '\(JournalBackend.describe(to))'")
        }
        guard !PostgresURL.isPostgres(from), !JournalBackend.looksLikeURL(from) else {
            throw ValidationError("--from must be an SQLite journal file; copying between two PostgreSQL databases is pg_dump's job")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: from) else {
            Terminal.error("sop: '\(from)' does not exist; give the SQLite journal to copy with --from")
            throw ExitCode(1)
        }
        // An empty file would be made into a new, empty journal and "verified" with nothing in it.
        let size = (try? FileManager.default.attributesOfItem(atPath: from)[.size] as? Int) ?? 0
        guard size > 0 else {
            Terminal.error("sop: '\(from)' is empty, not a journal; give the SQLite journal to copy with --from")
            throw ExitCode(1)
        }
        let actor = user.flatMap { $0.isEmpty ? nil : $0 } ?? OperatingSystemLogin.name
        let migration: JournalMigration
        do {
            let source = try SQLiteJournal(path: from)
            let target = try PostgresJournal(url: to)
            print("from: \(from)")
            print("to:   \(target.location)")
            migration = JournalMigration(source: source, target: target, sourceName: URL(fileURLWithPath: from).lastPathComponent, actor: actor)
        } catch {
            Terminal.error("sop: \(error.description)")
            throw ExitCode(1)
        }
        let report: JournalMigration.Report
        do {
            report = try migration.run { line in print(line) }
        } catch {
            Terminal.error("sop: \(error.description)")
            Terminal.error("sop: nothing is lost: every case copied so far is whole; run the same command again to go on")
            throw ExitCode(1)
        }
        let copiedEvents = report.copied.reduce(0) { $0 + $1.events }
        print("definitions: \(report.definitionsCopied) copied, \(report.definitions - report.definitionsCopied) already there")
        var cases = "cases: \(report.copied.count) copied (\(copiedEvents) events), \(report.alreadyThere.count + report.aheadOnTarget.count) already there"
        if !report.updated.isEmpty { cases += ", \(report.updated.count) brought up to date (\(report.updated.reduce(0) { $0 + $1.events }) events)" }
        if !report.aheadOnTarget.isEmpty { cases += " (\(report.aheadOnTarget.count) with newer events on the target)" }
        if !report.refused.isEmpty { cases += ", \(report.refused.count) refused" }
        print(cases)
        print("audit entries of no case: \(report.otherAuditCopied) copied")
        let v = report.verification
        func pair(_ p: (source: Int, target: Int)) -> String { p.source == p.target ? "\(p.source)" : "\(p.source) on the source but \(p.target) on the target" }
        if v.matches {
            print("verified: \(v.definitions.source) definitions, \(v.cases.source) cases, \(v.events.source) events, \(v.commands.source) idempotency keys, \(v.audit.source) audit entries on both sides")
            print("checksum of every case and event (SHA-256): \(v.checksum.source) on both sides")
        } else {
            Terminal.error("sop: verification FAILED: definitions \(pair(v.definitions)), cases \(pair(v.cases)), events \(pair(v.events)), keys \(pair(v.commands)), audit entries \(pair(v.audit))")
            Terminal.error("sop: checksum \(v.checksum.source) on the source, \(v.checksum.target) on the target")
        }
        for (id, reason) in report.refused {
            Terminal.error("sop: case \(id) was not copied: \(reason)")
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}
