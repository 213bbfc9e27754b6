/// What keeps `sop serve` from starting, and what it says of a served file that did not load
/// (printed on the terminal, in the terminal's language).
public enum ServeSetupMessages: String, MessageGroup {
    case certificateUnreadable, keyUnreadable, certificateEmpty, keyMismatch, notLoaded, proxyNotAddress, proxyBadPrefix

    public var texts: MessageTexts {
        switch self {
        case .certificateUnreadable: .init(id: "sertifikat TLS '{path}' tidak dapat dibaca sebagai PEM", en: "the TLS certificate '{path}' cannot be read as PEM")
        case .keyUnreadable: .init(id: "kunci TLS '{path}' tidak dapat dibaca sebagai kunci privat PEM", en: "the TLS key '{path}' cannot be read as a PEM private key")
        case .certificateEmpty: .init(id: "sertifikat TLS '{path}' tidak memuat sertifikat", en: "the TLS certificate '{path}' holds no certificate")
        case .keyMismatch: .init(id: "kunci TLS '{key}' bukan milik sertifikat '{certificate}'", en: "the TLS key '{key}' does not belong to the certificate '{certificate}'")
        case .notLoaded: .init(id: "tidak dimuat", en: "not loaded")
        case .proxyNotAddress: .init(id: "--trusted-proxy '{text}' bukan alamat IP atau rentang CIDR (tulis misalnya 127.0.0.1, ::1, 10.0.0.0/8 atau fd00::/8)",
                                     en: "--trusted-proxy '{text}' is not an IP address or a CIDR range (write e.g. 127.0.0.1, ::1, 10.0.0.0/8 or fd00::/8)")
        case .proxyBadPrefix: .init(id: "--trusted-proxy '{text}': panjang prefiks '{prefix}' harus bilangan dari 0 sampai {bits}",
                                    en: "--trusted-proxy '{text}': the prefix length '{prefix}' must be a whole number from 0 to {bits}")
        }
    }
}
