import SOPKit
/// Why the journal could not do what was asked, in words a case worker can act on.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database cannot be opened: missing folder, not a database, a foreign or newer database.
    case cannotOpen(String)
    /// Another command changed the case first; nothing was written.
    case conflict(case: String, expected: Int, found: Int)
    /// No such case.
    case unknownCase(String)
    /// Stored data this version cannot read.
    case corrupt(String)
    /// The SOP refused the command; nothing was written.
    case refused(CaseRefusal)
    /// The storage reports the file damaged; nothing was written to it.
    case damaged(path: String, String)
    /// Anything else the storage reported.
    case storage(String)
    /// A problem with what the command was given (a calendar that contradicts the SOP), from the catalogue.
    case problem(Message)

    public var description: String {
        switch self {
        case .cannotOpen(let m): m
        case .conflict(let id, let expected, let found):
            "case \(id) changed while this command was running (it was at version \(expected), it is now at \(found)); nothing was written: look at the case again and retry"
        case .unknownCase(let id): "no case '\(id)' in this database"
        case .corrupt(let m): "the journal holds data this version cannot read: \(m)"
        case .refused(let r): r.message
        case .damaged(let path, let problems):
            "the journal '\(path)' is damaged (\(problems)), so nothing was written to it: restore the last backup; "
                + "`sop journal export --db '\(path)'` saves what is still readable, `sop journal check --db '\(path)'` lists the damage"
        case .storage(let m): m
        case .problem(let m): m.english
        }
    }

    /// What a person reads, in `bahasa`.
    public func message(in bahasa: Bahasa) -> String {
        switch self {
        case .conflict(let id, let expected, let found):
            JournalMessages.conflict(["case": .text(id), "expected": .number(expected), "found": .number(found)]).text(in: bahasa)
        case .unknownCase(let id): JournalMessages.unknownCase(["case": .text(id)]).text(in: bahasa)
        case .corrupt(let m): JournalMessages.corrupt(["why": .text(m)]).text(in: bahasa)
        case .refused(let r): r.message(in: bahasa)
        case .damaged(let path, let problems): JournalMessages.damaged(["path": .text(path), "problems": .text(problems)]).text(in: bahasa)
        case .problem(let m): m.text(in: bahasa)
        case .cannotOpen, .storage: description
        }
    }
}
