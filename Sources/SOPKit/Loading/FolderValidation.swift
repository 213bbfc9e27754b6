import Foundation

/// Validates many files at once, on every core, keeping the results in file order. SOP files are
/// loaded and validated; scenario files (a top-level `skenario:` key) are loaded and replayed
/// against their SOP, so an illegal history is reported at its entry. Across the files, two
/// different definitions of one SOP id that share nomor and tanggal revisi are warned about.
public enum FolderValidation {
    /// What checking one file gave.
    public struct FileCheck: Sendable {
        public var path: String
        public var diagnostics: [Diagnostic]
        /// The definition and the hash of its bytes, for an SOP file that loaded.
        public var definition: SOPDefinition?
        public var hash: String?
    }

    /// The diagnostics of each file, in the order given.
    public static func run(files: [String], loader: SOPLoader = SOPLoader()) -> [[Diagnostic]] {
        check(files: files, loader: loader).map(\.diagnostics)
    }

    /// Every file checked, in the order given, with the cross-file revision check applied.
    public static func check(files: [String], loader: SOPLoader = SOPLoader()) -> [FileCheck] {
        // The ids of the SOPs in each folder, read once per folder: read again for every file (as
        // `SOPLoader.load(path:)` does alone) made a folder of n files read n * n files.
        var ids: [String: Set<String>] = [:]
        if loader.folderSOPIDs == nil {
            for path in files {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                if ids[folder] == nil { ids[folder] = SOPFolder.sopIDs(in: folder) }
            }
        }
        let folderIDs = ids
        var checks = ParallelMap.run(files.count) { i -> FileCheck in
            let path = files[i]
            if SOPFolder.isScenarioFile(path) {
                return FileCheck(path: path, diagnostics: ScenarioFile.run(path: path).diagnostics)
            }
            var fileLoader = loader
            if fileLoader.folderSOPIDs == nil {
                fileLoader.folderSOPIDs = folderIDs[URL(fileURLWithPath: path).deletingLastPathComponent().path]
            }
            let loaded = fileLoader.load(path: path)
            return FileCheck(path: path, diagnostics: loaded.diagnostics, definition: loaded.definition,
                             hash: loaded.definition == nil ? nil : loaded.contentHash)
        }
        // Revisions must be dated: compare every pair of definitions of one id (later file warned).
        var seen: [String: Int] = [:]
        for i in checks.indices {
            guard let definition = checks[i].definition else { continue }
            if let j = seen[definition.id], let earlier = checks[j].definition {
                checks[i].diagnostics += RevisionCheck.sameRevisionLabel(
                    old: earlier, oldHash: checks[j].hash, new: definition, newHash: checks[i].hash,
                    at: SourceLocation(file: checks[i].path, line: 1, column: 1)
                ).map { d in
                    var d = d
                    d.notes.append(.init(CommonMessages.earlierDefinitionIn(["path": .text(checks[j].path)]), at: SourceLocation(file: checks[j].path, line: 1, column: 1)))
                    return d
                }
            } else {
                seen[definition.id] = i
            }
        }
        return checks
    }
}

