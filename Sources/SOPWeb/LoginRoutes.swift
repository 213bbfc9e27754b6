import Foundation
import Hummingbird
import HummingbirdBcrypt
import SOPJournal
import SOPKit

extension WebServer {
    /// The login page; its form carries a token that must match a cookie set with it (the login
    /// form's CSRF check, before any session exists).
    func loginPage(context: WebContext, error: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        if context.user != nil, error == nil { return Self.redirect("/tugas") }
        let token = SessionPolicy.token()
        let body = """
            <form method="post" action="/masuk">
            \(HTML.csrfField(token))
            <label for="nama">\(HTML.escape(PageText.userName))</label>
            <input id="nama" name="nama" autocomplete="username" required autofocus>
            <label for="sandi">\(HTML.escape(PageText.password))</label>
            <input id="sandi" name="sandi" type="password" autocomplete="current-password" required>
            <p><button type="submit">\(HTML.escape(PageText.login))</button></p>
            </form>
            """
        var response = Self.html(HTML.page(title: PageText.login, user: nil, csrf: nil, error: error, body: body), status: status)
        response.setCookie(policy.cookie(name: SessionPolicy.loginCookieName, token, maxAge: 3600))
        return response
    }

    /// Checks a login: throttled per account and per address; one message for a wrong name, a
    /// wrong password and a disabled account; a new session in the journal on success. Every
    /// attempt is in the audit trail (never the password).
    func login(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await FormData.read(request)
        guard let cookie = request.cookies[SessionPolicy.loginCookieName]?.value, form.carries(csrf: cookie) else {
            return try loginPage(context: context, error: PageText.csrfRefused, status: .forbidden)
        }
        let name = (form["nama"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["sandi"] ?? ""
        let now = clock()
        let accounts = store.accounts
        let address = context.addressKey(request, trusting: trustedProxies)
        let audit = CaseService(store: store, actor: name.isEmpty ? "-" : name, osLogin: osLogin, clock: clock)
        if try throttle.blocked(accounts, name: name, address: address, now: now) {
            try audit.recordRefusal("web login", caseID: nil, reason: AuditMessages.loginThrottled())
            return try loginPage(context: context, error: PageText.loginThrottled, status: .tooManyRequests)
        }
        let user = try accounts.user(named: name)
        // A missing user is checked against a dummy hash too, so both failures take as long.
        let matches = Bcrypt.verify(password, hash: user?.passwordHash ?? Self.dummyHash)
        guard let user, matches, !user.disabled else {
            try accounts.recordLoginFailure(keys: ["user:" + name, address], at: now)
            try audit.recordRefusal("web login", caseID: nil, reason: AuditMessages.loginWrong())
            return try loginPage(context: context, error: PageText.loginFailed, status: .unauthorized)
        }
        try accounts.clearLoginFailures(key: "user:" + name, before: now.addingTimeInterval(-throttle.window))
        let token = SessionPolicy.token()
        try accounts.createSession(WebSession(tokenHash: SessionPolicy.hash(token), user: user.name, csrf: SessionPolicy.token(),
                                              createdAt: now, lastSeen: now))
        try service(for: user).recordRead("web login", role: nil, caseID: nil, detail: nil)
        var response = Self.redirect("/tugas")
        response.setCookie(policy.cookie(token))
        response.setCookie(policy.cookie(name: SessionPolicy.loginCookieName, "", maxAge: 0))
        return response
    }

    /// Ends the session server-side and clears the cookie.
    func logout(_ request: Request, context: WebContext) async throws -> Response {
        try await posted(request, context) { user, session, _ in
            try store.accounts.endSession(tokenHash: session.tokenHash)
            try service(for: user).recordRead("web logout", role: nil, caseID: nil, detail: nil)
            var response = Self.redirect("/masuk")
            response.setCookie(policy.cookie("", maxAge: 0))
            return response
        }
    }

    /// A bcrypt hash of a random password, compared against when the name is unknown.
    static let dummyHash = Bcrypt.hash(SessionPolicy.token(), cost: 12)
}
