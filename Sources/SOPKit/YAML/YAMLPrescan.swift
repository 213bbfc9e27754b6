/// One linear pass over the raw bytes of a YAML file, before libyaml sees them.
///
/// It enforces the size cap, checks that the text is UTF-8, refuses tabs used as indentation (with a
/// clearer message than libyaml's), and measures the nesting of collections so that a hostile file
/// (40,000 `[`, or `- - - ...`) is refused in linear time: libyaml takes quadratic time on deep flow
/// nesting. The depth measure is conservative: it follows quotes, comments, block scalars and flow
/// collections closely enough never to undercount a real nesting, and real SOPs are far below the cap.
struct YAMLPrescan {
    private enum Mode { case normal, singleQuoted, doubleQuoted }

    let limits: YAMLLimits
    let file: String?

    /// The problems found; empty when the text may be handed to libyaml.
    func check(_ bytes: UnsafeBufferPointer<UInt8>) -> [Diagnostic] {
        if bytes.count > limits.maxBytes {
            return [.error("SOP107", YAMLMessages.tooLarge(["bytes": .number(bytes.count), "limit": .number(limits.maxBytes)]),
                           at: SourceLocation(file: file, line: 1, column: 1))]
        }
        var diagnostics: [Diagnostic] = []
        var mode = Mode.normal
        var flowDepth = 0
        var indentStack: [Int] = []
        var blockScalarParent: Int?       // lines indented deeper than this belong to a block scalar
        var blockScalarHeaderLine = false // a `|` or `>` was seen on the current line
        var blockScalarExplicit = false   // ... with an indentation indicator (`|2`)
        var blockScalarIndent: Int?       // the indentation of the block scalar's first content line
        var line = 1
        var i = 0
        let n = bytes.count
        // Skip a UTF-8 byte order mark.
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }

        func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

