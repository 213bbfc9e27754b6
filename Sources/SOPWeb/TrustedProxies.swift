import Foundation
import NIOCore
import SOPKit

/// The reverse proxies (nginx on the same machine, say) whose `X-Forwarded-For` header is believed,
/// for `sop serve --trusted-proxy ADDR|RANGE` (an address, or a CIDR range such as `10.0.0.0/8`). Behind a proxy every request comes from the proxy's
/// address, so the per-address login limit would count the proxy; with the proxy trusted, it counts
/// the client the proxy saw. The header of any other peer is ignored: a client that writes its own
/// `X-Forwarded-For` straight to the server cannot choose the address it is counted under.
public struct TrustedProxies: Sendable, Equatable {
    /// The proxies: single addresses and CIDR ranges.
    public let ranges: Set<AddressRange>

    /// `items`: IPv4 or IPv6 addresses (`127.0.0.1`, `::1`) or ranges (`10.0.0.0/8`, `fd00::/8`);
    /// nil when one is neither (``parse(_:)`` says why).
    public init?(_ items: [String]) {
        guard case .success(let proxies) = Self.parse(items) else { return nil }
        self = proxies
    }

    /// `items` as trusted proxies, or why the first that is not an address or a range is refused.
    public static func parse(_ items: [String]) -> Result<TrustedProxies, AddressRange.Refusal> {
        var ranges = Set<AddressRange>()
        for item in items {
            switch AddressRange.parse(item) {
            case .success(let range): ranges.insert(range)
            case .failure(let refusal): return .failure(refusal)
            }
        }
        return .success(TrustedProxies(ranges: ranges))
    }

    /// No proxy trusted: the peer's own address counts, and `X-Forwarded-For` is ignored.
    public static let none = TrustedProxies(ranges: [])

    private init(ranges: Set<AddressRange>) { self.ranges = ranges }

    /// Whether `address` is a trusted proxy (lies in one of the ranges).
    public func contains(_ address: String) -> Bool {
        ranges.contains { $0.contains(address) }
    }

    /// An IP address as NIO prints it (`::1`, `203.0.113.5`), or nil when `text` is not one.
    public static func normalized(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let address = try? SocketAddress(ipAddress: trimmed, port: 0) else { return nil }
        return address.ipAddress
    }

    /// The address a request is counted under. `peer`: the address of the connection;
    /// `forwardedFor`: every `X-Forwarded-For` header of the request, in order. When the peer is a
    /// trusted proxy, the header's addresses are read from the right (the hop nearest the server)
    /// and the first one that is not a trusted proxy is the client; an entry that is not an address
    /// stops the walk at the hop before it. Otherwise (no proxy trusted, another peer, no header)
    /// the peer.
    public func client(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map(String.init)
        var nearest = peer
        for hop in hops.reversed() {
            guard let address = Self.normalized(hop) else { return nearest }
            if !contains(address) { return address }
            nearest = address
        }
        return nearest
    }
}
