/// One cell of a CSV file a person opens in a spreadsheet: RFC 4180 quoting, and text that a
/// spreadsheet would read as a formula made inert (OWASP "CSV injection").
public enum CSVCell {
    /// The characters that make a spreadsheet treat a cell as a formula when they begin it.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Text from outside the program (an SOP's names and standards, case data): a cell beginning
    /// with `= + - @`, a tab or a carriage return gets a leading `'`, so Excel, LibreOffice and
    /// Google Sheets show it as text instead of evaluating it; then quoted as ``quoted(_:)``.
    public static func text(_ value: String) -> String {
        // The first scalar, not the first character: "=" with a combining mark is still a formula.
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return quoted(value) }
        return quoted("'" + value)
    }

    /// A value the program wrote itself (a number, a `-` for none): quoted when it holds a comma,
    /// a double quote, a carriage return or a newline, with double quotes doubled.
    public static func quoted(_ value: String) -> String {
        value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
