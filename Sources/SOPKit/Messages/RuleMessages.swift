/// Messages about rules (`jika`, `SOP5xx`).
public enum RuleMessages: String, MessageGroup {
    case inRule

    public var texts: MessageTexts {
        switch self {
        case .inRule: .init(id: "Aturan '{rule}': {problem}", en: "rule '{rule}': {problem}")
        }
    }
}
