import SOPKit
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
        guard let row = rows.first.map(PGRow.init) else { throw .corrupt(JournalDataMessages.noCurrentSchema()) }
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
            throw .cannotOpen(PostgresServerMessages.noUsage(["role": .text(role), "schema": .text(first), "server": .text(url.server)]))
        }
        throw .cannotOpen(PostgresServerMessages.noSchema(["database": .text(url.redacted), "path": .text(path.joined(separator: ", "))]))
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
        throw .cannotOpen(PostgresServerMessages.mayNotRead(["role": .text(role), "schema": .text(schema), "server": .text(session.url.server)]))
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
            throw .cannotOpen(PostgresServerMessages.mayNotCreate(["schema": .text(schema), "server": .text(server), "role": .text(role)]))
        }
        let rows = try session.query("""
            SELECT pg_has_role(c.relowner, 'USAGE')::text AS owner, pg_get_userbyid(c.relowner)::text AS name, current_user::text AS role
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = \(schema) AND c.relname = 'schema_migrations'
            """)
        guard let row = rows.first.map(PGRow.init) else { return }
        if try row.string("owner") == "true" { return }
        let owner = try row.string("name"), role = try row.string("role")
        throw .cannotOpen(PostgresServerMessages.ownerMustMigrate(["schema": .text(schema), "server": .text(server), "missing": .text(missing.joined(separator: ", ")),
                                                                   "owner": .text(owner), "role": .text(role)]))
    }
}
