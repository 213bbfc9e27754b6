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
                  let text = String(data: data.prefix(64 * 1024), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix("id:") {
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
              let text = String(data: data.prefix(64 * 1024), encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("skenario:") }
    }
}
