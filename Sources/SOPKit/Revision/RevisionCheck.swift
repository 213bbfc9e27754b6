/// Checks that revisions are dated: a definition that differs from an earlier one of the same id
/// must not keep its nomor and Tanggal Revisi (SOP322).
public enum RevisionCheck {
    /// A warning when `new` differs from `old` (same id) yet keeps the same nomor and Tanggal Revisi.
    public static func sameRevisionLabel(old: SOPDefinition, oldHash: String?, new: SOPDefinition, newHash: String?,
                                         differ: Bool? = nil, at location: SourceLocation? = nil) -> [Diagnostic] {
        guard old.id == new.id else { return [] }
        let different = differ ?? (oldHash != newHash)
        guard different, old.nomor == new.nomor, old.tanggal?.revisi == new.tanggal?.revisi else { return [] }
        let revisi: MessageArgument = new.tanggal?.revisi.map { .text($0.description) } ?? .message(FlowMessages.noRevisionDate())
        return [.warning("SOP322", FlowMessages.sameRevisionLabel(["sop": .text(new.id), "nomor": .text(new.nomor ?? "-"), "revisi": revisi]),
                         at: location)]
    }
}
