import Foundation

/// Opens the journal that `--db` / `$SOP_DB` names: a `postgres://` or `postgresql://` URL is a
/// ``PostgresJournal`` on that server; anything else is the path of an ``SQLiteJournal`` file.
public enum JournalBackend {
    public static func open(_ location: String) throws(JournalError) -> any JournalStore {
        if PostgresURL.isPostgres(location) { return try PostgresJournal(url: location) }
        return try SQLiteJournal(path: location)
    }

    /// `location` fit for a message: a URL without its password, a path as it is.
    public static func describe(_ location: String) -> String {
        PostgresURL.isPostgres(location) ? PostgresURL.hidingPassword(location) : location
    }
}
