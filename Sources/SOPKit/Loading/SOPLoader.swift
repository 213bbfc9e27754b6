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
        public let source: [UInt8]?
        /// The exact bytes validated, for storing with the hash ``contentHash`` (one read of the file
        /// gives the model, its bytes and its hash); nil when the file could not be read.
        public var bytes: [UInt8]? { source }

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

    /// Reads a file's bytes, at most `limit` of them (``BoundedFile/read(_:limit:)``; tests inject
    /// another to count reads or to change the file between reads).
    public typealias FileReader = @Sendable (_ path: String, _ limit: Int) -> Swift.Result<[UInt8], BoundedFile.Failure>

    /// Loads the file at `path` (as the user wrote it; diagnostics carry that path).
    public func load(path: String) -> Result {
        load(path: path, reader: BoundedFile.read)
    }

    /// Loads the file at `path`, reading it once with `reader`.
    public func load(path: String, reader: FileReader) -> Result {
        let data: [UInt8]
        switch reader(path, limits.maxBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return Result(definition: nil, diagnostics: [failure.diagnostic(path: path)], source: nil)
        }
        let url = URL(fileURLWithPath: path)
        let folderIDs = folderSOPIDs ?? SOPFolder.sopIDs(in: url.deletingLastPathComponent().path)
        let stem = url.deletingPathExtension().lastPathComponent
        return load(bytes: data, file: path,
                    validator: SOPValidator(folderSOPIDs: folderIDs, fileStem: stem))
    }

    /// Loads YAML text that did not come from a file (tests, standard input).
    public func load(text: String, file: String? = nil) -> Result {
        load(bytes: Array(text.utf8), file: file, validator: SOPValidator(folderSOPIDs: folderSOPIDs))
    }

    /// Builds the model of a definition stored in a journal, without validating it again.
    ///
    /// A stored definition passed the checks of the version of `sop` that stored it; a later release
    /// may add stricter checks (or new warnings), and re-running them would make every case stored
    /// under such an SOP unreadable. So only the YAML is composed (its safety limits still apply)
    /// and the model built; the builder's own complaints are ignored as long as it gives a model.
    /// Nil when the text does not compose or gives no model at all.
    public func loadStored(text: String, file: String) -> SOPDefinition? {
        let composed = YAMLComposer(limits: limits).compose(Array(text.utf8), file: file)
        guard let root = composed.root, !composed.diagnostics.hasErrors else { return nil }
        var builder = SOPBuilder()
        return builder.build(root)
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
