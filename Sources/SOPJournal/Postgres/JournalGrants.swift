import Foundation

/// The PostgreSQL roles a journal is used with, least privilege first.
public enum JournalRole: String, CaseIterable, Sendable {
    /// Owns the schema and its tables: creates the journal and applies migrations (`sop migrate`,
    /// the first command after an upgrade of sop).
    case owner
    /// Case workers: opens cases and records actions (and reads, each read audited).
    case writer
    /// Managers, inspectors, auditors: reads cases, tasks, reports and the audit trail. Every read
    /// is recorded in the audit trail, so a reader inserts there, and nowhere else.
    case reader
}

/// What each role may do on each of the journal's tables: the one list the GRANT statements of
/// docs/journal.md ("Roles") and the role tests are made from. Every table and sequence of the
/// journal's schema must be listed (a test compares the list with the schema on the server), so a
/// table added by a migration cannot be left out of the grants.
public enum JournalGrants {
    /// Per table: the writer's and the reader's privileges. The owner owns them all.
    public static let tables: [(table: String, writer: [String], reader: [String])] = [
        ("schema_migrations", ["SELECT"], ["SELECT"]),
        ("journal_info", ["SELECT"], ["SELECT"]),
        ("definitions", ["SELECT", "INSERT"], ["SELECT"]),
        ("calendars", ["SELECT", "INSERT"], ["SELECT"]),
        ("case_numbers", ["SELECT", "UPDATE"], ["SELECT"]),
        // UPDATE also for SELECT ... FOR UPDATE, which locks a case while a command writes it.
        ("cases", ["SELECT", "INSERT", "UPDATE"], ["SELECT"]),
        ("events", ["SELECT", "INSERT"], ["SELECT"]),
        ("commands", ["SELECT", "INSERT"], ["SELECT"]),
        // Every read and write is audited.
        ("audit", ["SELECT", "INSERT"], ["SELECT", "INSERT"]),
        // The read model is written with the events, and rebuilt (`sop journal rebuild`) by the writer.
        ("case_state", ["SELECT", "INSERT", "UPDATE", "DELETE"], ["SELECT"]),
        ("case_awaiting", ["SELECT", "INSERT", "DELETE"], ["SELECT"]),
        ("case_tasks", ["SELECT", "INSERT", "DELETE"], ["SELECT"]),
        ("read_model_gaps", ["SELECT", "INSERT", "DELETE"], ["SELECT"]),
        // Moved by triggers and read through functions that run as the owner: no grant.
        ("worklist_marker", [], []),
        // `sop serve` and `sop user` run as the writer; a reader cannot see password hashes.
        ("users", ["SELECT", "INSERT", "UPDATE"], []),
        ("web_sessions", ["SELECT", "INSERT", "UPDATE", "DELETE"], []),
        ("login_failures", ["SELECT", "INSERT", "DELETE"], []),
    ]

    /// Sequences behind the tables, with the roles that use them (identity columns need none).
    public static let sequences: [(sequence: String, roles: [JournalRole])] = []

    /// The statements that give `grantee` the privileges of `role` on the journal in `schema`.
    /// The owner's: the schema is its own (it creates the tables in it).
    public static func statements(for role: JournalRole, schema: String, grantee: String) -> [String] {
        switch role {
        case .owner:
            return ["ALTER SCHEMA \(schema) OWNER TO \(grantee);"]
        case .writer, .reader:
            var lines = ["GRANT USAGE ON SCHEMA \(schema) TO \(grantee);"]
            for entry in tables {
                let privileges = role == .writer ? entry.writer : entry.reader
                if privileges.isEmpty { continue }
                lines.append("GRANT \(privileges.joined(separator: ", ")) ON \(schema).\(entry.table) TO \(grantee);")
            }
            for entry in sequences where entry.roles.contains(role) {
                lines.append("GRANT USAGE ON SEQUENCE \(schema).\(entry.sequence) TO \(grantee);")
            }
            return lines
        }
    }

    /// The whole recipe for one office, as docs/journal.md shows it: three roles and their grants.
    public static func script(schema: String, owner: String, writer: String, reader: String) -> String {
        var lines = [
            "CREATE ROLE \(owner) LOGIN PASSWORD '...';",
            "CREATE ROLE \(writer) LOGIN PASSWORD '...';",
            "CREATE ROLE \(reader) LOGIN PASSWORD '...';",
            "CREATE SCHEMA \(schema);",
        ]
        lines += statements(for: .owner, schema: schema, grantee: owner)
        lines.append("-- the owner creates the journal: any sop command as that role, e.g. sop case list")
        lines += statements(for: .writer, schema: schema, grantee: writer)
        lines += statements(for: .reader, schema: schema, grantee: reader)
        return lines.joined(separator: "\n")
    }
}
