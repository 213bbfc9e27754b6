/// A message for a person: a catalogue entry and its named arguments, rendered in either language.
///
/// Built from a catalogue group (``MessageGroup``), never from an English literal, so the same
/// diagnostic reads `Pelaksana 'stf' tidak dikenal ...` or `unknown performer 'stf' ...` by the
/// reader's choice, with the same code and position.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    /// `Group.case`, e.g. `FlowMessages.unknownPerformer`; `untranslated` for text from code
    /// that does not use the catalogue yet.
    public let key: String
    let texts: MessageTexts
    /// The named values put into the template.
    public let arguments: [String: MessageArgument]

    init(key: String, texts: MessageTexts, arguments: [String: MessageArgument]) {
        self.key = key
        self.texts = texts
        self.arguments = arguments
    }

    /// Text that has no catalogue entry yet (English only, shown as it is in both languages).
    /// `MessageCatalogueTests` fails while any is built, naming it, so it is translated at merge.
    @available(*, deprecated, message: "add the message to a catalogue group in Sources/SOPKit/Messages")
    public static func untranslated(_ english: String) -> Message {
        Message(key: "untranslated", texts: MessageTexts(id: english, en: english), arguments: [:])
    }

    /// The empty message (an absent did-you-mean, an absent suffix).
    public static let empty = Message(key: "empty", texts: MessageTexts(id: "", en: ""), arguments: [:])

    /// Whether this message, or one inside it, was built from an English literal.
    public var isUntranslated: Bool { key == "untranslated" }

    var containsUntranslated: Bool { isUntranslated || arguments.values.contains { $0.containsUntranslated } }

    /// The message in `bahasa`, its `{name}` placeholders filled.
    public func text(in bahasa: Bahasa) -> String {
        MessageTemplate.fill(texts.template(in: bahasa), arguments, in: bahasa)
    }

    /// The English text (what logs, tests of the library and old callers read).
    public var english: String { text(in: .en) }

    /// The Indonesian text.
    public var indonesian: String { text(in: .id) }

    public var description: String { english }
}

/// The two texts of one catalogue entry.
public struct MessageTexts: Hashable, Sendable {
    /// Indonesian, as an Indonesian official writes it.
    public var id: String
    /// English.
    public var en: String

    /// Creates the texts of an entry.
    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }

    /// The template in `bahasa`.
    public func template(in bahasa: Bahasa) -> String {
        switch bahasa {
        case .id: id
        case .en: en
        }
    }
}
