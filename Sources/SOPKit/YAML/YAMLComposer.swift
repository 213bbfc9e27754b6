import CYAML

/// Composes YAML text into ``YAMLNode``s, driving libyaml's event parser directly.
///
/// Yams' own composer expands aliases (with no limit, so an alias bomb explodes, and an alias used as
/// a mapping key explodes inside its duplicate-key check), stops at the first duplicate key and
/// reports it at the first occurrence, and recurses once per nesting level. This composer refuses
/// anchors, aliases and tags where they stand, reports every duplicate key at the repeated key, uses
/// an explicit stack, and collects every problem it can before giving up.
public struct YAMLComposer: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .standard) {
        self.limits = limits
    }

    /// The result of composing: the root node (nil when the text could not be composed) and the problems.
    public struct Result: Sendable {
        public var root: YAMLNode?
        public var diagnostics: [Diagnostic]
    }

    /// Composes a file's bytes. `file` is used in the locations of diagnostics.
    public func compose(_ bytes: [UInt8], file: String?) -> Result {
        bytes.withUnsafeBufferPointer { compose(buffer: $0, file: file) }
    }

    /// Composes text.
    public func compose(_ text: String, file: String? = nil) -> Result {
        compose(Array(text.utf8), file: file)
    }

    private func compose(buffer: UnsafeBufferPointer<UInt8>, file: String?) -> Result {
        let early = YAMLPrescan(limits: limits, file: file).check(buffer)
        if !early.isEmpty { return Result(root: nil, diagnostics: early) }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return Result(root: nil, diagnostics: [.error("SOP101", YAMLMessages.parserStart(),
                                                          at: SourceLocation(file: file, line: 1, column: 1))])
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        // libyaml keeps a byte-order mark as content when the encoding is set; skip it here.
        let bom = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        yaml_parser_set_input_string(&parser, buffer.baseAddress.map { $0 + bom }, buffer.count - bom)
        var builder = YAMLTreeBuilder(file: file)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                builder.diagnostics.append(syntaxError(parser, file: file))
                return Result(root: nil, diagnostics: builder.diagnostics)
            }
            let done = builder.consume(&event)
            yaml_event_delete(&event)
            if done { break }
        }
        if builder.root == nil, !builder.diagnostics.hasErrors {
            builder.diagnostics.append(.error("SOP106", YAMLMessages.empty(),
                                              at: SourceLocation(file: file, line: 1, column: 1)))
        }
        return Result(root: builder.diagnostics.hasErrors ? nil : builder.root, diagnostics: builder.diagnostics)
    }

    private func syntaxError(_ parser: yaml_parser_t, file: String?) -> Diagnostic {
        let problem: MessageArgument = parser.problem.map { .text(String(cString: $0)) } ?? .message(YAMLMessages.syntaxUnknown())
        let mark = parser.problem_mark
        var location = SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
        var notes: [Diagnostic.Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextMark = parser.context_mark
            notes.append(.init(YAMLMessages.syntaxContext(["context": .text(context)]), at: SourceLocation(file: file, line: contextMark.line + 1,
                                                           column: contextMark.column + 1)))
        }
        if parser.error == YAML_READER_ERROR {
            location = SourceLocation(file: file, line: 1, column: 1)
        }
        return .error("SOP101", YAMLMessages.syntax(["problem": problem]), at: location, notes: notes)
    }
}
