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

    /// The address as a throttling key (the test framework has none).
    var addressKey: String { "addr:" + (remoteAddress?.ipAddress ?? "unknown") }
}
