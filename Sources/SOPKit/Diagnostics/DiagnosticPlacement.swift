/// Whether diagnostics point inside the text they are about: what the fuzz targets, the fuzz
/// replay and the regression tests all check, counted the way libyaml counts positions.
public enum DiagnosticPlacement {
    /// Lines in `bytes` as YAML counts them: LF, CR, CRLF, NEL, LS and PS each end a line (so a
    /// file of lone CRs has many lines and no LF).
    public static func yamlLineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        for i in bytes.indices {
            switch bytes[i] {
            case 0x0A: lines += 1
            case 0x0D: if i + 1 >= bytes.count || bytes[i + 1] != 0x0A { lines += 1 }
            case 0xC2: if i + 1 < bytes.count, bytes[i + 1] == 0x85 { lines += 1 }
            case 0xE2: if i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { lines += 1 }
            default: break
            }
        }
        return lines
    }

    /// The first error with no location, or with a line or column outside `bytes`.
    public static func firstUnlocatedError(_ diagnostics: [Diagnostic], in bytes: [UInt8]) -> Diagnostic? {
        let lines = yamlLineCount(bytes)
        return diagnostics.first { d in
            guard d.severity == .error else { return false }
            guard let at = d.location else { return true }
            return at.line < 1 || at.column < 1 || at.line > lines + 1
        }
    }
}
