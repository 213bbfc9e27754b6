import SOPKit
/// Case ids people can read out on the phone: the SOP's initials and a number (`AJ-0007`).
public enum CaseID {
    /// The id of the `number`th case of the database, opened on `sopID`.
    public static func make(sopID: String, number: Int) -> String {
        let initials = sopID.split(whereSeparator: { $0 == "-" || $0 == "_" }).compactMap(\.first).prefix(3)
        let prefix = initials.isEmpty ? "K" : String(initials).uppercased()
        let digits = String(number)
        return prefix + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
