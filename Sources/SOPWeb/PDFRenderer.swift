import Foundation

/// Prints an SOP's official document (the HTML of ``SOPKit/SOPDocumentHTML``) to PDF for the SOP
/// page's download. SOPWeb starts no process: `sop serve` hands the server one that runs headless
/// Chromium, as `sop render --pdf` does; without one the page says a PDF cannot be made here.
public protocol PDFRenderer: Sendable {
    /// The PDF's bytes (they begin with `%PDF`). Slow (a browser runs): called off the event loop.
    func pdf(html: String) throws -> [UInt8]
}

/// The PDFs printed so far, by the hash of the SOP's bytes: the same SOP prints the same document,
/// so a second download does not start the browser again. Derived data, rebuilt after a restart.
/// One document is printed at a time (``print(_:_:)``), so a burst of downloads starts one
/// browser, not one each.
final class PrintedPDFs: @unchecked Sendable {
    private var byHash: [String: [UInt8]] = [:]
    private let lock = NSLock()
    private let printing = DispatchQueue(label: "sop.serve.pdf")

    /// The PDF of the SOP with `hash`: kept, or printed by `make` on the printing queue (off the
    /// event loop) and kept when it is a PDF.
    func print(_ hash: String, _ make: @escaping @Sendable () throws -> [UInt8]) async throws -> [UInt8] {
        if let kept = get(hash) { return kept }
        return try await withCheckedThrowingContinuation { continuation in
            printing.async {
                continuation.resume(with: Result {
                    if let kept = self.get(hash) { return kept }
                    let bytes = try make()
                    if bytes.starts(with: Array("%PDF".utf8)) { self.put(hash, bytes) }
                    return bytes
                })
            }
        }
    }
    /// At most this many documents are kept (an office serves a few dozen SOPs).
    static let limit = 64

    func get(_ hash: String) -> [UInt8]? { lock.withLock { byHash[hash] } }

    func put(_ hash: String, _ bytes: [UInt8]) {
        lock.withLock {
            if byHash.count >= Self.limit { byHash.removeAll() }
            byHash[hash] = bytes
        }
    }
}
