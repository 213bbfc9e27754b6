import Foundation
import Hummingbird
import SOPJournal
import SOPKit

/// Server-side sessions: the cookie holds a random token; the journal holds its SHA-256, the user,
/// the CSRF token of the session and when it began and was last used. A session ends after
/// `idleLimit` without a request and `absoluteLimit` after login, whichever comes first, and at logout.
public struct SessionPolicy: Sendable {
    public var idleLimit: TimeInterval = 30 * 60
    public var absoluteLimit: TimeInterval = 10 * 60 * 60
    /// Whether cookies carry `Secure` (the server speaks TLS, or runs behind a TLS proxy).
    public var secureCookies = false
    public static let cookieName = "sop_sesi"
    public static let loginCookieName = "sop_masuk"

    public init(idleLimit: TimeInterval = 30 * 60, absoluteLimit: TimeInterval = 10 * 60 * 60, secureCookies: Bool = false) {
        self.idleLimit = idleLimit
        self.absoluteLimit = absoluteLimit
        self.secureCookies = secureCookies
    }

    /// A new random token (256 bits, URL-safe hex).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    static func hash(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    /// The session cookie (HttpOnly, SameSite=Strict, Secure under TLS); an empty value with
    /// max-age 0 removes it.
    func cookie(name: String = SessionPolicy.cookieName, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// Whether a session is still alive at `now`.
    func alive(_ session: WebSession, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeen) < idleLimit && now.timeIntervalSince(session.createdAt) < absoluteLimit
    }
}

/// Finds the session of a request: a live one puts the user (not disabled) and the session into
/// the context and is touched; a dead one is ended server-side. Pages that need a login check
/// `context.user` (``WebServer/requireUser``).
struct SessionMiddleware: RouterMiddleware {
    let accounts: any AccountStore
    let policy: SessionPolicy
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[SessionPolicy.cookieName]?.value, !token.isEmpty {
            let hash = SessionPolicy.hash(token)
            let now = clock()
            if let found = try accounts.sessionAndUser(tokenHash: hash) {
                let session = found.session
                if policy.alive(session, now: now), let user = found.user, !user.disabled {
                    // Touch at most once a minute: a page view need not write.
                    if now.timeIntervalSince(session.lastSeen) > 60 { try accounts.touchSession(tokenHash: hash, at: now) }
                    context.user = user
                    context.session = session
                } else {
                    try accounts.endSession(tokenHash: hash)
                }
            }
        }
        return try await next(request, context)
    }
}

/// Failed logins are counted per account name and per address over a window; past the limit a
/// login is refused before the password is checked (bcrypt is slow on purpose).
public struct LoginThrottle: Sendable {
    public var window: TimeInterval = 15 * 60
    public var perAccount = 5
    public var perAddress = 20

    public init(window: TimeInterval = 15 * 60, perAccount: Int = 5, perAddress: Int = 20) {
        self.window = window
        self.perAccount = perAccount
        self.perAddress = perAddress
    }

    func blocked(_ accounts: any AccountStore, name: String, address: String, now: Date) throws -> Bool {
        let since = now.addingTimeInterval(-window)
        return try accounts.loginFailures(key: "user:" + name, since: since) >= perAccount
            || accounts.loginFailures(key: address, since: since) >= perAddress
    }
}
