import Foundation

/// Finds SOP files in folders and reads their ids cheaply, for `sop validate DIR` and keterkaitan checks.
public enum SOPFolder {
    /// Every `.yaml`/`.yml` file at or below `path` (or `path` itself when it is a file), sorted.
    public static func yamlFiles(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                files.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
            }
        }
        return files.sorted()
    }

    /// The ids of the SOPs directly in `folder`, read from each file's top-level `id:` line without
    /// composing the YAML. Scenario files (which have `sop:` instead) are not SOPs.
    public static func sopIDs(in folder: String) -> Set<String> {
        let folder = folder.isEmpty ? "." : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var ids = Set<String>()
        for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
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
    /// Whether the file is a scenario: a top-level `skenario:` key (read without composing the YAML).
    public static func isScenarioFile(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
              let lines = headLines(data, startingWith: "skenario:") else { return false }
        return !lines.isEmpty
    }

    /// The lines of the first 64 KB of a file that start with `prefix` (nil when that part is not
    /// UTF-8). Lines end at LF, CRLF or CR: splitting at "\n" alone left a CRLF file (as Windows
    /// editors save it) in one piece, because Swift counts "\r\n" as one Character, so its id was
    /// read as the rest of the file and a CRLF scenario was taken for an SOP. Line starts are found
    /// on the bytes: splitting the text into Characters made these reads most of the time of
    /// `sop validate` over a folder.
    static func headLines(_ data: Data, startingWith prefix: String) -> [Substring]? {
        guard let text = String(data: data.prefix(64 * 1024), encoding: .utf8) else { return nil }
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
