import ArgumentParser

/// A table width in columns for `--width`, bounded when the option is parsed: at least 40 (the
/// narrowest table whose columns still hold a word each) and at most 1000 (wider than any terminal;
/// a width in the millions once made `sop show` allocate gigabytes or crash).
struct TableWidth: ExpressibleByArgument, Sendable {
    static let range = 40...1000

    let columns: Int

    init?(argument: String) {
        guard let n = Int(argument), TableWidth.range.contains(n) else { return nil }
        columns = n
    }

    /// `width` brought into the range (for a width taken from the terminal or `$COLUMNS`).
    static func clamped(_ width: Int) -> Int {
        min(max(width, range.lowerBound), range.upperBound)
    }

    static var defaultValueDescription: String { "the terminal's width" }
}
