import Foundation
import SOPKit

/// The SOPs `sop serve` offers for new cases: every valid `*.yaml` definition in the served folders
/// (scenario files left out), each with the exact bytes validated and their hash, so what a case
/// stores is what was checked.
public struct ServedSOPs: Sendable {
    public struct Entry: Sendable {
        public var definition: SOPDefinition
        public var source: String
        public var hash: String
        public var path: String
    }

    public private(set) var entries: [String: Entry] = [:]
    /// Files that did not load, with their first error (shown to authors, never fatal), in
    /// either language.
    public private(set) var problems: [(path: String, message: Message)] = []

    /// The folders served.
    public let folders: [String]

    public init(folders: [String]) {
        self.folders = folders
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") && !name.hasSuffix(".skenario.yaml") {
                let path = (folder as NSString).appendingPathComponent(name)
                let result = SOPLoader().load(path: path)
                if let definition = result.definition, let bytes = result.bytes, entries[definition.id] == nil {
                    entries[definition.id] = Entry(definition: definition, source: String(decoding: bytes, as: UTF8.self),
                                                   hash: result.contentHash, path: path)
                } else if result.definition == nil {
                    problems.append((path, result.diagnostics.first { $0.severity == .error }?.text ?? ServeSetupMessages.notLoaded()))
                }
            }
        }
    }

    /// The SOPs in id order.
    public var sorted: [Entry] { entries.values.sorted { $0.definition.id < $1.definition.id } }

    /// The performer ids (and aliases) a role name may be given as, for `sop user add --role`.
    public func knows(role: String) -> Bool { entries.values.contains { $0.definition.performer(named: role) != nil } }

    /// Every performer id of the served SOPs.
    public var roles: [String] { Set(entries.values.flatMap { $0.definition.performers.map(\.id) }).sorted() }
}
