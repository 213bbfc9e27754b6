/// Numbers as a person reads them: `1.234,5` in Indonesian; English keeps the plain `1234.5` it
/// always printed (scripts that read the English text are not broken by a grouping comma).
public enum NumberFormat {
    /// A whole number with thousands grouped (in English only with `groupingEnglish`: `1,234`).
    public static func integer(_ n: Int, in bahasa: Bahasa, groupingEnglish: Bool = false) -> String {
        let digits = String(n.magnitude)
        let separator: Character? = bahasa == .id ? "." : groupingEnglish ? "," : nil
        var grouped = ""
        for (i, c) in digits.enumerated() {
            if let separator, i > 0, (digits.count - i) % 3 == 0 { grouped.append(separator) }
            grouped.append(c)
        }
        return (n < 0 ? "-" : "") + grouped
    }

    /// A number with at most `places` decimals (trailing zeros dropped), thousands grouped in
    /// Indonesian, and in English with `groupingEnglish` (a message argument: `1,234.5`).
    public static func decimal(_ x: Double, places: Int = 1, in bahasa: Bahasa, groupingEnglish: Bool = false) -> String {
        guard x.isFinite else { return "\(x)" }
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = Int(scaled) - whole * Int(scale)
        var width = places
        while width > 0, fraction % 10 == 0 { fraction /= 10; width -= 1 }
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard width > 0 else { return sign + integer(whole, in: bahasa, groupingEnglish: groupingEnglish) }
        var fractionText = String(fraction)
        while fractionText.count < width { fractionText = "0" + fractionText }
        return sign + integer(whole, in: bahasa, groupingEnglish: groupingEnglish) + (bahasa == .id ? "," : ".") + fractionText
    }
}
