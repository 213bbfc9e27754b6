/// A pelaksana: one column of the procedure table.
public struct Performer: Sendable, Hashable {
    /// Internal staff of the unit, or an actor outside it (Pemohon, Polsek, Puskesmas).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case internal_ = "internal"
        case eksternal
    }

    /// `id`: how steps and the command line refer to the role (`kasi`).
    public var id: String
    /// `nama`: the column header as printed ("Kasi").
    public var nama: String
    /// `jabatan`: the full title ("Kepala Seksi Rehabilitasi Sosial Anak").
    public var jabatan: String?
    /// `alias`: other names of the same role (Kadis, Pimpinan SKPD, Ka. Dinas).
    public var alias: [String]
    /// `jenis`: internal or external actor.
    public var kind: Kind
    /// Where the performer is defined.
    public var location: SourceLocation

    /// Whether `name` names this performer: its id, printed name or an alias, ignoring case.
    public func answers(to name: String) -> Bool {
        Performer.sameIgnoringCase(id, name) || Performer.sameIgnoringCase(nama, name)
            || alias.contains { Performer.sameIgnoringCase($0, name) }
    }

    /// `a.lowercased() == b.lowercased()`, without building lower-cased copies when both are ASCII
    /// (the engine asks this of every performer on every action).
    static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return a.lowercased() == b.lowercased() }
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { p, q in
            (p >= 0x41 && p <= 0x5A ? p | 0x20 : p) == (q >= 0x41 && q <= 0x5A ? q | 0x20 : q)
        }
    }
}
