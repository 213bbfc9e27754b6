import Foundation
import Hummingbird
import Logging
import SOPJournal
import SOPKit

/// `sop serve`: the office in a browser, on the same engine and journal as the command line.
/// Stateless between requests (sessions, users and the read model live in the journal), so several
/// processes can front one PostgreSQL journal.
public struct WebServer: Sendable {
    public let store: any JournalStore
    public let sops: ServedSOPs
    public let policy: SessionPolicy
    public let throttle: LoginThrottle
    /// The reverse proxies whose `X-Forwarded-For` names the client for the login throttle.
    public let trustedProxies: TrustedProxies
    /// Prints the SOP page's PDF (headless Chromium, given by `sop serve`); nil when none is available.
    public let pdf: (any PDFRenderer)?
    let printedPDFs = PrintedPDFs()
    /// The real time (tests fix it).
    public let clock: @Sendable () -> Date
    /// The operating-system login of the server process, kept beside each user in the audit trail.
    public let osLogin: String?
    /// The SOP files of the served folders, for Pratinjau.
    let previewFiles: PreviewFiles
    let lastGood = LastGoodDocuments()
    /// Tugas saya's tables, kept while their rows and time leave them unchanged.
    let taskTables = TaskTables()
    /// Batches the audit rows of page views (`sop serve` starts and stops it); nil: each view's
    /// row is written at once (route tests read the trail right after a request).
    public let auditBatcher: AuditBatcher?

    public init(store: any JournalStore, sops: ServedSOPs, policy: SessionPolicy = SessionPolicy(), throttle: LoginThrottle = LoginThrottle(),
                trustedProxies: TrustedProxies = .none, pdf: (any PDFRenderer)? = nil, osLogin: String? = nil, clock: @escaping @Sendable () -> Date = { Date() }, auditBatcher: AuditBatcher? = nil) {
        self.store = store
        self.auditBatcher = auditBatcher
        self.sops = sops
        previewFiles = PreviewFiles(folders: sops.folders)
        self.policy = policy
        self.throttle = throttle
        self.trustedProxies = trustedProxies
        self.pdf = pdf
        self.osLogin = osLogin
        self.clock = clock
    }

    /// The case service acting as a logged-in user.
    /// `folder`: where to look for the working calendar of a case being opened (the SOP's folder).
    func service(for user: UserAccount, folder: String? = nil) -> CaseService {
        CaseService(store: store, actor: user.name, calendarFolder: folder, osLogin: osLogin, claimedUser: nil, clock: clock, auditBatcher: auditBatcher)
    }

    /// Every route, with the session, security-header and request-log middleware.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(accounts: store.accounts, policy: policy, clock: clock))
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/gaya.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: HTML.styleSheet)))
        }
        router.get("/") { _, context in Self.redirect(context.user == nil ? "/masuk" : "/tugas") }
        router.get("/masuk") { _, context in try self.loginPage(context: context) }
        router.post("/masuk") { request, context in try await self.login(request, context: context) }
        router.post("/keluar") { request, context in try await self.logout(request, context: context) }
        router.get("/tugas") { request, context in try self.tasksPage(request, context: context) }
        router.get("/kasus") { request, context in try self.casesPage(request, context: context) }
        router.get("/kasus/baru") { request, context in try self.newCasePage(request, context: context) }
        router.post("/kasus/baru") { request, context in try await self.openCase(request, context: context) }
        router.get("/kasus/:id") { request, context in try self.casePage(request, context: context) }
        router.post("/kasus/:id/tindakan") { request, context in try await self.act(request, context: context) }
        router.get("/sesi") { request, context in try self.sessionPage(request, context: context) }
        router.post("/sesi") { request, context in try await self.recordSession(request, context: context) }
        router.get("/laporan") { request, context in try self.reportPage(request, context: context, csv: false) }
        router.get("/laporan.csv") { request, context in try self.reportPage(request, context: context, csv: true) }
        router.get("/sop") { request, context in try self.sopPage(request, context: context) }
        router.get("/sop/:id") { request, context in try self.sopPage(request, context: context) }
        router.get("/sop/:id/dokumen") { request, context in try self.sopDocument(request, context: context) }
        router.get("/sop/:id/pdf") { request, context in try await self.sopPDF(request, context: context) }
        router.get("/pratinjau") { request, context in try self.previewPage(request, context: context) }
        router.get("/pratinjau/dokumen") { request, context in try self.previewDocument(request, context: context) }
        router.get("/pratinjau/peristiwa") { request, context in try self.previewEvents(request, context: context) }
        router.get("/pratinjau.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Self.previewScript)))
        }
        return router
    }

    /// The application listening on `host:port`, over TLS when `tls` is given.
    public func application(host: String, port: Int, tls: TLSFiles? = nil, logger: Logger) throws -> some ApplicationProtocol {
        let configuration = ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil)
        if let tls {
            return Application(router: router(), server: try tls.serverBuilder(), configuration: configuration, logger: logger)
        }
        return Application(router: router(), server: .http1(), configuration: configuration, logger: logger)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The logged-in user and session, or nil (the caller redirects to the login page).
    func requireUser(_ context: WebContext) -> (UserAccount, WebSession)? {
        guard let user = context.user, let session = context.session else { return nil }
        return (user, session)
    }

    /// A page that needs a login: the login page's address when there is none.
    func loggedIn(_ context: WebContext, _ body: (UserAccount, WebSession) throws -> Response) rethrows -> Response {
        guard let (user, session) = requireUser(context) else { return Self.redirect("/masuk") }
        return try body(user, session)
    }

    /// A form post that needs a login and its session's CSRF token: refused (403) without it.
    func posted(_ request: Request, _ context: WebContext,
                _ body: (UserAccount, WebSession, FormData) throws -> Response) async throws -> Response {
        guard let (user, session) = requireUser(context) else { return Self.redirect("/masuk") }
        let form = try await FormData.read(request)
        guard form.carries(csrf: session.csrf) else {
            try? service(for: user).recordRefusal("web form", caseID: nil, reason: AuditMessages.formToken(["path": .text(request.uri.path)]))
            return Self.html(HTML.page(title: PageText.appName, user: user.name, csrf: session.csrf, error: PageText.csrfRefused, body: ""),
                             status: .forbidden)
        }
        return try body(user, session, form)
    }

    /// The performer ids `user` holds in `sop` (none when they do not work on it).
    func roles(of user: UserAccount, in sop: SOPDefinition) -> [String] {
        guard user.worksOn(sop.id) else { return [] }
        var seen = Set<String>()
        return user.roles.compactMap { sop.performer(named: $0)?.id }.filter { seen.insert($0).inserted }
    }
}
