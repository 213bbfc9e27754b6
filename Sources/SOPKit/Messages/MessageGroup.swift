/// One group of catalogue entries: an enum whose cases are the message keys and whose `texts`
/// switch gives each its Indonesian and English text (the compiler refuses a key without both).
///
/// To add a message: add a case, then its `case .name: .init(id: "...", en: "...")` in `texts`,
/// with the same `{placeholders}` in both. Diagnostics name their code in `code`.
public protocol MessageGroup: CaseIterable, RawRepresentable, Sendable where RawValue == String {
    /// The texts of one entry.
    var texts: MessageTexts { get }
    /// The diagnostic code the entry is the message of (`SOP304`), or `nil` for other texts.
    var code: String? { get }
}

extension MessageGroup {
    public var code: String? { nil }

    /// `Group.case`.
    public var key: String { "\(Self.self).\(rawValue)" }

    /// The message with these arguments.
    public func callAsFunction(_ arguments: [String: MessageArgument] = [:]) -> Message {
        Message(key: key, texts: texts, arguments: arguments)
    }

    /// The message, rendered in `bahasa`, with these arguments.
    public func text(_ arguments: [String: MessageArgument] = [:], in bahasa: Bahasa) -> String {
        callAsFunction(arguments).text(in: bahasa)
    }
}

/// Every catalogue entry, listed for the catalogue test and for `docs/istilah.md` checks.
public enum MessageCatalogue {
    /// One described entry.
    public struct Entry: Sendable {
        public var key: String
        public var texts: MessageTexts
        public var code: String?
    }

    /// The groups. A new group is added here; `MessageCatalogueTests` fails for a group whose
    /// messages are built but not listed.
    public static let groups: [any MessageGroup.Type] = [
        CommonMessages.self, YAMLMessages.self, StructureMessages.self, FlowMessages.self, WaktuMessages.self,
        WaktuTextMessages.self, JournalMessages.self, RuleMessages.self, ScenarioMessages.self, CalendarMessages.self, EngineMessages.self, MigrationMessages.self, OutputMessages.self, HelpMessages.self, CaseHelpMessages.self, JournalHelpMessages.self, OptionHelpMessages.self, ParserMessages.self, CaseViewMessages.self, DiffMessages.self, CLIMessages.self,
        CaseCommandMessages.self, CaseMigrationMessages.self, JournalCommandMessages.self, UserMessages.self, SimulationMessages.self, CalendarSummaryMessages.self, PageMessages.self,
        SimulationInputMessages.self, ServeSetupMessages.self, SimulationHTMLMessages.self,
        JournalFileMessages.self, JournalDataMessages.self, PostgresConnectMessages.self, PostgresServerMessages.self,
        AuditMessages.self,
    ]

    /// Every entry of every group.
    public static var entries: [Entry] {
        groups.flatMap { group in entries(of: group) }
    }

    private static func entries<G: MessageGroup>(of group: G.Type) -> [Entry] {
        G.allCases.map { Entry(key: $0.key, texts: $0.texts, code: $0.code) }
    }
}
