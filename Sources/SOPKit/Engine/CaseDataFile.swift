import Foundation

/// Reads case data given on the command line: `KEY=VALUE` pairs and YAML data files (a mapping of
/// field to value), with located diagnostics for anything malformed.
public enum CaseDataFile {
    /// The fields of a YAML mapping file, values as written.
    public static func read(path: String) -> (data: [String: String], diagnostics: [Diagnostic]) {
        let contents: [UInt8]
        switch BoundedFile.read(path, limit: YAMLLimits.standard.maxBytes) {
        case .success(let bytes): contents = bytes
        case .failure(let failure):
            if case .tooLarge = failure { return ([:], [failure.diagnostic(path: path)]) }
            return ([:], [.error("SOP700", ScenarioMessages.dataFileUnreadable(["path": .text(path), "reason": .message(failure.reasonText)]), at: nil)])
        }
        let composed = YAMLComposer().compose(contents, file: path)
        guard let root = composed.root else { return ([:], composed.diagnostics) }
        return fields(of: root, what: ScenarioMessages.whereDataFile())
    }

    /// The fields of a mapping node (scalar values only).
    static func fields(of node: YAMLNode, what: Message) -> (data: [String: String], diagnostics: [Diagnostic]) {
        guard let pairs = node.pairs else {
            return ([:], [.error("SOP203", ScenarioMessages.dataNotMapping(["what": .message(what), "kind": .message(node.kindText)]), at: node.location)])
        }
        var data: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for pair in pairs {
            guard let scalar = pair.value.scalar else {
                diagnostics.append(.error("SOP203", ScenarioMessages.dataFieldNotScalar(["name": .text(pair.keyText), "kind": .message(pair.value.kindText)]),
                                          at: pair.value.location))
                continue
            }
            if scalar.isNull { continue }
            data[pair.keyText] = scalar.value
        }
        return (data, diagnostics)
    }

    /// `KEY=VALUE` pairs; the value may contain `=`.
    public static func pairs(_ items: [String]) -> Result<[String: String], CaseRefusal> {
        var data: [String: String] = [:]
        for item in items {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                return .failure(CaseRefusal(.badData, EngineMessages.notKeyValue(["item": .text(item)])))
            }
            let key = String(item[..<eq])
            if data[key] != nil {
                return .failure(CaseRefusal(.badData, EngineMessages.givenTwice(["key": .text(key)])))
            }
            data[key] = String(item[item.index(after: eq)...])
        }
        return .success(data)
    }
}
