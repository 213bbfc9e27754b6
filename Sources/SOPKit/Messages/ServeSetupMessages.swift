/// What keeps `sop serve` from starting, and what it says of a served file that did not load
/// (printed on the terminal, in the terminal's language).
public enum ServeSetupMessages: String, MessageGroup {
    case certificateUnreadable, keyUnreadable, certificateEmpty, keyMismatch, notLoaded

    public var texts: MessageTexts {
        switch self {
        case .certificateUnreadable: .init(id: "sertifikat TLS '{path}' tidak dapat dibaca sebagai PEM", en: "the TLS certificate '{path}' cannot be read as PEM")
        case .keyUnreadable: .init(id: "kunci TLS '{path}' tidak dapat dibaca sebagai kunci privat PEM", en: "the TLS key '{path}' cannot be read as a PEM private key")
        case .certificateEmpty: .init(id: "sertifikat TLS '{path}' tidak memuat sertifikat", en: "the TLS certificate '{path}' holds no certificate")
        case .keyMismatch: .init(id: "kunci TLS '{key}' bukan milik sertifikat '{certificate}'", en: "the TLS key '{key}' does not belong to the certificate '{certificate}'")
        case .notLoaded: .init(id: "tidak dimuat", en: "not loaded")
        }
    }
}
