import SOPKit

/// A definition read back from the journal is the one that was stored: its text must still have
/// the SHA-256 it is stored (and referred to) under, on every load and on both back ends.
enum StoredDefinition {
    static func check(source: String, hash: String, sopID: String) throws(JournalError) {
        guard JournalChain.payloadHash(source) == hash else {
            throw .storage(JournalDataMessages.definitionAltered(["hash": .text(String(hash.prefix(12))), "sop": .text(sopID)]))
        }
    }
}
