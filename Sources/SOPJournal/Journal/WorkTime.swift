import Foundation
import SOPKit

/// The rule on the time work is recorded as done at (`--at`), checked before anything is written:
/// not in the future (beyond ``CaseService/allowedSkew``), not before the case opened, not before
/// the case's previous event (a migration aside). The journal's own time (`recorded_at`) is always the real time.
enum WorkTime {
    static func check(_ at: Date, now: Date, after loaded: LoadedCase?, in context: CaseContext) throws(JournalError) {
        if at > now.addingTimeInterval(CaseService.allowedSkew) {
            throw .refused(CaseRefusal(.badTime, "the work is dated \(context.format(at)), after now (\(context.format(now))); "
                + "work cannot be recorded in advance: give --at a time that has passed"))
        }
        guard let loaded else { return }
        if let opened = loaded.state.openedAt, at < opened {
            throw .refused(CaseRefusal(.badTime, "the work is dated \(context.format(at)), before case \(loaded.id) was opened "
                + "(\(context.format(opened)))"))
        }
        // A migration is dated when it was recorded; work done before it may still be recorded.
        let work = loaded.stored.events.lazy.filter { $0.event.kind.migrationFrom == nil }
        if let last = work.map(\.event.at).max(), at < last {
            throw .refused(CaseRefusal(.badTime, "the work is dated \(context.format(at)), before the last thing recorded on case "
                + "\(loaded.id) (\(context.format(last))); record work in the order it was done"))
        }
    }
}
