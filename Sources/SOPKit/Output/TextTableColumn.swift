/// One column of the terminal table (`SOPTextTable`): its header, the paragraphs of each step's
/// cell, and how narrow and how wide it may be.
struct TextTableColumn {
    /// How far the table is folded to fit a narrow terminal.
    enum Stacking { case none, performers, allStacked }

    var header: String
    /// The paragraphs of each step's cell, in step order.
    var cells: [[String]]
    /// The narrowest the column may be: its longest word (up to `cap`), so that no word is broken
    /// while the column can still be narrowed elsewhere.
    let minimum: Int
    /// The width at which nothing in the column wraps (up to 60).
    let natural: Int

    init(header: String, cells: [[String]], fixed: Bool = false, smallest: Int = 1, cap: Int = 14) {
        self.header = header
        self.cells = cells
        let paragraphs = [header] + cells.flatMap { $0 }
        let longestWord = paragraphs.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }) }.map(\.count).max() ?? 1
        let longestLine = paragraphs.flatMap { $0.split(separator: "\n") }.map(\.count).max() ?? 1
        let least = max(smallest, fixed ? longestLine : min(longestWord, cap), 1)
        minimum = least
        natural = max(least, min(longestLine, 60))
    }

    /// The width of a table whose columns all take their minimum: text plus borders and padding.
    static func minimumWidth(_ columns: [TextTableColumn]) -> Int {
        columns.map(\.minimum).reduce(0, +) + 3 * columns.count + 1
    }

    /// Column widths for a table at most `total` characters wide: every column its minimum, then
    /// the room left one character at a time to the column furthest, in proportion, from its natural width. When
    /// even the minimums do not fit, the widest columns give way (down to 4 characters).
    static func widths(_ columns: [TextTableColumn], total: Int) -> [Int] {
        var widths = columns.map(\.minimum)
        var room = total - minimumWidth(columns)
        // Narrower than every column's longest word: words must break; narrow the widest first.
        while room < 0, let k = widths.indices.filter({ widths[$0] > 4 }).max(by: { widths[$0] < widths[$1] }) {
            widths[k] -= 1
            room += 1
        }
        while room > 0 {
            // The column furthest, in proportion, from its natural width gets the next character.
            func share(_ k: Int) -> Double { Double(widths[k]) / Double(columns[k].natural) }
            guard let k = widths.indices.filter({ widths[$0] < columns[$0].natural }).min(by: { share($0) < share($1) }) else { break }
            widths[k] += 1
            room -= 1
        }
        return widths
    }
}
