/// The type of one field of a case's data (`data_kasus`), as the SOP declares it.
public enum CaseFieldType: Hashable, Sendable {
    /// Free text (`teks`).
    case text
    /// A number (`angka`).
    case number
    /// `true` or `false` (`boolean`).
    case boolean
    /// A calendar date, `YYYY-MM-DD` (`tanggal`).
    case date
    /// One of the listed choices (`pilihan`).
    case choice([String])

    /// The keyword an author writes in `tipe:`.
    public var keyword: String {
        switch self {
        case .text: "teks"
        case .number: "angka"
        case .boolean: "boolean"
        case .date: "tanggal"
        case .choice: "pilihan"
        }
    }

    /// All keywords accepted in `tipe:`.
    public static let keywords = ["teks", "angka", "boolean", "tanggal", "pilihan"]
}
