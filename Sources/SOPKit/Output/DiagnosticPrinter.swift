/// Writes diagnostics for people (`path:line:col: error: message [code]`, colour only on a terminal)
/// or for machines (a JSON array of {file, line, column, severity, code, message, notes}); the
/// message in the reader's language, everything else the same in both.
public struct DiagnosticPrinter: Sendable {
    public var useColour: Bool
    /// The language of the messages (codes and the line's shape are the same in both).
    public var bahasa: Bahasa

    public init(useColour: Bool = false, bahasa: Bahasa = .en) {
        self.useColour = useColour
        self.bahasa = bahasa
    }

    /// One diagnostic and its notes, each on its own line.
    public func text(_ d: Diagnostic) -> String {
        var lines = [line(d.location, d.severity.rawValue, colour: d.severity == .error ? "31" : d.severity == .warning ? "33" : "36",
                          d.message(in: bahasa) + " [\(d.code)]")]
        for note in d.notes {
            lines.append(line(note.location ?? d.location, "note", colour: "36", note.message(in: bahasa)))
        }
        return lines.joined(separator: "\n")
    }

    /// One line whatever the message quotes: the location and the message are escaped with
    /// `TerminalText.escaped` (a value holding a newline or an escape sequence cannot break the
    /// `path:line:col: error:` form or run on the terminal); only the colour codes are raw.
    private func line(_ location: SourceLocation?, _ label: String, colour: String, _ message: String) -> String {
        let prefix = location.map { TerminalText.escaped("\($0)") + ": " } ?? ""
        let tag = useColour ? "\u{1B}[1;\(colour)m\(label):\u{1B}[0m" : "\(label):"
        return "\(prefix)\(tag) \(TerminalText.escaped(message))"
    }

    /// The JSON form of diagnostics: an array of objects.
    public static func json(_ diagnostics: [Diagnostic], bahasa: Bahasa = .en) -> JSONValue {
        .array(diagnostics.map { d in
            var pairs: [(String, JSONValue)] = [
                ("file", .optional(d.location?.file)),
                ("line", d.location.map { .number(Double($0.line)) } ?? .null),
                ("column", d.location.map { .number(Double($0.column)) } ?? .null),
                ("severity", .string(d.severity.rawValue)),
                ("code", .string(d.code)),
                ("message", .string(d.message(in: bahasa))),
            ]
            if !d.notes.isEmpty {
                pairs.append(("notes", .array(d.notes.map { note in
                    .object([("message", .string(note.message(in: bahasa))),
                             ("line", note.location.map { .number(Double($0.line)) } ?? .null),
                             ("column", note.location.map { .number(Double($0.column)) } ?? .null)])
                })))
            }
            return .object(pairs)
        })
    }
}
