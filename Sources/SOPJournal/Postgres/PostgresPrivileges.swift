import Foundation
import PostgresNIO

/// What the connected role may do with the journal's schema, checked before it is used, so a
/// missing privilege is named as such (and not reported as a missing schema, a table that
/// "already exists", or "permission denied for schema public").
enum PostgresPrivileges {
    /// The schema the journal lives in (the first usable one of `search_path`); a schema that
    /// exists but may not be used (no USAGE) is a privilege problem, not a missing schema.
    static func schema(_ session: PostgresSession) throws(JournalError) -> String {
        let url = session.url
        let rows = try session.query("SELECT current_schema() AS name, current_setting('search_path') AS path, current_user::text AS role")
        guard let row = rows.first.map(PGRow.init) else { throw .corrupt("the server did not say which schema is in use") }
        if let schema = try row.optionalString("name") { return schema }
        let role = try row.string("role")
        let path = try row.string("path").split(separator: ",").map { (part) -> String in
            let name = part.trimmingCharacters(in: .whitespaces)
            if name == "\"$user\"" || name == "$user" { return role }
            return name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 ? String(name.dropFirst().dropLast()) : name
        }
        let closed = try session.query("""
            SELECT nspname::text AS name FROM pg_namespace
            WHERE nspname = ANY(\(path)) AND NOT has_schema_privilege(oid, 'USAGE') ORDER BY array_position(\(path), nspname::text)
            """).map { (row) throws(JournalError) -> String in try PGRow(row).string("name") }
        if let first = closed.first {
            throw .cannotOpen("the PostgreSQL role '\(role)' may not use the schema '\(first)' on \(url.server) (no USAGE privilege on it); "
                + "the database administrator runs GRANT USAGE ON SCHEMA \(first) TO \(role) (see \"Roles\" in docs/journal.md)")
        }
        throw .cannotOpen("the PostgreSQL database \(url.redacted) has no schema to use: the schemas in search_path (\(path.joined(separator: ", "))) do not exist; "
            + "create one (CREATE SCHEMA ...) or fix options=-c search_path=... in the URL")
    }

    /// A journal the role may not read is refused with the privilege it lacks.
    static func mayRead(_ session: PostgresSession, schema: String, on connection: PostgresConnection?) throws(JournalError) {
        let q: PostgresQuery = """
            SELECT has_table_privilege(format('%I.%I', \(schema)::text, 'schema_migrations'), 'SELECT')::text AS ok, current_user::text AS role
            """
        let rows = if let connection { try session.query(connection, q) } else { try session.query(q) }
        guard let row = rows.first.map(PGRow.init) else { return }
        if try row.string("ok") == "true" { return }
        let role = try row.string("role")
        throw .cannotOpen("the PostgreSQL role '\(role)' may not read the sop journal in schema '\(schema)' on \(session.url.server) "
            + "(no SELECT on its tables); the database administrator grants it the writer's or the reader's privileges (see \"Roles\" in docs/journal.md)")
    }

    /// Before migrating: a role that may not create the journal, or bring one it does not own up
    /// to date, is told who can.
    static func mayMigrate(_ session: PostgresSession, schema: String, fresh: Bool, missing: [String]) throws(JournalError) {
        let server = session.url.server
        if fresh {
            let rows = try session.query("SELECT has_schema_privilege(\(schema)::text, 'CREATE')::text AS ok, current_user::text AS role")
            guard let row = rows.first.map(PGRow.init) else { return }
            if try row.string("ok") == "true" { return }
            let role = try row.string("role")
            throw .cannotOpen("the schema '\(schema)' on \(server) holds no sop journal yet, and the PostgreSQL role '\(role)' may not create one "
                + "there (no CREATE privilege on the schema); the journal's owner creates it (any sop command run as that role), "
                + "or the database administrator runs GRANT CREATE ON SCHEMA \(schema) TO \(role)")
        }
        let rows = try session.query("""
            SELECT pg_has_role(c.relowner, 'USAGE')::text AS owner, pg_get_userbyid(c.relowner)::text AS name, current_user::text AS role
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = \(schema) AND c.relname = 'schema_migrations'
            """)
        guard let row = rows.first.map(PGRow.init) else { return }
        if try row.string("owner") == "true" { return }
        let owner = try row.string("name"), role = try row.string("role")
        throw .cannotOpen("the sop journal in schema '\(schema)' on \(server) needs bringing up to date (\(missing.joined(separator: ", "))), "
            + "which only its owner '\(owner)' may do, not the role '\(role)'; run one sop command as '\(owner)' (e.g. sop case list), then go on as '\(role)'")
    }
}
