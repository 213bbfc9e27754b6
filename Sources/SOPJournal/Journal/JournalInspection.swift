import Foundation
import SOPKit

/// What `sop journal check` found: the storage's own check, and every case read back.
public struct JournalCheckReport: Sendable {
    /// Problems the storage reported (SQLite's `PRAGMA integrity_check`, or why the check could
    /// not run); empty when sound.
    public var storageProblems: [Message]
    /// Cases that were read and folded back in full.
    public var casesRead: Int
    /// Cases that could not be read, with the reason.
    public var unreadable: [(caseID: String, why: Message)]

    public var isSound: Bool { storageProblems.isEmpty && unreadable.isEmpty }
}

/// What `sop journal export` could read: each readable case with its events, and what it could not.
public struct JournalExport: Sendable {
    public var cases: [StoredCase]
    public var unreadable: [(caseID: String, why: Message)]
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
            return JournalExport(cases: [], unreadable: [(JournalDataMessages.caseList().english, error.text)])
        }
        var read: [StoredCase] = []
        var unreadable: [(String, Message)] = []
        for header in headers {
            do { read.append(try loadCase(header.id)) } catch { unreadable.append((header.id, error.text)) }
        }
        return JournalExport(cases: read, unreadable: unreadable)
    }

    /// The full check behind `sop journal check`.
    public func check() -> JournalCheckReport {
        var problems: [Message]
        do {
            problems = try storageProblems().map { JournalFileMessages.quickCheck(["found": .text($0)]) }
        } catch {
            problems = [error.text]
        }
        let each = readEachCase()
        return JournalCheckReport(storageProblems: problems, casesRead: each.cases.count, unreadable: each.unreadable)
    }
}
