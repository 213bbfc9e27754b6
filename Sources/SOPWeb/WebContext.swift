import Hummingbird
import Logging
import NIOCore
import SOPJournal

/// The request context of `sop serve`: the peer's address (for throttling failed logins) and,
/// once ``SessionMiddleware`` has found a live session, the user and the session.
public struct WebContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public var user: UserAccount?
    public var session: WebSession?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The address a request is throttled under: the peer's, or the client a trusted proxy names in
    /// `X-Forwarded-For` (``TrustedProxies``); "unknown" when there is none (the router test framework).
    func addressKey(_ request: Request, trusting proxies: TrustedProxies) -> String {
        let forwarded = request.headers[values: .init("X-Forwarded-For")!]
        return "addr:" + (proxies.client(peer: remoteAddress?.ipAddress, forwardedFor: forwarded) ?? "unknown")
    }
}
