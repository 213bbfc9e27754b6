/// Checks that revisions are dated: a definition that differs from an earlier one of the same id
/// must not keep its nomor and Tanggal Revisi (SOP322).
public enum RevisionCheck {
    /// A warning when `new` differs from `old` (same id) yet keeps the same nomor and Tanggal Revisi.
    public static func sameRevisionLabel(old: SOPDefinition, oldHash: String?, new: SOPDefinition, newHash: String?,
                                         differ: Bool? = nil, at location: SourceLocation? = nil) -> [Diagnostic] {
        guard old.id == new.id else { return [] }
        let different = differ ?? (oldHash != newHash)
        guard different, old.nomor == new.nomor, old.tanggal?.revisi == new.tanggal?.revisi else { return [] }
        let revisi = new.tanggal?.revisi?.description ?? "(none)"
        return [.warning("SOP322", "this definition of '\(new.id)' differs from an earlier one but keeps its nomor '\(new.nomor ?? "-")' and tanggal revisi \(revisi); date the revision (tanggal.revisi) so the two can be told apart",
                         at: location)]
    }
}
