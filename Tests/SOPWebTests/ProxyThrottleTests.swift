import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// The per-address login limit behind a reverse proxy (`--trusted-proxy`): only a trusted peer's
/// `X-Forwarded-For` names the client; anyone else's header is ignored.
@Suite("sop serve: login limit behind a proxy")
struct ProxyThrottleTests {
    @Test("the client is the last address of X-Forwarded-For that is not a trusted proxy, and only when the peer is one")
    func clientAddress() throws {
        let proxies = try #require(TrustedProxies(["127.0.0.1", "10.0.0.2"]))
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.5"]) == "203.0.113.5")
        // A client may write its own header; the proxy appends the address it saw, which is the one used.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4, 203.0.113.5"]) == "203.0.113.5")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4", "203.0.113.5, 10.0.0.2"]) == "203.0.113.5")
        // No header, or only proxies in it: the nearest proxy.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["10.0.0.2"]) == "10.0.0.2")
        // Garbage stops the walk at the hop before it.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["bukan-alamat"]) == "127.0.0.1")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["bukan-alamat, 10.0.0.2"]) == "10.0.0.2")
        // IPv6 written either way is one address.
        let six = try #require(TrustedProxies(["::1"]))
        #expect(six.client(peer: "::1", forwardedFor: [" 2001:db8::1 "]) == TrustedProxies.normalized("2001:0db8:0:0::1"))
        // A peer that is not trusted: its header is ignored.
        #expect(proxies.client(peer: "198.51.100.7", forwardedFor: ["203.0.113.5"]) == "198.51.100.7")
        #expect(TrustedProxies.none.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.5"]) == "127.0.0.1")
        #expect(TrustedProxies(["nginx"]) == nil && TrustedProxies(["127.0.0.1/33"]) == nil)
    }

    /// Three failed logins for three different names, each with its own X-Forwarded-For, then a
    /// fourth: the statuses of the four.
    static func failures(_ f: WebFixture, forwarded: [String]) async throws -> [HTTPResponse.Status] {
        let statuses = LockedStatuses()
        // On a thread of its own: the live client's 20-second timeout must not measure how long
        // the rest of the suite holds the shared pool (see LiveTestExecutor).
        try await withTaskExecutorPreference(LiveTestExecutor.shared) {
            try await f.test(.live) { b in
                for (index, address) in forwarded.enumerated() {
                    b.extraHeaders[.init("X-Forwarded-For")!] = address
                    let r = try await b.login("nobody\(index)", password: "salah-salah-salah")
                    statuses.append(r.status)
                }
            }
        }
        return statuses.all
    }

    @Test("behind a trusted proxy each client has its own limit, and a client past it stays blocked whatever the proxy's address")
    func trustedProxy() async throws {
        let f = try WebFixture(throttle: LoginThrottle(perAccount: 100, perAddress: 3), trustedProxies: try #require(TrustedProxies(["127.0.0.1", "::1"])),
                               users: [("sari", ["kasi"])])
        let statuses = try await Self.failures(f, forwarded: ["203.0.113.5", "203.0.113.5", "203.0.113.5", "203.0.113.5", "203.0.113.6"])
        #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .tooManyRequests, .unauthorized])
        #expect(try f.store.accounts.loginFailures(key: "addr:203.0.113.5", since: .distantPast) == 3)
    }

    @Test("without a trusted proxy a made-up X-Forwarded-For does not escape the limit of the real address")
    func spoofedHeader() async throws {
        let f = try WebFixture(throttle: LoginThrottle(perAccount: 100, perAddress: 3), users: [("sari", ["kasi"])])
        let statuses = try await Self.failures(f, forwarded: ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"])
        #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .tooManyRequests])
        #expect(try f.store.accounts.loginFailures(key: "addr:203.0.113.1", since: .distantPast) == 0)
    }
}

/// Statuses collected inside a test client's closure.
final class LockedStatuses: @unchecked Sendable {
    private var statuses: [HTTPResponse.Status] = []
    private let lock = NSLock()
    func append(_ status: HTTPResponse.Status) { lock.withLock { statuses.append(status) } }
    var all: [HTTPResponse.Status] { lock.withLock { statuses } }
}
