/// The language a person reads `sop`'s messages in: Indonesian (`id`) or English (`en`).
///
/// Chosen by `--bahasa`, else `SOP_BAHASA`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`,
/// the first one set: `id*` is Indonesian, another language is English, `C`/`POSIX` says
/// nothing), else Indonesian: the people who run these SOPs are Indonesian civil servants.
/// Codes, JSON keys and the `path:line:col: error:` shape are the same in both.
public enum Bahasa: String, Sendable, CaseIterable, Hashable, Codable {
    case id, en

    /// Reads the language from `SOP_BAHASA`, else the locale variables, else Indonesian.
    /// A `SOP_BAHASA` that names neither language is an error naming the variable.
    public static func fromEnvironment(_ environment: [String: String]) -> Result<Bahasa, BahasaProblem> {
        if let chosen = environment["SOP_BAHASA"], !chosen.isEmpty {
            guard let bahasa = Bahasa(code: chosen) else { return .failure(BahasaProblem(variable: "SOP_BAHASA", value: chosen)) }
            return .success(bahasa)
        }
        return .success(fromLocale(environment) ?? .id)
    }

    /// The language the locale names, or `nil` when no locale variable says one.
    static func fromLocale(_ environment: [String: String]) -> Bahasa? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let language = value.prefix { $0 != "_" && $0 != "." && $0 != "@" }.lowercased()
            if language == "c" || language == "posix" { return nil }
            return language == "id" || language == "in" ? .id : .en
        }
        return nil
    }

    /// `id`, `en`, or their long names (`indonesia`, `english`), any case.
    public init?(code: String) {
        switch code.lowercased() {
        case "id", "indonesia", "indonesian", "bahasa-indonesia": self = .id
        case "en", "english", "inggris": self = .en
        default: return nil
        }
    }
}

/// A language variable that names no language `sop` speaks.
public struct BahasaProblem: Error, Sendable, Hashable {
    /// The variable, e.g. `SOP_BAHASA`.
    public var variable: String
    /// What it held.
    public var value: String

    /// The one-line refusal, in `bahasa`.
    public func message(in bahasa: Bahasa) -> String {
        CommonMessages.unknownLanguage(["variable": .text(variable), "value": .text(value)]).text(in: bahasa)
    }
}
