import Foundation

/// The actions the audit trail records, as reads or writes: one list, so that whatever treats a
/// read differently from a change (re-migration: a case only read on the server is not a case
/// changed there) knows every action. A test checks that every action the sources record is here.
public enum AuditActions {
    /// Commands that only look: they change no case.
    public static let reads: Set<String> = ["case show", "case list", "tasks", "report", "export xes", "audit", "simulate",
                                            // `sop journal rebuild` rewrites only the read model, which no case's history depends on.
                                            "journal rebuild",
                                            // `sop user`: accounts, not cases.
                                            "user add", "user list", "user disable", "user passwd",
                                            // `sop serve`: its pages, logins, and forms refused before any case was touched.
                                            "web login", "web logout", "web tugas", "web kasus", "web form", "web case open", "web case do",
                                            "web sesi", "web sop", "web pratinjau"]
    /// Commands that change the journal.
    public static let writes: Set<String> = ["case open", "case do", "session record", "case migrate", "migrate", "calendar update"]
    /// The suffix of a refused command's action ("case do refused"): a refusal changes no case.
    public static let refusedSuffix = " refused"

    /// Whether `action` only looked at the journal (a read, or a command that was refused).
    public static func isRead(_ action: String) -> Bool { reads.contains(action) || action.hasSuffix(refusedSuffix) }
}