        while i < n {
            // Start of a line: measure the indentation.
            let lineStart = i
            var indent = 0
            var firstTab: Int?
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 {
                if bytes[i] == 0x09, firstTab == nil { firstTab = i - lineStart + 1 }
                if firstTab == nil { indent += 1 }
                i += 1
            }
            let first: UInt8 = i < n ? bytes[i] : 0x0A
            let blank = first == 0x0A || first == 0x0D
            if let parent = blockScalarParent {
                if let tab = firstTab, mode == .normal, !blockScalarExplicit, indent < (blockScalarIndent ?? Int.max) {
                    // A tab before the scalar's indentation is reached, on a content line, a blank line
                    // or the line that ends the scalar: libyaml refuses it ("a tab character where an
                    // indentation space is expected"), and it is the same mistake as a tab indenting
                    // any other line, so it gets the same code at the tab's own column.
                    diagnostics.append(.error("SOP109", YAMLMessages.tab(),
                                              at: at(tab)))
                    if let bad = skipLine(bytes, &i, line: line, column: i - lineStart + 1) {
                        diagnostics.append(bad)
                        return diagnostics
                    }
                    line += 1
                    continue
                }
                if blank || indent > parent || (firstTab != nil && mode == .normal) {
                    // Content of a literal or folded scalar: nothing in it is syntax.
                    if !blank, blockScalarIndent == nil { blockScalarIndent = indent }
                    if let bad = skipLine(bytes, &i, line: line, column: i - lineStart + 1) {
                        diagnostics.append(bad)
                        return diagnostics
                    }
                    line += 1
                    continue
                }
                blockScalarParent = nil
            }
            if mode == .normal, flowDepth == 0, let tab = firstTab, !blank, first != UInt8(ascii: "#") {
                diagnostics.append(.error("SOP109", YAMLMessages.tab(),
                                          at: at(tab)))
            }
            if mode == .normal, flowDepth == 0, !blank, first != UInt8(ascii: "#") {
                while let top = indentStack.last, top >= indent { indentStack.removeLast() }
                indentStack.append(indent)
                if indentStack.count > limits.maxDepth {
                    return diagnostics + [tooDeep(at(indent + 1))]
                }
            }
            // The rest of the line, byte by byte.
            var column = i - lineStart + 1
            var tokenStart = true
            var previous: UInt8 = 0x20
            scan: while i < n {
                let c = bytes[i]
                if c == 0x0A { break }
                if let control = YAMLPrescan.controlCharacter(bytes, at: i) {
                    diagnostics.append(YAMLPrescan.controlDiagnostic(control, escaped: false, at(column)))
                    return diagnostics
                }
                if c >= 0x80 {
                    guard let length = YAMLPrescan.utf8SequenceLength(bytes, at: i) else {
                        diagnostics.append(invalidUTF8(bytes[i], at(column)))
                        return diagnostics
                    }
                    i += length
                    column += 1
                    previous = 0x41
                    if mode == .normal { tokenStart = false }
                    continue
                }
                switch mode {
                case .singleQuoted:
                    if c == UInt8(ascii: "'") {
                        if i + 1 < n, bytes[i + 1] == UInt8(ascii: "'") { i += 1; column += 1 } else { mode = .normal; tokenStart = false }
                    }
                case .doubleQuoted:
                    if c == UInt8(ascii: "\\") {
                        if i + 1 < n, bytes[i + 1] != 0x0A, bytes[i + 1] < 0x80 { i += 1; column += 1 }
                    } else if c == UInt8(ascii: "\"") {
                        mode = .normal
                        tokenStart = false
                    }
                case .normal:
                    if c == UInt8(ascii: "#"), previous == 0x20 || previous == 0x09 {
                        // A comment runs to the end of the line.
                        if let bad = skipLine(bytes, &i, line: line, column: column) {
                            diagnostics.append(bad)
                            return diagnostics
                        }
                        // Leave the newline for the line count below: a comment ends the line's scan
                        // (stepping past the newline here merged the next line into this one, and
                        // every later position was off by one line per comment).
                        i -= 1
                        break scan
                    }
                    let isSpace = c == 0x20 || c == 0x09 || c == 0x0D
                    let nextIsSpace = i + 1 >= n || bytes[i + 1] == 0x20 || bytes[i + 1] == 0x0A
                        || bytes[i + 1] == 0x0D || bytes[i + 1] == 0x09
                    if flowDepth > 0 {
                        if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                            flowDepth += 1
                            if indentStack.count + flowDepth > limits.maxDepth { return diagnostics + [tooDeep(at(column))] }
                            tokenStart = true
                        } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                            flowDepth -= 1
                            tokenStart = false
                        } else if tokenStart, c == UInt8(ascii: "'") {
                            mode = .singleQuoted
                        } else if tokenStart, c == UInt8(ascii: "\"") {
                            mode = .doubleQuoted
                        } else if c == UInt8(ascii: ",") || isSpace || c == UInt8(ascii: ":") {
                            tokenStart = true
                        } else {
                            tokenStart = false
                        }
                    } else if tokenStart {
                        if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                            flowDepth = 1
                            if indentStack.count + flowDepth > limits.maxDepth { return diagnostics + [tooDeep(at(column))] }
                        } else if c == UInt8(ascii: "'") {
                            mode = .singleQuoted
                        } else if c == UInt8(ascii: "\"") {
                            mode = .doubleQuoted
                        } else if c == UInt8(ascii: "|") || c == UInt8(ascii: ">") {
                            blockScalarHeaderLine = true
                            // An indentation indicator is a digit among the one or two header characters.
                            blockScalarExplicit = (1...2).contains { k in
                                i + k < n && bytes[i + k] >= UInt8(ascii: "1") && bytes[i + k] <= UInt8(ascii: "9")
                            }
                            tokenStart = false
                        } else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "?")) && nextIsSpace {
                            indentStack.append(column + 1)
                            if indentStack.count > limits.maxDepth { return diagnostics + [tooDeep(at(column))] }
                        } else if !isSpace {
                            tokenStart = false
                        }
                    } else if c == UInt8(ascii: ":") && nextIsSpace {
                        tokenStart = true
                    }
                }
                previous = c
                i += 1
                column += 1
            }
            if blockScalarHeaderLine {
                blockScalarParent = indent
                blockScalarIndent = nil
                blockScalarHeaderLine = false
            }
            i += 1 // the newline
            line += 1
        }
        return diagnostics
    }

    /// Skips to the newline ending the current line (leaving `i` after it), validating UTF-8 on the way.
    private func skipLine(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, line: Int, column: Int) -> Diagnostic? {
        var column = column
        while i < bytes.count, bytes[i] != 0x0A {
            if let control = YAMLPrescan.controlCharacter(bytes, at: i) {
                return YAMLPrescan.controlDiagnostic(control, escaped: false, SourceLocation(file: file, line: line, column: column))
            }
            if bytes[i] >= 0x80 {
                guard let length = YAMLPrescan.utf8SequenceLength(bytes, at: i) else {
                    return invalidUTF8(bytes[i], SourceLocation(file: file, line: line, column: column))
                }
                i += length
            } else {
                i += 1
            }
            column += 1
        }
        i += 1
        return nil
    }

    /// The control character starting at `i`, if it is one a text may not hold: C0 controls other
    /// than tab, line feed and carriage return (line breaks), DEL, and the C1 controls (U+0080 to
    /// U+009F, two bytes in UTF-8).
    static func controlCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        let c = bytes[i]
        if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D { return Unicode.Scalar(c) }
        if c == 0x7F { return Unicode.Scalar(c) }
        if c == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return Unicode.Scalar(bytes[i + 1]) }
        return nil
    }

    /// Whether `scalar` may not appear in a text value (tab and newline may).
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\t" && scalar != "\n"
    }

    /// SOP112: a control character in the text, raw or written as a YAML escape (`"\0"`, `"\e"`).
    static func controlDiagnostic(_ scalar: Unicode.Scalar, escaped: Bool, _ location: SourceLocation) -> Diagnostic {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let message = escaped ? YAMLMessages.controlEscaped(["char": "\(code)"]) : YAMLMessages.controlRaw(["char": "\(code)"])
        return .error("SOP112", message,
                      at: location)
    }

    private func tooDeep(_ location: SourceLocation) -> Diagnostic {
        .error("SOP110", YAMLMessages.tooDeep(["limit": .number(limits.maxDepth)]),
               at: location)
    }

    private func invalidUTF8(_ byte: UInt8, _ location: SourceLocation) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return .error("SOP108", YAMLMessages.invalidUTF8(["byte": "\(hex.count == 1 ? "0" + hex : hex)"]),
                      at: location)
    }

    /// The length of the well-formed UTF-8 sequence starting at `i` (a lead byte ≥ 0x80), or nil.
    static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b0 = bytes[i]
        let n = bytes.count
        func cont(_ k: Int) -> UInt8? { i + k < n && bytes[i + k] & 0xC0 == 0x80 ? bytes[i + k] : nil }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) != nil ? 2 : nil
        case 0xE0...0xEF:
            guard let b1 = cont(1), cont(2) != nil else { return nil }
            if b0 == 0xE0 && b1 < 0xA0 { return nil }   // overlong
            if b0 == 0xED && b1 > 0x9F { return nil }   // surrogate
            return 3
        case 0xF0...0xF4:
            guard let b1 = cont(1), cont(2) != nil, cont(3) != nil else { return nil }
            if b0 == 0xF0 && b1 < 0x90 { return nil }
            if b0 == 0xF4 && b1 > 0x8F { return nil }
            return 4
        default:
            return nil
        }
    }
}
