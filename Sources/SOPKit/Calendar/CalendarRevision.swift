import Foundation

/// The exact calendar files a working calendar was built from, hashed together: what a case pins
/// in the journal so that editing a calendar file never moves the due times of its cases.
///
/// A calendar that `extends` another is built from both files (an office calendar and the national
/// one, from disk or compiled into `sop`); the revision holds every file's exact text by calendar id,
/// and its ``hash`` is the SHA-256 of a canonical encoding of them all (ids in order, each with its
/// byte length), so the same files always give the same hash and any change to one gives another.
public struct CalendarRevision: Sendable, Hashable {
    /// The id of the calendar built (the one the SOP names).
    public var calendarID: String
    /// The exact text of every file used, by calendar id.
    public var sources: [String: String]

    public init(calendarID: String, sources: [String: String]) {
        self.calendarID = calendarID
        self.sources = sources
    }

    /// The SHA-256 of ``canonicalBytes`` in lower-case hex.
    public var hash: String { SHA256.hex(canonicalBytes) }

    /// The first 12 hex digits of ``hash``, as `case show` and `sop calendar update` print it.
    public var shortHash: String { String(hash.prefix(12)) }

    /// The bytes hashed: for each file in id order, `id`, a newline, the byte count, a newline, the bytes.
    public var canonicalBytes: [UInt8] {
        var bytes: [UInt8] = []
        for id in sources.keys.sorted() {
            let text = Array((sources[id] ?? "").utf8)
            bytes += Array("\(id)\n\(text.count)\n".utf8) + text
        }
        return bytes
    }

    /// The revision as stored in the journal: a JSON object of the files by id (keys sorted).
    public var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(sources)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a stored revision (``encoded``); nil when the text is not such an object.
    public init?(calendarID: String, encoded: String) {
        guard let sources = try? JSONDecoder().decode([String: String].self, from: Data(encoded.utf8)),
              sources[calendarID] != nil else { return nil }
        self.init(calendarID: calendarID, sources: sources)
    }
}
