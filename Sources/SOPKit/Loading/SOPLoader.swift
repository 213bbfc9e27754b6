import Foundation

/// Loads an SOP file: composes the YAML, builds the typed model, validates it, and returns the
/// definition (when there are no errors) with every diagnostic found.
public struct SOPLoader: Sendable {
    /// What loading produced.
    public struct Result: Sendable {
        /// The definition; `nil` when any error was found.
        public var definition: SOPDefinition?
        /// Every problem found, sorted by position.
        public var diagnostics: [Diagnostic]
        /// The hash of the exact bytes loaded (SHA-256, hex), identifying this revision of the definition;
        /// "" when the file could not be read. Computed when asked: validating alone never needs it,
        /// and hashing cost a tenth of a load.
        public var contentHash: String { source.map(SHA256.hex) ?? "" }
        /// The bytes loaded (shared with the caller's array, not copied); nil when the file could not be read.
        let source: [UInt8]?

        init(definition: SOPDefinition?, diagnostics: [Diagnostic], source: [UInt8]?) {
            self.definition = definition
            self.diagnostics = diagnostics
            self.source = source
        }
    }

    public var limits: YAMLLimits
    /// Ids of the SOPs in the same folder, for checking keterkaitan; `nil` to look at the file's own folder.
    public var folderSOPIDs: Set<String>?

    public init(limits: YAMLLimits = .standard, folderSOPIDs: Set<String>? = nil) {
        self.limits = limits
        self.folderSOPIDs = folderSOPIDs
    }

    /// Loads the file at `path` (as the user wrote it; diagnostics carry that path).
    public func load(path: String) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            return Result(definition: nil, diagnostics: [.error("SOP100", "'\(path)' \(reason)", at: nil)], source: nil)
        }
        let url = URL(fileURLWithPath: path)
        let folderIDs = folderSOPIDs ?? SOPFolder.sopIDs(in: url.deletingLastPathComponent().path)
        let stem = url.deletingPathExtension().lastPathComponent
        return load(bytes: [UInt8](data), file: path,
                    validator: SOPValidator(folderSOPIDs: folderIDs, fileStem: stem))
    }

    /// Loads YAML text that did not come from a file (tests, standard input).
    public func load(text: String, file: String? = nil) -> Result {
        load(bytes: Array(text.utf8), file: file, validator: SOPValidator(folderSOPIDs: folderSOPIDs))
    }

    /// Loads bytes with an explicit validator configuration.
    public func load(bytes: [UInt8], file: String?, validator: SOPValidator) -> Result {
        let composed = YAMLComposer(limits: limits).compose(bytes, file: file)
        guard let root = composed.root else {
            return Result(definition: nil, diagnostics: composed.diagnostics.sortedByLocation(), source: bytes)
        }
        var builder = SOPBuilder()
        var built = builder.build(root)
        var diagnostics = composed.diagnostics + builder.reader.diagnostics
        if let path = built?.unit.logoPath {
            switch SOPLogo.read(path, besides: file) {
            case .logo(let logo): built?.unit.logo = logo
            case .problem(let problem): diagnostics.append(problem)
            }
        }
        if let built { diagnostics += validator.validate(built) }
        diagnostics = diagnostics.map { d in
            var d = d
            if d.location == nil, file != nil { d.location = SourceLocation(file: file, line: 1, column: 1) }
            return d
        }
        return Result(definition: diagnostics.hasErrors ? nil : built, diagnostics: diagnostics.sortedByLocation(),
                      source: bytes)
    }
}
