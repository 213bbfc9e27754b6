import Foundation
import SOPKit

/// A case in the journal whose stored data cannot be read now, and why.
public struct UnreadableCase: Error, Sendable, Hashable {
    public var id: String
    /// Why, from the catalogue.
    public var why: Message
    /// Why, in English.
    public var reason: String { why.english }

    /// The case `id`, unreadable for `why`.
    public init(id: String, why: Message) {
        self.id = id
        self.why = why
    }

    /// The case `id`, unreadable because of `error`.
    public init(id: String, error: any Error) {
        self.init(id: id, why: JournalError.why(error))
    }
}

/// A case read from the journal: stored events, the context it runs in, and its state.
public struct LoadedCase: Sendable {
    public var stored: StoredCase
    public var context: CaseContext
    public var state: CaseState
    public var id: String { stored.header.id }

    /// Whether the case had been opened by `time` (a view as of an earlier time leaves it out:
    /// `case list --at`, `tasks --at`).
    public func existed(at time: Date) -> Bool {
        (state.openedAt ?? stored.header.openedAt) <= time
    }
}
