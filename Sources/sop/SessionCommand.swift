import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop session record`: one group session attended by many cases.
struct SessionCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Records group sessions (the monthly support group) for many cases at once.",
        subcommands: [SessionRecordCommand.self]
    )
}

struct SessionRecordCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Records one session of a recurring or group step, attended by the listed cases, in one transaction.",
        discussion: """
        Every case must be of the SOP and have the step active with a session window open at --at; \
        if any case cannot attend, nothing is recorded for any.

        Example:
          sop session record anak-jalanan support-group --at 2025-02-14T09:00 --case AJ-0001 --case AJ-0002
        """
    )

    @OptionGroup var journal: JournalOptions
    @OptionGroup var key: KeyOption

    @Argument(help: "The SOP id (or its file).")
    var sop: String

    @Argument(help: "The step id.")
    var step: String

    @Option(help: "When the session was held (ISO 8601 or a local date/time).")
    var at: String

    @Option(name: .customLong("case"), help: "A case that attended (repeatable).")
    var cases: [String] = []

    func validate() throws {
        if cases.isEmpty { throw ValidationError("name at least one --case") }
    }

    func run() throws {
        let service = try journal.service()
        let sopID = URL(fileURLWithPath: sop).deletingPathExtension().lastPathComponent
        do {
            guard let first = cases.first else { return }
            let context = try service.load(first, for: "session record").context
            let when = try LoadedSOP.instant(at, context: context, option: "--at") ?? service.clock()
            let outcomes = try service.recordSession(sopID: sopID, step: step, at: when, caseIDs: cases, key: key.value)
            for outcome in outcomes { print("\(outcome.caseID): session of \(step) recorded (version \(outcome.version))") }
        } catch let error as JournalError {
            throw JournalFailure.exit(error)
        }
    }
}
