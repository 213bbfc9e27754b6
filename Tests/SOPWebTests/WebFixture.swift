import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private var now: Date
    private let lock = NSLock()
    init(_ start: Date) { now = start }
    func read() -> Date { lock.withLock { now } }
    func advance(_ seconds: TimeInterval) { lock.withLock { now = now.addingTimeInterval(seconds) } }
    func set(_ instant: Date) { lock.withLock { now = instant } }
}

/// A journal in a new folder, the repository's SOPs served, and one user per role of the reference
/// SOP (password "rahasia-\(name)-123"), with a server whose clock the test holds.
final class WebFixture: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Users and their roles; "tamu" holds a role of another SOP only.
    static let users: [(String, [String])] = [("sari", ["kasi"]), ("budi", ["petugas"]), ("joko", ["kabid"]), ("dewi", ["kadis"]), ("tamu", ["front-office"])]
    static func password(_ name: String) -> String { "rahasia-\(name)-123" }

    let folder: URL
    let store: SQLiteJournal
    let clock: TestClock
    let server: WebServer

    init(throttle: LoginThrottle = LoginThrottle(), trustedProxies: TrustedProxies = .none, users: [(String, [String])] = WebFixture.users,
         sopFolder: String? = nil, pdf: (any PDFRenderer)? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteJournal(path: folder.appendingPathComponent("j.sqlite").path)
        let zone = TimeZone(identifier: "Asia/Jakarta")!
        clock = TestClock(InstantFormat.parse("2025-01-06T08:00", in: zone)!)
        let sops = ServedSOPs(folders: [sopFolder ?? WebFixture.root.appendingPathComponent("sops").path])
        let clock = self.clock
        server = WebServer(store: store, sops: sops, throttle: throttle, trustedProxies: trustedProxies, pdf: pdf, osLogin: "tester",
                           clock: { clock.read() })
        let admin = UserAdmin(store: store, actor: "admin", clock: { clock.read() })
        let definitions = sops.sorted.map(\.definition)
        for (name, roles) in users {
            let ids = try UserAdmin.resolve(roles: roles, in: definitions).get()
            _ = try admin.add(name: name, roles: ids, sops: [], password: Self.password(name))
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` with a client of the router (no network), or over a real connection from
    /// loopback (`.live`, where the server sees the peer's address).
    func test(_ framework: TestingSetup = .router, _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(framework) { client in try await body(Browser(client: client)) }
    }
}

/// A minimal browser over the test client: keeps cookies, follows nothing, and finds the CSRF
/// token of the last page.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var lastBody = ""
    /// Headers sent with every request besides the cookies (a proxy's `X-Forwarded-For`).
    var extraHeaders = HTTPFields()

    init(client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers())
        take(response)
        return response
    }

    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        var fields = fields
        if csrf, let token = csrfToken { fields.insert(("csrf", token), at: 0) }
        let body = fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        var headers = headers()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        take(response)
        return response
    }

    /// Logs in (the login page first, for its token and cookie).
    @discardableResult
    func login(_ name: String, password: String? = nil) async throws -> TestResponse {
        try await get("/masuk")
        return try await post("/masuk", [("nama", name), ("sandi", password ?? WebFixture.password(name))])
    }

    /// The CSRF token of the last page that had a form (a redirect has no body).
    private(set) var csrfToken: String?

    static func token(in body: String) -> String? {
        guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    private func headers() -> HTTPFields {
        var fields = extraHeaders
        if !cookies.isEmpty { fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        return fields
    }

    private func take(_ response: TestResponse) {
        lastBody = String(buffer: response.body)
        if let token = Browser.token(in: lastBody) { csrfToken = token }
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
