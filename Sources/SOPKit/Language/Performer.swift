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
        let lowered = name.lowercased()
        return id.lowercased() == lowered || nama.lowercased() == lowered || alias.contains { $0.lowercased() == lowered }
    }
}
