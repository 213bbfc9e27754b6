import Foundation

/// Loads calendar files: the shipped `indonesia` calendar and office calendars that extend it.
///
/// A calendar is a YAML file named `<id>.yaml` in a `calendars/` folder (format: `calendars/README.md`).
/// A file with `extends: <id>` starts from that calendar, adds its own `holidays:` (kind `office` unless
/// given) and may override parts of `workweek`. Loading parses the files once; keep the returned
/// calendar rather than loading it per computation.
public enum CalendarStore {
    /// The id of the national calendar shipped in the repository's `calendars/` folder.
    public static let nationalID = "indonesia"
    /// How the compiled-in copy of a calendar is named in messages and `sop calendar show`.
    public static let builtInPrefix = "(built into sop) "
    /// The ids of the calendars compiled into the binary (``EmbeddedCalendars``).
    public static var builtInIDs: [String] { EmbeddedCalendars.files.keys.sorted() }
    /// The exact text of a compiled-in calendar file, for the test that it equals `calendars/<id>.yaml`.
    public static func builtInText(id: String) -> String? { EmbeddedCalendars.files[id] }
    /// How many `extends` a calendar may chain.
    static let maxChain = 8

    /// Parses a calendar file; every problem is a located Diagnostic (SOP1xx for the YAML text,
    /// SOP601-SOP609 for the calendar, see `calendars/README.md`). A file that `extends` another
    /// finds it next to itself first, then along the search path of ``load(id:searchingFrom:)``.
    /// The calendar is nil when there is any error.
    public static func parse(bytes: [UInt8], file: String?) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        let folder = file.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let built = build(bytes: bytes, file: file, nearby: folder, searchingFrom: nil,
                          environment: ProcessInfo.processInfo.environment, chain: [])
        return (built.calendar, built.diagnostics)
    }

    /// Finds a calendar by id: searches `$SOP_CALENDARS` (a folder), then a `calendars/` folder in
    /// `directory` (default: the current directory) and its parents, then `calendars/` next to the
    /// running executable and up to 4 parents of it, so `swift run`, `.build/debug/sop` and the tests
    /// all find the repository's `calendars/`; last, the copy compiled into the binary
    /// (``builtInIDs``: the national `indonesia`), so an installed `sop` works from any folder.
    /// The file is `<id>.yaml` (or `.yml`); its `id:`, when given, must be `id`.
    public static func load(id: String, searchingFrom directory: String? = nil) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        load(id: id, searchingFrom: directory, environment: ProcessInfo.processInfo.environment)
    }

    /// ``load(id:searchingFrom:)`` with the environment given (`SOP_CALENDARS` is read from it), for tests.
    static func load(id: String, searchingFrom directory: String?,
                     environment: [String: String]) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        load(id: id, nearby: nil, searchingFrom: directory, environment: environment, chain: [], requestedAt: nil)
    }

    /// ``load(id:searchingFrom:)`` looking only in `folder/calendars` (no environment, no executable's
    /// folders), then the compiled-in copy: what an installed binary in an empty folder finds, for tests.
    static func load(id: String, nearbyOnly folder: String) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        load(id: id, nearby: nil, searchingFrom: folder, environment: [:], chain: [], requestedAt: nil, onlyFrom: folder)
    }

    /// Builds a calendar from a pinned revision only: every file, `extends` included, comes from the
    /// revision's stored text, never from disk, so the calendar is the one the case was pinned to.
    /// ``WorkingCalendar/source`` then names the revision.
    public static func load(revision: CalendarRevision) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        var result = load(id: revision.calendarID, nearby: nil, searchingFrom: nil, environment: [:], chain: [], requestedAt: nil,
                          pinned: revision.sources)
        result.calendar?.source = "journal revision \(revision.shortHash)"
        return result
    }

    /// The folders searched for calendar files, in order (see ``load(id:searchingFrom:)``);
    /// `SOP_CALENDARS` is read from `environment`.
    public static func searchFolders(from directory: String? = nil,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var folders: [String] = []
        if let env = environment["SOP_CALENDARS"], !env.isEmpty { folders.append(env) }
        var dir = URL(fileURLWithPath: directory ?? FileManager.default.currentDirectoryPath).standardizedFileURL
        while true {
            folders.append(dir.appendingPathComponent("calendars").path)
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path || dir.path == "/" { break }
            dir = parent
        }
        var executables: [URL] = []
        if let url = Bundle.main.executableURL { executables += [url, url.resolvingSymlinksInPath()] }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            let url = URL(fileURLWithPath: first)
            executables += [url, url.resolvingSymlinksInPath()]
        }
        for executable in executables {
            var dir = executable.deletingLastPathComponent().standardizedFileURL
            for _ in 0...4 {
                folders.append(dir.appendingPathComponent("calendars").path)
                dir.deleteLastPathComponent()
            }
        }
        var seen = Set<String>()
        return folders.filter { seen.insert($0).inserted }
    }

    /// The path of `<id>.yaml` (or `.yml`) in the first folder that has it.
    static func find(id: String, in folders: [String]) -> String? {
        for folder in folders {
            for ext in ["yaml", "yml"] {
                let path = URL(fileURLWithPath: folder).appendingPathComponent("\(id).\(ext)").path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return path }
            }
        }
        return nil
    }

    private static func load(id: String, nearby: String?, searchingFrom directory: String?,
                             environment: [String: String], chain: [String],
                             requestedAt location: SourceLocation?, onlyFrom: String? = nil,
                             pinned: [String: String]? = nil) -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic]) {
        guard NodeReader.isIdentifier(id) else {
            return (nil, [.error("SOP606", CalendarMessages.invalidCalendarID(["id": .text(id)]), at: location)])
        }
        if let pinned {
            guard let text = pinned[id] else {
                return (nil, [.error("SOP606", CalendarMessages.pinnedMissing(["id": .text(id)]), at: location)])
            }
            let built = build(bytes: Array(text.utf8), file: "pinned \(id).yaml", nearby: nil, searchingFrom: nil,
                              environment: [:], chain: chain, pinned: pinned)
            return (built.calendar, built.diagnostics)
        }
        let folders = onlyFrom.map { [URL(fileURLWithPath: $0).appendingPathComponent("calendars").path] }
            ?? (nearby.map { [$0] } ?? []) + searchFolders(from: directory, environment: environment)
        guard let path = find(id: id, in: folders) else {
            if let text = EmbeddedCalendars.files[id] {
                var built = build(bytes: Array(text.utf8), file: builtInPrefix + id + ".yaml", nearby: nil,
                                  searchingFrom: directory, environment: environment, chain: chain)
                built.calendar?.source = builtInPrefix + id + ".yaml"
                return (built.calendar, built.diagnostics)
            }
            let shown = folders.prefix(4).joined(separator: ", ")
            return (nil, [.error("SOP606", CalendarMessages.notFound(["id": .text(id), "folders": .text(shown)]), at: location,
                                 notes: [.init(CalendarMessages.setCalendars())])])
        }
        let data: [UInt8]
        switch BoundedFile.read(path, limit: YAMLLimits.standard.maxBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return (nil, [.error("SOP606", CalendarMessages.fileUnreadable(["path": .text(path), "reason": .message(failure.reasonText)]), at: location)])
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var (calendar, diagnostics, idLocation) = build(bytes: data, file: path, nearby: folder,
                                                        searchingFrom: directory, environment: environment, chain: chain)
        if let found = calendar?.id, found != id {
            diagnostics.append(.error("SOP606", CalendarMessages.idMismatch(["path": .text(path), "found": .text(found), "id": .text(id)]),
                                      at: idLocation))
            calendar = nil
        }
        calendar?.source = path
        return (calendar, diagnostics)
    }

    /// Composes, reads and (for `extends`) merges a calendar file.
    private static func build(bytes: [UInt8], file: String?, nearby: String?, searchingFrom directory: String?,
                              environment: [String: String], chain: [String], pinned: [String: String]? = nil)
        -> (calendar: WorkingCalendar?, diagnostics: [Diagnostic], idLocation: SourceLocation?) {
        let composed = YAMLComposer().compose(bytes, file: file)
        guard let root = composed.root else { return (nil, composed.diagnostics, nil) }
        var reader = CalendarFileReader(file: file)
        let spec = reader.read(root)
        var diagnostics = composed.diagnostics + reader.diagnostics
        let fileStem = file.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        let id = spec.id?.value ?? fileStem ?? ""
        if spec.id == nil, !NodeReader.isIdentifier(id) {
            diagnostics.append(.error("SOP601", CalendarMessages.noID(), at: spec.rootLocation))
        }
        var base: WorkingCalendar?
        if let extends = spec.extends {
            if chain.contains(extends.value) || extends.value == id {
                diagnostics.append(.error("SOP606", CalendarMessages.extendsLoop(["base": .text(extends.value), "chain": .text((chain + [id, extends.value]).joined(separator: " -> "))]),
                                          at: extends.location))
            } else if chain.count >= maxChain {
                diagnostics.append(.error("SOP606", CalendarMessages.extendsTooLong(["limit": .number(maxChain)]), at: extends.location))
            } else {
                let loaded = load(id: extends.value, nearby: nearby, searchingFrom: directory, environment: environment,
                                  chain: chain + [id],
                                  requestedAt: extends.location, pinned: pinned)
                diagnostics += loaded.diagnostics
                base = loaded.calendar
                if base == nil, !loaded.diagnostics.contains(where: { $0.location == extends.location }) {
                    diagnostics.append(.error("SOP606", CalendarMessages.baseHasErrors(["base": .text(extends.value)]), at: extends.location))
                }
            }
        }
        var calendar = CalendarAssembler(spec: spec, id: id, base: base).assemble(into: &diagnostics)
        // The exact files used, for pinning: this one's text and every file its base was built from.
        calendar?.sources = (base?.sources ?? [:]).merging([id: String(decoding: bytes, as: UTF8.self)]) { _, own in own }
        return (diagnostics.hasErrors ? nil : calendar, diagnostics, spec.id?.location)
    }
}
