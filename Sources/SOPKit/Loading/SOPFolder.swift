import Foundation

/// Finds SOP files in folders and reads their ids cheaply, for `sop validate DIR` and keterkaitan checks.
public enum SOPFolder {
    /// Every `.yaml`/`.yml` file at or below `path` (or `path` itself when it is a file), sorted.
    public static func yamlFiles(under path: String) -> [String] {
        scan(path).files
    }

    /// Every `.yaml`/`.yml` file at or below `path` (or `path` itself when it is a file), sorted,
    /// and an SOP100 error for `path` when it cannot be used (missing, a loop of symbolic links)
    /// and for each folder below it that could not be read: a folder skipped in silence would let
    /// `sop validate` pass files it never saw. Names starting with "." are not files to check;
    /// symbolic links to folders are not followed (no loops).
    public static func scan(_ path: String) -> (files: [String], unreadable: [Diagnostic]) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return ([], [.error("SOP100", YAMLMessages.unreadable(["path": .text(path), "reason": .message(BoundedFile.Failure.from(errno: errno).reasonText)]), at: nil)])
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return ([path], []) }
        var files: [String] = []
        var unreadable: [Diagnostic] = []
        var folders = [path]
        while let folder = folders.popLast() {
            let names: [String]
            switch BoundedFile.folderEntries(folder) {
            case .success(let entries): names = entries
            case .failure(let failure):
                unreadable.append(.error("SOP100", YAMLMessages.unreadableFolder(["folder": .text(folder), "reason": .message(failure.reasonText)]), at: nil))
                continue
            }
            for name in names {
                let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let type = (try? FileManager.default.attributesOfItem(atPath: child))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    folders.append(child)
                } else if !name.hasPrefix("."), name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    files.append(child)
                }
            }
        }
        return (files.sorted(), unreadable)
    }

    /// The ids of the SOPs directly in `folder`, read from each file's top-level `id:` line without
    /// composing the YAML. Scenario files (which have `sop:` instead) are not SOPs.
    public static func sopIDs(in folder: String) -> Set<String> {
        let folder = folder.isEmpty ? "." : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var ids = Set<String>()
        for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            guard let data = BoundedFile.head(folder + "/" + name, limit: headBytes),
                  let lines = headLines(data, startingWith: "id:") else { continue }
            for line in lines {
                let value = line.dropFirst(3).split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? ""
                let unquoted = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if !unquoted.isEmpty { ids.insert(unquoted) }
                break
            }
        }
        return ids
    }
}

extension SOPFolder {
    /// How much of a file is read to find its id or `skenario:` key (only this much is read).
    static let headBytes = 64 * 1024

    /// Whether the file is a scenario: a top-level `skenario:` key (read without composing the YAML).
    public static func isScenarioFile(_ path: String) -> Bool {
        guard let data = BoundedFile.head(path, limit: headBytes),
              let lines = headLines(data, startingWith: "skenario:") else { return false }
        return !lines.isEmpty
    }

    /// The lines of the first 64 KB of a file that start with `prefix` (nil when that part is not
    /// UTF-8). Lines end at LF, CRLF or CR: splitting at "\n" alone left a CRLF file (as Windows
    /// editors save it) in one piece, because Swift counts "\r\n" as one Character, so its id was
    /// read as the rest of the file and a CRLF scenario was taken for an SOP. Line starts are found
    /// on the bytes: splitting the text into Characters made these reads most of the time of
    /// `sop validate` over a folder.
    static func headLines(_ data: [UInt8], startingWith prefix: String) -> [Substring]? {
        guard let text = String(validating: data.prefix(headBytes), as: UTF8.self) else { return nil }
        let bytes = text.utf8
        let wanted = Array(prefix.utf8)
        var lines: [Substring] = []
        var i = bytes.startIndex
        var atLineStart = true
        while i < bytes.endIndex {
            if atLineStart, bytes[i...].starts(with: wanted) {
                var end = i
                while end < bytes.endIndex, bytes[end] != 0x0A, bytes[end] != 0x0D { end = bytes.index(after: end) }
                let line = text[i..<end]
                if line.hasPrefix(prefix) { lines.append(line) }
                i = end
                continue
            }
            atLineStart = bytes[i] == 0x0A || bytes[i] == 0x0D
            i = bytes.index(after: i)
        }
        return lines
    }
}
