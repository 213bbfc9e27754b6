import Foundation
import SOPKit

/// Parsed definitions by content hash, so a process parses each stored definition once.
final class DefinitionCache: @unchecked Sendable {
    static let shared = DefinitionCache()
    private var cache: [String: SOPDefinition] = [:]
    private let lock = NSLock()

    /// A definition parsed already, without reading its source.
    func cached(_ hash: String) -> SOPDefinition? { lock.withLock { cache[hash] } }

    func definition(source: String, hash: String) throws(JournalError) -> SOPDefinition {
        if let hit = lock.withLock({ cache[hash] }) { return hit }
        // Built, not re-validated: the checks of today's release must not lock out cases stored
        // under an SOP that yesterday's release accepted.
        guard let definition = SOPLoader().loadStored(text: source, file: "stored definition \(hash.prefix(12))") else {
            throw .corrupt(JournalDataMessages.definitionNoLongerLoads(["hash": .text(String(hash.prefix(12)))]))
        }
        lock.withLock { cache[hash] = definition }
        return definition
    }
}
