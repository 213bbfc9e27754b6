import Foundation
import SOPKit

/// What `sop journal check` found: the storage's own check, and every case read back.
public struct JournalCheckReport: Sendable {
    /// Problems the storage reported (SQLite's `PRAGMA integrity_check`); empty when sound.
    public var storageProblems: [String]
    /// Cases that were read and folded back in full.
    public var casesRead: Int
    /// Cases that could not be read, with the reason.
    public var unreadable: [(caseID: String, reason: String)]

    public var isSound: Bool { storageProblems.isEmpty && unreadable.isEmpty }
}

/// What `sop journal export` could read: each readable case with its events, and what it could not.
public struct JournalExport: Sendable {
    public var cases: [StoredCase]
    public var unreadable: [(caseID: String, reason: String)]
}

extension JournalStore {
    /// The storage's own full check; SQLite's `integrity_check`, nothing on a server that checks its
    /// own pages.
    public func storageProblems() throws(JournalError) -> [String] {
        guard let sqlite = self as? SQLiteJournal else { return [] }
        let result = try sqlite.integrityCheck()
        return result == "ok" ? [] : result.components(separatedBy: "; ")
    }

    /// Reads every case back, one at a time, so one unreadable case does not hide the others.
    public func readEachCase() -> JournalExport {
        let headers: [CaseHeader]
        do {
            headers = try cases(sopID: nil, status: nil)
        } catch {
            return JournalExport(cases: [], unreadable: [("(the list of cases)", error.description)])
        }
        var read: [StoredCase] = []
        var unreadable: [(String, String)] = []
        for header in headers {
            do { read.append(try loadCase(header.id)) } catch { unreadable.append((header.id, error.description)) }
        }
        return JournalExport(cases: read, unreadable: unreadable)
    }

    /// The full check behind `sop journal check`.
    public func check() -> JournalCheckReport {
        var problems: [String]
        do { problems = try storageProblems() } catch { problems = [error.description] }
        let each = readEachCase()
        return JournalCheckReport(storageProblems: problems, casesRead: each.cases.count, unreadable: each.unreadable)
    }
}
