import Foundation

/// An SOP as a journal stores it: the validated model, the exact text validated and its SHA-256,
/// all from one read of the file. `sop case open` and `sop case migrate` store ``source`` under
/// ``hash`` and run ``definition``: reading the file a second time to store it could store bytes
/// that were never validated (the file replaced in between) under a hash that is not theirs.
public struct ValidatedSOP: Sendable {
    /// The model, validated without errors.
    public let definition: SOPDefinition
    /// The exact text validated (the file's bytes, which are UTF-8).
    public let source: String
    /// The SHA-256 of ``source`` (hex): the revision's identity in the journal.
    public let hash: String

    /// The SOP of one load, or nil when it has errors or its bytes are not text that keeps them.
    public init?(_ result: SOPLoader.Result) {
        guard let definition = result.definition, let bytes = result.bytes else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        // What is stored must be what was validated, byte for byte.
        guard Array(text.utf8) == bytes else { return nil }
        self.definition = definition
        self.source = text
        self.hash = SHA256.hex(bytes)
    }

    /// Reads the file at `path` once (with `reader`) and validates it: the SOP, or nil, and every
    /// diagnostic found.
    public static func load(path: String, loader: SOPLoader = SOPLoader(),
                            reader: @escaping SOPLoader.FileReader = BoundedFile.read) -> (sop: ValidatedSOP?, diagnostics: [Diagnostic]) {
        let result = loader.load(path: path, reader: reader)
        return (ValidatedSOP(result), result.diagnostics)
    }
}
