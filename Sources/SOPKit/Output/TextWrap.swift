
/// Word wrapping and padding for fixed-width terminal output.
public enum TextWrap {
    /// The width of a terminal line `sop` keeps its line-per-item text to (`case show`, `tasks`).
    public static let terminalColumns = 80

    /// `text` broken into lines of at most `width` characters, at spaces where possible.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                while word.count > width {
                    if !line.isEmpty { result.append(line); line = "" }
                    result.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                if line.isEmpty {
                    line = word
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    result.append(line)
                    line = word
                }
            }
            result.append(line)
        }
        return result
    }

    /// `line` kept to `width` characters: broken at the last space that fits, each following
    /// piece indented by `indent` spaces more than the line itself; the spacing inside each piece
    /// stays as written (columns separated by two spaces keep them). A word longer than the room
    /// is cut.
    public static func hanging(_ line: String, width: Int, indent: Int = 4) -> [String] {
        guard line.count > width else { return [line] }
        let lead = line.prefix { $0 == " " }.count
        let prefix = String(repeating: " ", count: lead + indent)
        var pieces: [String] = []
        var rest = Substring(line)
        while true {
            let room = max(pieces.isEmpty ? width : width - prefix.count, 8)
            if rest.count <= room {
                pieces.append(pieces.isEmpty ? String(rest) : prefix + rest)
                break
            }
            let window = rest.prefix(room + 1)
            var cut = window.lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil }
            if let c = cut, rest[rest.startIndex..<c].allSatisfy({ $0 == " " }) { cut = nil }
            let end = cut ?? rest.index(rest.startIndex, offsetBy: room)
            var piece = rest[rest.startIndex..<end]
            while piece.last == " " { piece = piece.dropLast() }
            pieces.append(pieces.isEmpty ? String(piece) : prefix + piece)
            rest = rest[end...].drop { $0 == " " }
            if rest.isEmpty { break }
        }
        return pieces
    }

    /// Every line of `text` kept to `width` characters (``hanging(_:width:indent:)``).
    public static func fitted(_ text: String, width: Int = terminalColumns) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { hanging(String($0), width: width).joined(separator: "\n") }.joined(separator: "\n")
    }

    /// `text` padded with spaces to `width` characters.
    public static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
