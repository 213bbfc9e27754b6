import Foundation

/// Where the package, its fixtures and the built `sop` binary are, for tests.
enum TestPaths {
    /// The package root (the folder holding Package.swift).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static var fixtures: URL { root.appendingPathComponent("Tests/SOPKitTests/Fixtures") }
    static var sops: URL { root.appendingPathComponent("sops") }

    /// Files with `ext` directly in `folder`, sorted by name.
    static func files(in folder: URL, ext: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The `sop` binary built next to the test bundle (or `$SOP_BINARY`).
    static let binary: URL = {
        if let explicit = ProcessInfo.processInfo.environment["SOP_BINARY"] { return URL(fileURLWithPath: explicit) }
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("sop"))
                dir.deleteLastPathComponent()
            }
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("sop"))
        candidates.append(root.appendingPathComponent(".build/debug/sop"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }()
}
