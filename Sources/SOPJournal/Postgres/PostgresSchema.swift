import Foundation
import PostgresNIO
import SOPKit

/// The journal's schema on PostgreSQL, the same tables as on SQLite (times as milliseconds since
/// 1970, so both back ends hold identical values). Migrations are never edited once shipped: a
/// change is a new migration, recorded in `schema_migrations`. Events and the audit trail are
/// append-only: triggers raise on UPDATE, DELETE and TRUNCATE.
enum PostgresSchema {
    struct Migration {
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(name: "v1-journal", statements: [
            "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            "CREATE TABLE journal_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "INSERT INTO journal_info (key, value) VALUES ('application', 'sop journal')",
            """
            CREATE TABLE definitions (
                hash TEXT PRIMARY KEY,
                sop_id TEXT NOT NULL,
                source TEXT NOT NULL,
                stored_at BIGINT NOT NULL
            )
            """,
            // One row: the last case number handed out. Its row lock serialises case openings, so
            // numbers never repeat; a rolled-back opening gives its number back.
            "CREATE TABLE case_numbers (singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton), last BIGINT NOT NULL)",
            "INSERT INTO case_numbers (last) VALUES (0)",
            """
            CREATE TABLE cases (
                id TEXT PRIMARY KEY,
                number BIGINT NOT NULL UNIQUE,
                sop_id TEXT NOT NULL,
                definition_hash TEXT NOT NULL REFERENCES definitions(hash),
                opened_at BIGINT NOT NULL,
                status TEXT NOT NULL,
                version BIGINT NOT NULL
            )
            """,
            "CREATE INDEX cases_sop ON cases (sop_id, status)",
            """
            CREATE TABLE events (
                case_id TEXT NOT NULL REFERENCES cases(id),
                seq BIGINT NOT NULL,
                format BIGINT NOT NULL,
                type TEXT NOT NULL,
                at BIGINT NOT NULL,
                payload TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                role TEXT,
                command_key TEXT,
                PRIMARY KEY (case_id, seq)
            )
            """,
            """
            CREATE FUNCTION sop_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
            END
            $$
            """,
            """
            CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
                FOR EACH ROW EXECUTE FUNCTION sop_refuse_change('events are append-only: they cannot be changed or deleted')
            """,
            """
            CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
                FOR EACH STATEMENT EXECUTE FUNCTION sop_refuse_change('events are append-only: they cannot be deleted')
            """,
            """
            CREATE TABLE commands (
                key TEXT PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                case_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                recorded_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE audit (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                role TEXT,
                action TEXT NOT NULL,
                case_id TEXT,
                detail TEXT
            )
            """,
            "CREATE INDEX audit_case ON audit (case_id, id)",
            """
            CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
                FOR EACH ROW EXECUTE FUNCTION sop_refuse_change('the audit trail is append-only')
            """,
            """
            CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
                FOR EACH STATEMENT EXECUTE FUNCTION sop_refuse_change('the audit trail is append-only')
            """,
        ]),
        // Issue 13: a read's as-of time (`--at`) is its own field; `at` stays the real time.
        Migration(name: "issue13-audit-as-of", statements: [
            "ALTER TABLE audit ADD COLUMN as_of BIGINT",
        ]),
        // Tamper evidence (issue 12): each event, audit row and stored definition carries the
        // SHA-256 of its payload and a chain hash (JournalChain); rows made before are chained here,
        // in chain order, by the same formula in PL/pgSQL. Stored definitions become append-only.
        // The audit records the OS login, the name claimed with --user and the database role.
        Migration(name: "issue12-chain", statements: [
            "ALTER TABLE events ADD COLUMN payload_hash TEXT NOT NULL DEFAULT '', ADD COLUMN chain TEXT NOT NULL DEFAULT ''",
            """
            ALTER TABLE audit ADD COLUMN os_login TEXT, ADD COLUMN claimed_user TEXT, ADD COLUMN db_role TEXT,
                ADD COLUMN payload_hash TEXT NOT NULL DEFAULT '', ADD COLUMN chain TEXT NOT NULL DEFAULT ''
            """,
            "ALTER TABLE definitions ADD COLUMN position BIGINT UNIQUE, ADD COLUMN chain TEXT NOT NULL DEFAULT ''",
            """
            CREATE FUNCTION sop_chain_link(previous TEXT, payload_hash TEXT, fields TEXT[]) RETURNS TEXT
            LANGUAGE plpgsql IMMUTABLE AS $$
            DECLARE
                body TEXT := previous || E'\n' || payload_hash;
                field TEXT;
            BEGIN
                FOREACH field IN ARRAY fields LOOP
                    IF field IS NULL THEN body := body || E'\n-';
                    ELSE body := body || E'\n' || octet_length(field)::text || ':' || field;
                    END IF;
                END LOOP;
                RETURN encode(sha256(convert_to(body, 'UTF8')), 'hex');
            END
            $$
            """,
            "ALTER TABLE events DISABLE TRIGGER events_append_only",
            "ALTER TABLE audit DISABLE TRIGGER audit_append_only",
            """
            DO $$
            DECLARE
                r RECORD;
                head TEXT := repeat('0', 64);
                last_case TEXT := NULL;
                n BIGINT := 0;
                ph TEXT;
            BEGIN
                FOR r IN SELECT * FROM definitions ORDER BY stored_at, hash LOOP
                    n := n + 1;
                    head := sop_chain_link(head, r.hash, ARRAY[n::text, r.sop_id, r.stored_at::text]);
                    UPDATE definitions SET position = n, chain = head WHERE hash = r.hash;
                END LOOP;
                FOR r IN SELECT * FROM events ORDER BY case_id COLLATE "C", seq LOOP
                    IF last_case IS DISTINCT FROM r.case_id THEN head := repeat('0', 64); last_case := r.case_id; END IF;
                    ph := encode(sha256(convert_to(r.payload, 'UTF8')), 'hex');
                    head := sop_chain_link(head, ph, ARRAY[r.case_id, r.seq::text, r.format::text, r.type, r.at::text,
                                                           r.recorded_at::text, r.actor, r.role, r.command_key]);
                    UPDATE events SET payload_hash = ph, chain = head WHERE case_id = r.case_id AND seq = r.seq;
                END LOOP;
                head := repeat('0', 64);
                FOR r IN SELECT * FROM audit ORDER BY id LOOP
                    ph := CASE WHEN r.detail IS NULL THEN '-' ELSE encode(sha256(convert_to(r.detail, 'UTF8')), 'hex') END;
                    head := sop_chain_link(head, ph, ARRAY[r.at::text, r.actor, NULL, NULL, NULL, r.role, r.action, r.case_id, r.as_of::text]);
                    UPDATE audit SET payload_hash = ph, chain = head WHERE id = r.id;
                END LOOP;
            END
            $$
            """,
            "ALTER TABLE events ENABLE TRIGGER events_append_only",
            "ALTER TABLE audit ENABLE TRIGGER audit_append_only",
            """
            CREATE TRIGGER definitions_append_only BEFORE UPDATE OR DELETE ON definitions
                FOR EACH ROW EXECUTE FUNCTION sop_refuse_change('stored definitions are append-only: they cannot be changed or deleted')
            """,
            """
            CREATE TRIGGER definitions_no_truncate BEFORE TRUNCATE ON definitions
                FOR EACH STATEMENT EXECUTE FUNCTION sop_refuse_change('stored definitions are append-only: they cannot be deleted')
            """,
        ]),
        // Issue 13: calendars are pinned like definitions (see the SQLite schema).
        Migration(name: "issue13-calendars", statements: [
            """
            CREATE TABLE calendars (
                hash TEXT PRIMARY KEY,
                calendar_id TEXT NOT NULL,
                sources TEXT NOT NULL,
                stored_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TRIGGER calendars_append_only BEFORE UPDATE OR DELETE ON calendars
                FOR EACH ROW EXECUTE FUNCTION sop_refuse_change('stored calendars are append-only: they cannot be changed or deleted')
            """,
            """
            CREATE TRIGGER calendars_no_truncate BEFORE TRUNCATE ON calendars
                FOR EACH STATEMENT EXECUTE FUNCTION sop_refuse_change('stored calendars are append-only: they cannot be deleted')
            """,
            "ALTER TABLE cases ADD COLUMN calendar_hash TEXT REFERENCES calendars(hash)",
        ]),
        // Issue 13: stored calendar revisions join the tamper-evident chains (see the SQLite schema);
        // revisions already stored are chained in the order they were stored.
        Migration(name: "issue13-calendar-chain", statements: [
            "ALTER TABLE calendars ADD COLUMN position BIGINT",
            "ALTER TABLE calendars ADD COLUMN chain TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE calendars DISABLE TRIGGER calendars_append_only",
            """
            DO $$
            DECLARE
                r RECORD;
                head TEXT := repeat('0', 64);
                n BIGINT := 0;
            BEGIN
                FOR r IN SELECT * FROM calendars ORDER BY stored_at, hash LOOP
                    n := n + 1;
                    head := sop_chain_link(head, r.hash, ARRAY[n::text, r.calendar_id, r.stored_at::text]);
                    UPDATE calendars SET position = n, chain = head WHERE hash = r.hash;
                END LOOP;
            END
            $$
            """,
            "ALTER TABLE calendars ENABLE TRIGGER calendars_append_only",
            "CREATE UNIQUE INDEX calendars_position ON calendars(position)",
        ]),
        // Issue 17: the read model and the accounts of `sop serve` (see the SQLite schema).
        Migration(name: "issue17-read-model", statements: [
            """
            CREATE TABLE case_state (
                case_id TEXT PRIMARY KEY REFERENCES cases(id),
                sop_id TEXT NOT NULL,
                status TEXT NOT NULL,
                version BIGINT NOT NULL,
                summary TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE case_awaiting (
                case_id TEXT NOT NULL REFERENCES cases(id),
                performer TEXT NOT NULL,
                PRIMARY KEY (performer, case_id)
            )
            """,
            "CREATE INDEX case_awaiting_case ON case_awaiting(case_id)",
        ]),
        Migration(name: "issue17-accounts", statements: [
            """
            CREATE TABLE users (
                name TEXT PRIMARY KEY,
                password_hash TEXT NOT NULL,
                roles TEXT NOT NULL,
                sops TEXT NOT NULL,
                disabled BOOLEAN NOT NULL DEFAULT false,
                created_at BIGINT NOT NULL,
                changed_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE web_sessions (
                token_hash TEXT PRIMARY KEY,
                user_name TEXT NOT NULL REFERENCES users(name),
                csrf TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen BIGINT NOT NULL
            )
            """,
            "CREATE INDEX web_sessions_user ON web_sessions(user_name)",
            "CREATE TABLE login_failures (key TEXT NOT NULL, at BIGINT NOT NULL)",
            "CREATE INDEX login_failures_key ON login_failures(key, at)",
        ]),
        // Issue 17: the worklist rows of the read model (see the SQLite schema). Case ids sort
        // bytewise (COLLATE "C"), as Swift compares them in the fold's worklist.
        Migration(name: "issue17-case-tasks", statements: [
            """
            CREATE TABLE case_tasks (
                case_id TEXT NOT NULL REFERENCES cases(id),
                position INTEGER NOT NULL,
                performer TEXT NOT NULL,
                definition_hash TEXT NOT NULL,
                sop_id TEXT NOT NULL,
                step TEXT NOT NULL,
                due BIGINT,
                sort_due BIGINT NOT NULL,
                awaited TEXT NOT NULL,
                windows TEXT,
                recurring INTEGER NOT NULL,
                PRIMARY KEY (case_id, position, performer)
            )
            """,
            "CREATE INDEX case_tasks_order ON case_tasks(sort_due, (case_id COLLATE \"C\"), position)",
            "CREATE INDEX case_tasks_holder ON case_tasks(performer, definition_hash, recurring, case_id, position)",
            "CREATE TABLE read_model_gaps (case_id TEXT PRIMARY KEY REFERENCES cases(id))",
            "INSERT INTO read_model_gaps (case_id) SELECT id FROM cases",
        ]),
        // Issue 17: the marker every change of what Tugas saya reads moves (see the SQLite
        // schema). Deferred triggers move it once per transaction, at commit: a writer takes its
        // row lock after the audit chain's lock (every command writes an audit row), so writers
        // that already queue on that lock gain no new wait and no lock-order cycle, and the fold
        // of a case stays outside both. The functions run as the journal's owner (SECURITY
        // DEFINER, the search_path fixed at creation), so the writer and reader roles need no
        // grant on the table: a journal upgraded under existing grants keeps working.
        Migration(name: "issue17-worklist-marker", statements: [
            "CREATE TABLE worklist_marker (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL, moved_by BIGINT)",
            "INSERT INTO worklist_marker (id, version) VALUES (1, 0)",
            """
            CREATE FUNCTION sop_move_worklist_marker() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
            BEGIN
                -- Once per transaction: the later rows of the same commit only read a setting.
                IF current_setting('sop.worklist_moved_by', true) = txid_current()::text THEN RETURN NULL; END IF;
                PERFORM set_config('sop.worklist_moved_by', txid_current()::text, true);
                UPDATE worklist_marker SET version = version + 1, moved_by = txid_current() WHERE moved_by IS DISTINCT FROM txid_current();
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE FUNCTION sop_worklist_marker() RETURNS BIGINT LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
                SELECT version FROM worklist_marker
            $$
            """,
            """
            CREATE CONSTRAINT TRIGGER case_tasks_move_worklist_marker AFTER INSERT OR UPDATE OR DELETE ON case_tasks
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sop_move_worklist_marker()
            """,
            """
            CREATE CONSTRAINT TRIGGER read_model_gaps_move_worklist_marker AFTER INSERT OR UPDATE OR DELETE ON read_model_gaps
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sop_move_worklist_marker()
            """,
            """
            CREATE CONSTRAINT TRIGGER cases_move_worklist_marker AFTER INSERT OR DELETE OR UPDATE OF status, definition_hash, calendar_hash ON cases
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sop_move_worklist_marker()
            """,
            "CREATE TRIGGER case_tasks_truncate_moves_worklist_marker AFTER TRUNCATE ON case_tasks FOR EACH STATEMENT EXECUTE FUNCTION sop_move_worklist_marker()",
            "CREATE TRIGGER read_model_gaps_truncate_moves_worklist_marker AFTER TRUNCATE ON read_model_gaps FOR EACH STATEMENT EXECUTE FUNCTION sop_move_worklist_marker()",
        ]),
    ]

