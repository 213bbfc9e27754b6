/// One field of the data a case carries (`data_kasus:`), so decisions can be taken on it and bad input refused.
public struct CaseField: Sendable, Hashable {
    /// The field's name, the key under `data_kasus` (`putus_sekolah`).
    public var name: String
    /// `tipe`: text, number, boolean, date or one of the listed choices.
    public var type: CaseFieldType
    /// `wajib`: whether a case must give it when it is opened.
    public var required: Bool
    /// `label`: a human label ("Putus sekolah").
    public var label: String?
    /// `keterangan`: what the field means.
    public var keterangan: String?
    /// `sensitif`: personal data that reports and exports leave out (names, addresses).
    public var sensitive: Bool
    public var location: SourceLocation
}
