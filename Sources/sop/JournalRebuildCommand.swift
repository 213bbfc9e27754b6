import ArgumentParser
import SOPJournal
import SOPKit

/// `sop journal rebuild`: the read model of current case state made again from the events.
struct JournalRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuilds the read model of current case state (what case list, tasks and sop serve read) from the events, in one transaction.",
        discussion: """
        The read model is written with every command, in the same transaction as its events; rebuild it
        after an upgrade that changes how cases are folded, or to fill it for a journal made before it
        existed (until then those cases are folded on every read). Events are never changed.
        Exit status 0 when every case was rebuilt, 1 when some cannot be read (they are named).

        Example:
          sop journal rebuild --db sop.sqlite
        """
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let service = try journal.service()
        let result: ReadModelRebuild
        do {
            result = try service.store.rebuildReadModel()
            try service.recordRead("journal rebuild", role: nil, caseID: nil,
                                   detail: "\(result.rebuilt) case(s) rebuilt, \(result.unreadable.count) unreadable")
        } catch {
            throw JournalFailure.exit(error)
        }
        for id in result.unreadable { print("unreadable: \(TerminalText.escaped(id)) (no read model row; readers fold it and name it)") }
        print("\(result.rebuilt) case(s) rebuilt")
        if !result.unreadable.isEmpty { throw ExitCode(1) }
    }
}
