import SOPKit
/// Why the journal could not do what was asked, in words a case worker can act on.
///
/// Every case carries catalogue messages (or values rendered by one), never a free English
/// string: a throw site cannot pass `"..."` where a ``Message`` is asked for, so whatever the
/// journal reports reads in the reader's language (``message(in:)``).
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database cannot be opened: missing folder, not a database, a foreign or newer database.
    case cannotOpen(Message)
    /// Another command changed the case first; nothing was written.
    case conflict(case: String, expected: Int, found: Int)
    /// No such case.
    case unknownCase(String)
    /// Stored data this version cannot read.
    case corrupt(Message)
    /// The SOP refused the command; nothing was written.
    case refused(CaseRefusal)
    /// The storage reports the file damaged (`problems`: SQLite's own list); nothing was written to it.
    case damaged(path: String, problems: Message)
    /// Anything else the storage reported.
    case storage(Message)
    /// A problem with what the command was given (a calendar that contradicts the SOP), from the catalogue.
    case problem(Message)

    /// The English text (logs, library callers).
    public var description: String { message(in: .en) }

    /// The whole message as a catalogue message.
    public var text: Message {
        switch self {
        case .cannotOpen(let m), .storage(let m), .problem(let m): m
        case .conflict(let id, let expected, let found):
            JournalMessages.conflict(["case": .text(id), "expected": .number(expected), "found": .number(found)])
        case .unknownCase(let id): JournalMessages.unknownCase(["case": .text(id)])
        case .corrupt(let m): JournalMessages.corrupt(["why": .message(m)])
        case .refused(let r): r.text
        case .damaged(let path, let problems): JournalMessages.damaged(["path": .text(path), "problems": .message(problems)])
        }
    }

    /// What a person reads, in `bahasa`.
    public func message(in bahasa: Bahasa) -> String { text.text(in: bahasa) }
}

extension JournalError {
    /// Any error met while reading the journal, as a catalogue message: a journal error's own,
    /// else the kind of the unexpected failure.
    public static func why(_ error: any Error) -> Message {
        if let journal = error as? JournalError { return journal.text }
        return JournalDataMessages.unexpectedFailure(["kind": .text("\(type(of: error))")])
    }

    /// The cases, without their values: what tests iterate over so that a new case cannot be left
    /// without a catalogue text (``kind`` is an exhaustive switch, so a new case needs a kind).
    public enum Kind: String, CaseIterable, Sendable {
        case cannotOpen, conflict, unknownCase, corrupt, refused, damaged, storage, problem
    }

    /// Which case this is.
    public var kind: Kind {
        switch self {
        case .cannotOpen: .cannotOpen
        case .conflict: .conflict
        case .unknownCase: .unknownCase
        case .corrupt: .corrupt
        case .refused: .refused
        case .damaged: .damaged
        case .storage: .storage
        case .problem: .problem
        }
    }
}