    static var migrationNames: [String] { migrations.map(\.name) }

    /// Checks that the database (its schema in `search_path`) is empty or a sop journal this
    /// version can use, and applies the missing migrations in one transaction. A role that may not
    /// use the schema, read the journal or create it is told so, naming the privilege.
    static func prepare(_ session: PostgresSession) throws(JournalError) {
        let where_ = session.url.redacted
        let schema = try PostgresPrivileges.schema(session)
        let known = Set(migrationNames)
        let found = try applied(session, schema: schema, where: where_)
        if let found, found.isSuperset(of: known) { return }
        try PostgresPrivileges.mayMigrate(session, schema: schema, fresh: found == nil, missing: migrationNames.filter { !(found ?? []).contains($0) })
        try session.transaction { (connection) throws(JournalError) -> Void in
            // Two processes opening a new database at once: one migrates, the other waits and
            // then finds the work done.
            try session.query(connection, "SELECT pg_advisory_xact_lock(hashtextextended(\(schema) || '.sop-journal-schema', 0))")
            let done = try applied(session, schema: schema, where: where_, on: connection) ?? []
            for migration in migrations where !done.contains(migration.name) {
                for statement in migration.statements {
                    try session.query(connection, PostgresQuery(unsafeSQL: statement))
                }
                try session.query(connection, "INSERT INTO schema_migrations (name) VALUES (\(migration.name))")
            }
        }
    }

