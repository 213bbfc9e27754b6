import Foundation
import Testing
@testable import SOPJournal
@testable import SOPKit

/// The event codec table (issue 13, finding 7): one entry per event kind, and every kind, `.migrated`
/// included, reads back equal to what was written.
@Suite("Event codecs")
struct EventCodecTests {
    /// One event of every kind. The switch in ``kindIsSampled`` fails to compile when a kind is
    /// added, so this list cannot silently miss one.
    static let samples: [CaseEvent.Kind] = [
        .opened(data: ["nama": .text("Budi \"B\""), "umur": .number(12), "sekolah": .boolean(false),
                       "lahir": .date(CalendarDate(year: 2013, month: 5, day: 2)!)], documents: ["KTP", "KK"]),
        .stepStarted(step: "perintah-spt"),
        .signedOff(step: "perintah-spt", performer: "kasi", note: "catatan\nbaris dua"),
        .signedOff(step: "perintah-spt", performer: "petugas", note: nil),
        .documentProduced(name: "Surat Perintah Tugas", step: "perintah-spt"),
        .documentProduced(name: "KTP", step: nil),
        .decisionTaken(step: "cek", outcome: "Ya", byRule: true),
        .stepCompleted(step: "perintah-spt"),
        .sessionAttended(step: "support-group", occurrence: 3),
        .ended(.completed),
        .ended(.exited),
        .migrated(from: String(repeating: "a", count: 64), to: String(repeating: "b", count: 64), mapping: ["lama": "baru"]),
        .migrated(from: "x", to: "y", mapping: [:]),
    ]

    static func kindIsSampled(_ kind: CaseEvent.Kind) -> String {
        switch kind {
        case .opened: "opened"
        case .stepStarted: "step_started"
        case .signedOff: "signed_off"
        case .documentProduced: "document_produced"
        case .decisionTaken: "decision_taken"
        case .stepCompleted: "step_completed"
        case .sessionAttended: "session_attended"
        case .ended: "ended"
        case .migrated: "migrated"
        }
    }

    @Test("the table has one codec per kind, named as the event names itself")
    func oneCodecPerKind() {
        let names = EventCodec.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(names) == Set(Self.samples.map(Self.kindIsSampled)))
        #expect(Set(names) == Set(Self.samples.map { CaseEvent($0, at: Date()).name }))
        // Each codec encodes its own kind only.
        for kind in Self.samples {
            let owners = EventCodec.all.filter { $0.encode(kind) != nil }.map(\.name)
            #expect(owners == [CaseEvent(kind, at: Date()).name])
        }
    }

    @Test("every kind reads back equal to what was written", arguments: samples)
    func roundTrip(_ kind: CaseEvent.Kind) throws {
        let event = CaseEvent(kind, at: Date(timeIntervalSince1970: 1_736_130_000))
        let payload = EventCoding.payload(event)
        let decoded = try EventCoding.decode(type: event.name, milliseconds: EventCoding.milliseconds(event.at), payload: payload,
                                             format: EventCoding.formatVersion).get()
        #expect(decoded == event, "\(payload)")
    }

    @Test("an unknown type is refused by name")
    func unknownType() {
        guard case .failure(let error) = EventCoding.decode(type: "teleported", milliseconds: 0, payload: "{}", format: EventCoding.formatVersion) else {
            Issue.record("an unknown type was accepted")
            return
        }
        #expect(error.description.contains("'teleported' is not a kind this version of sop knows"))
    }
}
