import Foundation
import SOPKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One IPv4 or IPv6 address, or a CIDR range of them (`10.0.0.0/8`, `fd00::/8`): what
/// `--trusted-proxy` accepts. A single address is the range of its full length (`/32`, `/128`).
public struct AddressRange: Sendable, Hashable, CustomStringConvertible {
    /// The network's bytes (4 or 16), with the bits past `prefix` cleared.
    public let bytes: [UInt8]
    /// How many leading bits must match.
    public let prefix: Int

    /// Why a text is not an address or a range, from the catalogue (the option is named by the caller).
    public struct Refusal: Error, Sendable, Equatable {
        public let text: Message
    }

    /// Parses `text`: an address, or an address, `/` and a prefix length within its family's bits.
    public static func parse(_ text: String) -> Result<AddressRange, Refusal> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let bytes = Self.bytes(of: parts[0]) else {
            return .failure(Refusal(text: ServeSetupMessages.proxyNotAddress(["text": .text(text)])))
        }
        let bits = bytes.count * 8
        guard parts.count == 2 else { return .success(AddressRange(network: bytes, prefix: bits)) }
        let digits = parts[1]
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCII), let prefix = Int(digits), (0...bits).contains(prefix) else {
            return .failure(Refusal(text: ServeSetupMessages.proxyBadPrefix(["text": .text(text), "prefix": .text(digits), "bits": .number(bits)])))
        }
        return .success(AddressRange(network: bytes, prefix: prefix))
    }

    private init(network: [UInt8], prefix: Int) {
        var masked = network
        for i in masked.indices {
            let keep = max(0, min(8, prefix - i * 8))
            masked[i] &= keep == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
        }
        bytes = masked
        self.prefix = prefix
    }

    /// Whether `address` (in any form `inet_pton` reads) lies in the range. An IPv4 address seen
    /// through an IPv6 socket (`::ffff:10.0.0.1`) is matched as the IPv4 address it is.
    public func contains(_ address: String) -> Bool {
        guard var other = Self.bytes(of: address) else { return false }
        if other.count == 16, bytes.count == 4, other.prefix(12) == Self.mappedPrefix[...] { other = Array(other.suffix(4)) }
        guard other.count == bytes.count else { return false }
        return AddressRange(network: other, prefix: prefix).bytes == bytes
    }

    public var description: String {
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let text = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &out, socklen_t(out.count)) }
        let address = text == nil ? "?" : String(cString: out)
        return prefix == bytes.count * 8 ? address : "\(address)/\(prefix)"
    }

    private static let mappedPrefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]

    /// The bytes of an IPv4 (4) or IPv6 (16) address, nil when `text` is neither.
    static func bytes(of text: String) -> [UInt8]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var four = in_addr()
        if inet_pton(AF_INET, trimmed, &four) == 1 { return withUnsafeBytes(of: &four) { Array($0) } }
        var six = in6_addr()
        if inet_pton(AF_INET6, trimmed, &six) == 1 { return withUnsafeBytes(of: &six) { Array($0) } }
        return nil
    }
}
