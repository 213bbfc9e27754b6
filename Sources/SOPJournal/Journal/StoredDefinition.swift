import SOPKit

/// A definition read back from the journal is the one that was stored: its text must still have
/// the SHA-256 it is stored (and referred to) under, on every load and on both back ends.
enum StoredDefinition {
    static func check(source: String, hash: String, sopID: String) throws(JournalError) {
        guard JournalChain.payloadHash(source) == hash else {
            throw .storage("the stored SOP revision \(hash.prefix(12)) of '\(sopID)' was altered: its text no longer has the SHA-256 it was stored under, so it is not used; run `sop journal verify` and restore the journal from a backup")
        }
    }
}
