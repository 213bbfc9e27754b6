import Testing
@testable import SOPJournal
@testable import SOPKit

/// Every case of ``JournalError`` reads through the catalogue in both languages: the list of cases
/// is ``JournalError/Kind`` (an exhaustive switch in the library), and `sample(_:)` below is an
/// exhaustive switch over it, so a new case fails to compile here until it has a sample.
@Suite("JournalError through the catalogue")
struct JournalErrorCatalogueTests {
    static func sample(_ kind: JournalError.Kind) -> JournalError {
        switch kind {
        case .cannotOpen: .cannotOpen(JournalFileMessages.notPrivate(["file": "/srv/sop/j.sqlite", "mode": "644"]))
        case .conflict: .conflict(case: "AJ-2025-0001", expected: 3, found: 4)
        case .unknownCase: .unknownCase("AJ-2025-0009")
        case .corrupt: .corrupt(JournalDataMessages.eventType(["type": "teleported"]))
        case .refused: .refused(CaseRefusal(.caseClosed, EngineMessages.caseEnded(["status": "selesai"])))
        case .damaged: .damaged(path: "/srv/sop/j.sqlite", problems: JournalFileMessages.corrupted())
        case .storage: .storage(JournalFileMessages.cannotWrite(["why": .message(JournalFileMessages.diskFull())]))
        case .problem: .problem(JournalDataMessages.calendarZoneConflict(["calendar": "nasional", "sop": "anak-jalanan"]))
        }
    }

    @Test("each case has its own Indonesian and English text, every placeholder filled", arguments: JournalError.Kind.allCases)
    func everyCaseInBothLanguages(_ kind: JournalError.Kind) {
        let error = Self.sample(kind)
        #expect(error.kind == kind)
        #expect(!error.text.containsUntranslated && error.text.key != "untranslated")
        let id = error.message(in: .id), en = error.message(in: .en)
        #expect(!id.isEmpty && !en.isEmpty && id != en, "\(kind): \(id) / \(en)")
        #expect(!id.contains("{") && !en.contains("{"), "\(kind): \(id) / \(en)")
        #expect(error.description == en)
    }

    @Test("the texts the journal's errors are built from are translated, with the same placeholders")
    func groupsAreTranslated() {
        let groups: [any MessageGroup.Type] = [JournalFileMessages.self, JournalDataMessages.self, PostgresConnectMessages.self, PostgresServerMessages.self]
        let keys = Set(MessageCatalogue.entries.map(\.key))
        for group in groups {
            for entry in Self.entries(group) {
                #expect(keys.contains(entry.key), "\(entry.key) is not in MessageCatalogue.groups")
                #expect(entry.texts.id != entry.texts.en, "\(entry.key) has no Indonesian text")
                #expect(MessageTemplate.names(in: entry.texts.id).sorted() == MessageTemplate.names(in: entry.texts.en).sorted(), "\(entry.key)")
            }
        }
    }

    private static func entries<G: MessageGroup>(_ group: G.Type) -> [(key: String, texts: MessageTexts)] {
        G.allCases.map { ($0.key, $0.texts) }
    }

    @Test("a system error, an SQLite failure and a PostgreSQL URL refusal read in Indonesian")
    func causesInIndonesian() throws {
        #expect(JournalFile.systemError(13).text(in: .id) == "izin ditolak")
        #expect(JournalFile.systemError(9999).text(in: .id) == "galat sistem 9999")
        do {
            _ = try PostgresURL("postgres://sop@db:70000/sop")
            Issue.record("a port past 65535 was accepted")
        } catch {
            #expect(error.message(in: .id).hasPrefix("URL PostgreSQL 'postgres://sop@db:70000/sop' tidak sah: port"), "\(error.message(in: .id))")
        }
    }
}
