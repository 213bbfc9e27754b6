import Foundation

/// What a read of the read model found.
public struct ReadModelRows: Sendable {
    /// Cases with a current summary, in the order they were opened.
    public var summaries: [(header: CaseHeader, summary: CaseSummary)]
    /// Cases with no summary, or one older than their events: fold them.
    public var missing: [CaseHeader]

    public init(summaries: [(header: CaseHeader, summary: CaseSummary)], missing: [CaseHeader]) {
        self.summaries = summaries
        self.missing = missing
    }
}

/// What `sop journal rebuild` did.
public struct ReadModelRebuild: Sendable, Hashable {
    /// Cases given a summary.
    public var rebuilt: Int
    /// Cases that cannot be folded now (they get none; readers name them unreadable).
    public var unreadable: [String]
}
