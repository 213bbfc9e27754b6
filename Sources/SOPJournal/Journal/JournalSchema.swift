import SOPKit
import GRDB

/// The journal's schema. Migrations are never edited once shipped: a change is a new migration.
enum JournalSchema {
    static let migrationNames: Set<String> = ["v1-journal", "issue13-audit-as-of", "issue12-chain", "issue13-calendars", "issue13-calendar-chain", "issue17-read-model", "issue17-accounts", "issue17-case-tasks", "issue17-worklist-marker"]

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
        migrator.registerMigration("issue12-chain") { db in
            try db.execute(sql: """
                ALTER TABLE events ADD COLUMN payload_hash TEXT NOT NULL DEFAULT '';
                ALTER TABLE events ADD COLUMN chain TEXT NOT NULL DEFAULT '';
                ALTER TABLE audit ADD COLUMN os_login TEXT;
                ALTER TABLE audit ADD COLUMN claimed_user TEXT;
                ALTER TABLE audit ADD COLUMN db_role TEXT;
                ALTER TABLE audit ADD COLUMN payload_hash TEXT NOT NULL DEFAULT '';
                ALTER TABLE audit ADD COLUMN chain TEXT NOT NULL DEFAULT '';
                ALTER TABLE definitions ADD COLUMN position INTEGER;
                ALTER TABLE definitions ADD COLUMN chain TEXT NOT NULL DEFAULT '';
                DROP TRIGGER events_append_only_update;
                DROP TRIGGER audit_append_only_update;
                """)
            try JournalSchema.chainExistingRows(db)
            try db.execute(sql: """
                CREATE UNIQUE INDEX definitions_position ON definitions(position);
                CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
                    BEGIN SELECT RAISE(ABORT, 'events are append-only: they cannot be changed'); END;
                CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER definitions_append_only_update BEFORE UPDATE ON definitions
                    BEGIN SELECT RAISE(ABORT, 'stored definitions are append-only: they cannot be changed'); END;
                CREATE TRIGGER definitions_append_only_delete BEFORE DELETE ON definitions
                    BEGIN SELECT RAISE(ABORT, 'stored definitions are append-only: they cannot be deleted'); END;
                -- REPLACE and INSERT OR REPLACE delete the row they replace without firing a delete
                -- trigger: refuse any insert whose key is already there, before conflict handling.
                CREATE TRIGGER events_no_replace BEFORE INSERT ON events
                    WHEN EXISTS (SELECT 1 FROM events WHERE case_id = NEW.case_id AND seq = NEW.seq)
                    BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be replaced'); END;
                CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
                    WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: a row cannot be replaced'); END;
                CREATE TRIGGER definitions_no_replace BEFORE INSERT ON definitions
                    WHEN EXISTS (SELECT 1 FROM definitions WHERE hash = NEW.hash)
                    BEGIN SELECT RAISE(ABORT, 'stored definitions are append-only: a definition cannot be replaced'); END;
                """)
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
                CREATE TRIGGER calendars_no_replace BEFORE INSERT ON calendars
                    WHEN EXISTS (SELECT 1 FROM calendars WHERE hash = NEW.hash)
                    BEGIN SELECT RAISE(ABORT, 'stored calendars are append-only: a calendar cannot be replaced'); END;
                ALTER TABLE cases ADD COLUMN calendar_hash TEXT REFERENCES calendars(hash);
                """)
        }
        // Issue 13: stored calendar revisions join the tamper-evident chains, like definitions: a
        // position and a chain hash over the previous one, the revision's hash (which covers every
        // file's text) and its id and time. Revisions already stored are chained in the order
        // they were stored.
        migrator.registerMigration("issue13-calendar-chain") { db in
            try db.execute(sql: """
                ALTER TABLE calendars ADD COLUMN position INTEGER;
                ALTER TABLE calendars ADD COLUMN chain TEXT NOT NULL DEFAULT '';
                DROP TRIGGER calendars_append_only_update;
                """)
            try JournalSchema.chainExistingCalendars(db)
            try db.execute(sql: """
                CREATE UNIQUE INDEX calendars_position ON calendars(position);
                CREATE TRIGGER calendars_append_only_update BEFORE UPDATE ON calendars
                    BEGIN SELECT RAISE(ABORT, 'stored calendars are append-only: they cannot be changed'); END;
                """)
        }
        // Issue 17: the read model of current case state (CaseSummary), written in the same
        // transaction as each case's events and rebuilt by `sop journal rebuild`; a case with no row
        // (or a stale one) is folded by the reader. case_awaiting indexes who each open case awaits.
        migrator.registerMigration("issue17-read-model") { db in
            try db.execute(sql: """
                CREATE TABLE case_state (
                    case_id TEXT PRIMARY KEY REFERENCES cases(id),
                    sop_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    summary TEXT NOT NULL
                );
                CREATE TABLE case_awaiting (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    performer TEXT NOT NULL,
                    PRIMARY KEY (performer, case_id)
                );
                CREATE INDEX case_awaiting_case ON case_awaiting(case_id);
                """)
        }
        // Issue 17: accounts of `sop serve` (bcrypt hashes only), its server-side sessions (the
        // SHA-256 of the token, never the token) and failed logins for throttling.
        migrator.registerMigration("issue17-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    name TEXT PRIMARY KEY,
                    password_hash TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    sops TEXT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL,
                    changed_at INTEGER NOT NULL
                );
                CREATE TABLE web_sessions (
                    token_hash TEXT PRIMARY KEY,
                    user_name TEXT NOT NULL REFERENCES users(name),
                    csrf TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seen INTEGER NOT NULL
                );
                CREATE INDEX web_sessions_user ON web_sessions(user_name);
                CREATE TABLE login_failures (
                    key TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                CREATE INDEX login_failures_key ON login_failures(key, at);
                """)
        }
        // Issue 17: the worklist rows of the read model, so Tugas saya is one indexed query with a
        // LIMIT instead of decoding every awaiting case's summary: one row per active step of an
        // open case and per performer who has it now (in sequence mode only the first awaited),
        // with the due time (sort_due: the due time, or the largest integer when there is none,
        // so "no due time" sorts last) and, for a recurring step, its windows (the reader decides
        // at its now whether the current one was attended; `recurring` keeps those apart in the
        // index the count reads). Written with case_state in the same
        // transaction. read_model_gaps names the cases whose rows could not be made (a case the
        // fold refuses, or one stored before this table): while any open case is named there,
        // readers take the slow way (fold). Every case stored before this migration is named,
        // until `sop journal rebuild` (or its next write) fills its rows.
        migrator.registerMigration("issue17-case-tasks") { db in
            try db.execute(sql: """
                CREATE TABLE case_tasks (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    position INTEGER NOT NULL,
                    performer TEXT NOT NULL,
                    definition_hash TEXT NOT NULL,
                    sop_id TEXT NOT NULL,
                    step TEXT NOT NULL,
                    due INTEGER,
                    sort_due INTEGER NOT NULL,
                    awaited TEXT NOT NULL,
                    windows TEXT,
                    recurring INTEGER NOT NULL,
                    PRIMARY KEY (case_id, position, performer)
                );
                CREATE INDEX case_tasks_order ON case_tasks(sort_due, case_id, position);
                CREATE INDEX case_tasks_holder ON case_tasks(performer, definition_hash, recurring, case_id, position);
                CREATE TABLE read_model_gaps (
                    case_id TEXT PRIMARY KEY REFERENCES cases(id)
                );
                INSERT INTO read_model_gaps (case_id) SELECT id FROM cases;
                """)
        }
        // Issue 17: a marker that every change of what Tugas saya reads moves (the worklist rows,
        // the gaps, and the status, definition and calendar of a case), by trigger, in the
        // transaction of the change: a process keeps the heads it read (WorklistMemo) until the
        // marker moves, whoever wrote.
        migrator.registerMigration("issue17-worklist-marker") { db in
            var sql = """
                CREATE TABLE worklist_marker (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    version INTEGER NOT NULL
                );
                INSERT INTO worklist_marker (id, version) VALUES (1, 0);
                """
            for (table, change) in [("case_tasks", "INSERT"), ("case_tasks", "UPDATE"), ("case_tasks", "DELETE"),
                                    ("read_model_gaps", "INSERT"), ("read_model_gaps", "UPDATE"), ("read_model_gaps", "DELETE"),
                                    ("cases", "INSERT"), ("cases", "UPDATE OF status, definition_hash, calendar_hash"), ("cases", "DELETE")] {
                let name = "\(table)_\(change.prefix { $0 != " " }.lowercased())_moves_worklist_marker"
                sql += "\nCREATE TRIGGER \(name) AFTER \(change) ON \(table) BEGIN UPDATE worklist_marker SET version = version + 1; END;"
            }
            try db.execute(sql: sql)
        }
        return migrator
    }

    /// Gives the calendar revisions stored before they were chained their positions and chain
    /// hashes, in the order they were stored (run by `issue13-calendar-chain`, its update trigger lifted).
    static func chainExistingCalendars(_ db: Database) throws {
        var head = JournalChain.genesis
        var position = 0
        for row in try Row.fetchAll(db, sql: "SELECT rowid, hash, calendar_id, sources, stored_at FROM calendars ORDER BY rowid") {
            position += 1
            let chained = CalendarChainRow(position: position, hash: row["hash"], calendarID: row["calendar_id"], sources: row["sources"],
                                           storedAt: row["stored_at"], chain: "")
            head = JournalChain.calendar(previous: head, chained)
            try db.execute(sql: "UPDATE calendars SET position = ?, chain = ? WHERE hash = ?", arguments: [position, head, chained.hash])
        }
    }

    /// Gives the rows of a journal made before the chains their payload hashes and chain hashes,
    /// in chain order (run by the `issue12-chain` migration, with the update triggers lifted).
    static func chainExistingRows(_ db: Database) throws {
        var head = JournalChain.genesis
        var position = 0
        for row in try Row.fetchAll(db, sql: "SELECT rowid, hash, sop_id, source, stored_at FROM definitions ORDER BY rowid") {
            position += 1
            let chained = DefinitionChainRow(position: position, hash: row["hash"], sopID: row["sop_id"], source: row["source"],
                                             storedAt: row["stored_at"], chain: "")
            head = JournalChain.definition(previous: head, chained)
            try db.execute(sql: "UPDATE definitions SET position = ?, chain = ? WHERE hash = ?", arguments: [position, head, chained.hash])
        }
        var heads: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY case_id, seq") {
            var chained = SQLiteJournal.eventChainRow(row)
            chained.payloadHash = JournalChain.payloadHash(chained.payload)
            let chain = JournalChain.event(previous: heads[chained.caseID] ?? JournalChain.genesis, chained)
            heads[chained.caseID] = chain
            try db.execute(sql: "UPDATE events SET payload_hash = ?, chain = ? WHERE case_id = ? AND seq = ?",
                           arguments: [chained.payloadHash, chain, chained.caseID, chained.seq])
        }
        head = JournalChain.genesis
        for row in try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id") {
            var chained = SQLiteJournal.auditChainRow(row)
            chained.payloadHash = JournalChain.payloadHash(chained.detail)
            head = JournalChain.audit(previous: head, chained)
            try db.execute(sql: "UPDATE audit SET payload_hash = ?, chain = ? WHERE id = ?", arguments: [chained.payloadHash, head, chained.id])
        }
    }
}
