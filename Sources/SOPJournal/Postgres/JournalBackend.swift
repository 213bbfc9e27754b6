import Foundation

/// Opens the journal that `--db` / `$SOP_DB` names: a `postgres://` or `postgresql://` URL is a
/// ``PostgresJournal`` on that server; anything else is the path of an ``SQLiteJournal`` file.
public enum JournalBackend {
    /// Anything else with `://` (a mistyped scheme) is refused rather than taken as a file name.
    /// `allowShared`: an SQLite file that other users may read, or that belongs to another user, is
    /// used (`--shared-journal`) instead of refused.
    public static func open(_ location: String, allowShared: Bool = false) throws(JournalError) -> any JournalStore {
        if PostgresURL.isPostgres(location) { return try PostgresJournal(url: location) }
        if location.contains("://") {
            throw .cannotOpen("'\(describe(location))' looks like a URL, but only postgres:// and postgresql:// URLs are journals; "
                + "give a PostgreSQL URL or the path of an SQLite file")
        }
        return try SQLiteJournal(path: location, allowShared: allowShared)
    }

    /// `location` fit for a message: a URL (anything with `://`) without its password, a path as it is.
    public static func describe(_ location: String) -> String {
        location.contains("://") ? PostgresURL.hidingPassword(location) : location
    }
}
