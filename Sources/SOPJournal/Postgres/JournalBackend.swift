import SOPKit
import Foundation

/// Opens the journal that `--db` / `$SOP_DB` names: a `postgres://` or `postgresql://` URL is a
/// ``PostgresJournal`` on that server; anything else is the path of an ``SQLiteJournal`` file.
public enum JournalBackend {
    /// Anything else that looks like a URL (a mistyped scheme) is refused rather than taken as a
    /// file name. `allowShared`: an SQLite file that other users may read, or that belongs to
    /// another user, is used (`--shared-journal`) instead of refused.
    public static func open(_ location: String, allowShared: Bool = false) throws(JournalError) -> any JournalStore {
        if PostgresURL.isPostgres(location) { return try PostgresJournal(url: location) }
        if looksLikeURL(location) {
            throw .cannotOpen(JournalFileMessages.looksLikeURL(["location": .text(describe(location))]))
        }
        return try SQLiteJournal(path: location, allowShared: allowShared)
    }

    /// `location` fit for a message: without any password (a plain path is left as it is).
    public static func describe(_ location: String) -> String {
        PostgresURL.hidingPassword(location)
    }

    /// A URL or a connection string rather than a file name: `://`, a scheme with a user part
    /// (`postgress:/u:pw@host/db`), or a `password=` setting. Such a text is never opened (or
    /// printed) as a path, where its password would show.
    public static func looksLikeURL(_ location: String) -> Bool {
        let decoded = PostgresURL.leniently(location)
        if location.contains("://") || decoded.range(of: "password=", options: .caseInsensitive) != nil { return true }
        guard let colon = location.firstIndex(of: ":"), colon != location.startIndex else { return false }
        let scheme = location[..<colon]
        return scheme.first?.isLetter == true && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && location.contains("@")
    }
}
