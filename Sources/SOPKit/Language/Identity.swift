/// The issuing unit printed at the top of the SOP (`unit:`).
public struct SOPUnit: Sendable, Hashable {
    /// `pemerintah`: "Pemerintah Kota Tanjungpinang".
    public var pemerintah: String
    /// `dinas`: "Dinas Sosial Kota Tanjungpinang".
    public var dinas: String
    /// `bidang`: the division, when the SOP belongs to one.
    public var bidang: String?
    /// `seksi`: the section, when the SOP belongs to one.
    public var seksi: String?
    /// `logo`: the office's logo as written (a file beside the SOP), when given.
    public var logoPath: Located<String>? = nil
    /// The logo's bytes, read and checked by the loader (`SOPLoader`); `nil` without a logo.
    public var logo: SOPLogo? = nil
}

/// The dates of the identity block (`tanggal:`).
public struct SOPDates: Sendable, Hashable {
    /// `pembuatan`: when the SOP was first made.
    public var pembuatan: CalendarDate
    /// `revisi`: the latest revision (or the planned review date).
    public var revisi: CalendarDate?
    /// `efektif`: when it was signed and took effect (Tanggal Efektif / Pengesahan).
    public var efektif: CalendarDate?
}

/// Who signed the SOP (`disahkan_oleh:`).
public struct SOPApprover: Sendable, Hashable {
    /// `jabatan`: the position, "Kepala Dinas Sosial Kota Tanjungpinang".
    public var jabatan: String
    /// `nama`: the signer's name.
    public var nama: String
    /// `nip`: the civil-servant number (18 digits, spaces allowed).
    public var nip: String?
    /// `pangkat`: rank line printed under the name, when given.
    public var pangkat: String?
}

/// A related SOP (`keterkaitan:`): printed by name, resolved by id when it is in the same folder.
public struct RelatedSOP: Sendable, Hashable {
    /// `nama`: the name as printed.
    public var nama: String
    /// `sop`: the id of the related SOP, when it is one of this folder's SOPs.
    public var sopID: Located<String>?
    public var location: SourceLocation
}
