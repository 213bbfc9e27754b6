import Foundation
import SOPKit

/// The rule on the time work is recorded as done at (`--at`), checked before anything is written:
/// not in the future (beyond ``CaseService/allowedSkew``), not before the case opened, not before
/// the case's previous event (a migration aside). The journal's own time (`recorded_at`) is always the real time.
enum WorkTime {
    static func check(_ at: Date, now: Date, after loaded: LoadedCase?, in context: CaseContext) throws(JournalError) {
        if at > now.addingTimeInterval(CaseService.allowedSkew) {
            throw .refused(CaseRefusal(.badTime, EngineMessages.afterNow(["at": .text(context.format(at)), "now": .text(context.format(now))])))
        }
        guard let loaded else { return }
        if let opened = loaded.state.openedAt, at < opened {
            throw .refused(CaseRefusal(.badTime, EngineMessages.beforeOpened(["at": .text(context.format(at)), "case": .text(loaded.id), "opened": .text(context.format(opened))])))
        }
        // A migration is dated when it was recorded; work done before it may still be recorded.
        let work = loaded.stored.events.lazy.filter { $0.event.kind.migrationFrom == nil }
        if let last = work.map(\.event.at).max(), at < last {
            throw .refused(CaseRefusal(.badTime, EngineMessages.beforeLast(["at": .text(context.format(at)), "case": .text(loaded.id), "last": .text(context.format(last))])))
        }
    }
}
