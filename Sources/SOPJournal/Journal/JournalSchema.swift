import SOPKit
import GRDB

/// The journal's schema. Migrations are never edited once shipped: a change is a new migration.
enum JournalSchema {
    static let migrationNames: Set<String> = ["v1-journal", "issue13-audit-as-of", "issue13-calendars"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-journal") { db in
            try db.execute(sql: """
                CREATE TABLE journal_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO journal_info (key, value) VALUES ('application', 'sop journal');
                CREATE TABLE definitions (
                    hash TEXT PRIMARY KEY,
                    sop_id TEXT NOT NULL,
                    source TEXT NOT NULL,
                    stored_at INTEGER NOT NULL
                );
                CREATE TABLE cases (
                    id TEXT PRIMARY KEY,
                    number INTEGER NOT NULL UNIQUE,
                    sop_id TEXT NOT NULL,
                    definition_hash TEXT NOT NULL REFERENCES definitions(hash),
                    opened_at INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    version INTEGER NOT NULL
                );
                CREATE INDEX cases_sop ON cases(sop_id, status);
                CREATE TABLE events (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    seq INTEGER NOT NULL,
                    format INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    role TEXT,
                    command_key TEXT,
                    PRIMARY KEY (case_id, seq)
                ) WITHOUT ROWID;
                CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
                    BEGIN SELECT RAISE(ABORT, 'events are append-only: they cannot be changed'); END;
                CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
                    BEGIN SELECT RAISE(ABORT, 'events are append-only: they cannot be deleted'); END;
                CREATE TABLE commands (
                    key TEXT PRIMARY KEY,
                    fingerprint TEXT NOT NULL,
                    case_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL
                );
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    role TEXT,
                    action TEXT NOT NULL,
                    case_id TEXT,
                    detail TEXT
                );
                CREATE INDEX audit_case ON audit(case_id, id);
                CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """)
        }
        // Issue 13: a read's as-of time (`--at`) is its own field; `at` stays the real time.
        migrator.registerMigration("issue13-audit-as-of") { db in
            try db.execute(sql: "ALTER TABLE audit ADD COLUMN as_of INTEGER")
        }
        // Issue 13: calendars are pinned like definitions. Each revision (the exact calendar files a
        // case's calendar is built from, hashed together) is stored once, append-only; a case names
        // the revision it runs on (NULL for cases opened before: read with the files found today).
        migrator.registerMigration("issue13-calendars") { db in
            try db.execute(sql: """
                CREATE TABLE calendars (
                    hash TEXT PRIMARY KEY,
                    calendar_id TEXT NOT NULL,
                    sources TEXT NOT NULL,
                    stored_at INTEGER NOT NULL
                );
                CREATE TRIGGER calendars_append_only_update BEFORE UPDATE ON calendars
                    BEGIN SELECT RAISE(ABORT, 'stored calendars are append-only: they cannot be changed'); END;
                CREATE TRIGGER calendars_append_only_delete BEFORE DELETE ON calendars
                    BEGIN SELECT RAISE(ABORT, 'stored calendars are append-only: they cannot be deleted'); END;
                ALTER TABLE cases ADD COLUMN calendar_hash TEXT REFERENCES calendars(hash);
                """)
        }
        return migrator
    }
}
