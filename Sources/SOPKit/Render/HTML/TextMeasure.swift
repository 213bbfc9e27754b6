/// Estimates how many lines a text takes in a table cell, so that row heights are known before the
/// browser lays the page out. Widths are the larger of DejaVu Sans and Liberation Sans (metric-compatible
/// with Arial) for each printable ASCII character, so the estimate holds whichever of the document's
/// fonts the printing machine has; other characters count as a full em.
enum TextMeasure {
    /// Advance widths in em of the regular face for U+0020...U+007E.
    private static let regular: [Double] = [
        0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337,
        0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.556,
        1.015, 0.684, 0.686, 0.722, 0.770, 0.667, 0.611, 0.778, 0.752, 0.295, 0.500, 0.667, 0.557, 0.863, 0.748, 0.787,
        0.667, 0.787, 0.722, 0.667, 0.611, 0.732, 0.684, 0.989, 0.685, 0.667, 0.685, 0.390, 0.337, 0.390, 0.838, 0.556,
        0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
        0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
    ]
    /// Advance widths in em of the bold face for U+0020...U+007E.
    private static let bold: [Double] = [
        0.348, 0.456, 0.521, 0.838, 0.696, 1.002, 0.872, 0.306, 0.457, 0.457, 0.523, 0.838, 0.380, 0.415, 0.380, 0.365,
        0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.400, 0.400, 0.838, 0.838, 0.838, 0.611,
        1.000, 0.774, 0.762, 0.734, 0.830, 0.683, 0.683, 0.821, 0.837, 0.372, 0.556, 0.775, 0.637, 0.995, 0.837, 0.850,
        0.733, 0.850, 0.770, 0.720, 0.682, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725, 0.457, 0.365, 0.457, 0.838, 0.556,
        0.500, 0.675, 0.716, 0.593, 0.716, 0.678, 0.435, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687,
        0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712, 0.365, 0.712, 0.838,
    ]
    /// Extra width allowed for rounding and kerning differences between fonts.
    static let safety = 1.04

    /// The width of `text` in CSS pixels at `fontSize`.
    static func width(_ text: Substring, fontSize: Double, bold isBold: Bool = false) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            let v = Int(scalar.value)
            if v >= 32, v < 127 {
                em += isBold ? bold[v - 32] : regular[v - 32]
            } else {
                em += 1
            }
        }
        return em * fontSize * safety
    }

    /// The width of `text` in CSS pixels at `fontSize`.
    static func width(_ text: String, fontSize: Double, bold isBold: Bool = false) -> Double {
        width(text[...], fontSize: fontSize, bold: isBold)
    }

    /// How many lines `text` wraps to in a box `available` pixels wide: greedy, breaking at spaces
    /// (and inside words longer than a line, as `overflow-wrap: anywhere` does). Browsers also break
    /// after hyphens and slashes, which can only save lines, so the estimate is an upper bound.
    static func lines(_ text: String, available: Double, fontSize: Double, bold isBold: Bool = false) -> Int {
        let space = width(" ", fontSize: fontSize, bold: isBold)
        var count = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            count += 1
            var used = 0.0
            for word in paragraph.split(separator: " ") {
                var w = width(word, fontSize: fontSize, bold: isBold)
                if used > 0, used + space + w <= available {
                    used += space + w
                    continue
                }
                if used > 0 { count += 1 }
                used = 0
                if w <= available {
                    used = w
                    continue
                }
                // A word longer than the line: break it character by character.
                w = 0
                for ch in word {
                    let cw = width(String(ch), fontSize: fontSize, bold: isBold)
                    if w + cw > available, w > 0 {
                        count += 1
                        w = 0
                    }
                    w += cw
                }
                used = w
            }
        }
        return max(1, count)
    }
}
