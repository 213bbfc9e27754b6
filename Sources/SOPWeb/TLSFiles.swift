import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import SOPKit

/// A certificate chain and its private key, PEM files, for `sop serve --tls-cert --tls-key`.
public struct TLSFiles: Sendable {
    public var certificate: String
    public var key: String

    public init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }

    /// Reads both files, failing with a message that names the file and never its contents.
    func configuration() throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificate) } catch {
            throw WebSetupError(ServeSetupMessages.certificateUnreadable(["path": .text(certificate)]))
        }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch {
            throw WebSetupError(ServeSetupMessages.keyUnreadable(["path": .text(key)]))
        }
        guard !chain.isEmpty else { throw WebSetupError(ServeSetupMessages.certificateEmpty(["path": .text(certificate)])) }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        // Made once here so that a key of another certificate stops the server before it listens,
        // not at the first connection.
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            throw WebSetupError(ServeSetupMessages.keyMismatch(["key": .text(key), "certificate": .text(certificate)]))
        }
        return configuration
    }

    func serverBuilder() throws -> HTTPServerBuilder {
        try .tls(.http1(), tlsConfiguration: configuration())
    }
}

/// A problem that keeps the server from starting, in our own words (a catalogue message,
/// ``ServeSetupMessages``, printed in the terminal's language).
public struct WebSetupError: Error, CustomStringConvertible {
    /// Why, in either language.
    public let text: Message
    public init(_ text: Message) { self.text = text }
    /// The English text.
    public var description: String { text.english }
}
