import Foundation
import NIOCore

/// The reverse proxies (nginx on the same machine, say) whose `X-Forwarded-For` header is believed,
/// for `sop serve --trusted-proxy ADDR`. Behind a proxy every request comes from the proxy's
/// address, so the per-address login limit would count the proxy; with the proxy trusted, it counts
/// the client the proxy saw. The header of any other peer is ignored: a client that writes its own
/// `X-Forwarded-For` straight to the server cannot choose the address it is counted under.
public struct TrustedProxies: Sendable, Equatable {
    /// The proxies' addresses, in the form ``normalized(_:)`` gives.
    public let addresses: Set<String>

    /// `addresses`: IPv4 or IPv6 addresses (`127.0.0.1`, `::1`); nil when one is not an address.
    public init?(_ addresses: [String]) {
        var set = Set<String>()
        for address in addresses {
            guard let normal = Self.normalized(address) else { return nil }
            set.insert(normal)
        }
        self.addresses = set
    }

    /// No proxy trusted: the peer's own address counts, and `X-Forwarded-For` is ignored.
    public static let none = TrustedProxies(addresses: [])

    private init(addresses: Set<String>) { self.addresses = addresses }

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
        guard let peer, addresses.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map(String.init)
        var nearest = peer
        for hop in hops.reversed() {
            guard let address = Self.normalized(hop) else { return nearest }
            if !addresses.contains(address) { return address }
            nearest = address
        }
        return nearest
    }
}