    /// The migrations recorded in the database (nil: the schema has no tables); refuses a database that is not a sop journal or
    /// was written by a newer version. The tables are found in the catalogue (`pg_class`), which
    /// shows them whatever the role may do with them: a role without rights on an existing
    /// journal must not take it for an empty schema and try to create one.
    private static func applied(_ session: PostgresSession, schema: String, where where_: String,
                                on connection: PostgresConnection? = nil) throws(JournalError) -> Set<String>? {
        func run(_ q: PostgresQuery) throws(JournalError) -> [PostgresRow] {
            if let connection { return try session.query(connection, q) }
            return try session.query(q)
        }
        let tables = try run("""
            SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = \(schema) AND c.relkind IN ('r', 'p') ORDER BY c.relname
            """).map { (row) throws(JournalError) -> String in try PGRow(row).string("name") }
        if tables.isEmpty { return nil }
        guard tables.contains("journal_info"), tables.contains("schema_migrations") else {
            throw .cannotOpen(PostgresServerMessages.foreignSchema(["database": .text(where_), "schema": .text(schema),
                                                                 "tables": .text(tables.prefix(5).joined(separator: ", "))]))
        }
        try PostgresPrivileges.mayRead(session, schema: schema, on: connection)
        let names = Set(try run("SELECT name FROM schema_migrations").map { (row) throws(JournalError) -> String in try PGRow(row).string("name") })
        let unknown = names.subtracting(migrationNames)
        if !unknown.isEmpty {
            throw .cannotOpen(PostgresServerMessages.newerSchema(["database": .text(where_), "migrations": .text(unknown.sorted().joined(separator: ", ")),
                                                               "version": .text(SOPVersion.current)]))
        }
        return names
    }
}
