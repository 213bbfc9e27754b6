import Hummingbird

/// Adds the security headers to every response: a Content-Security-Policy that allows no inline
/// script or style and no framing, nosniff, no referrer, and no caching of pages with case data.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Response(status: error.status, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: error.status == .notFound ? PageText.notFound : error.status.reasonPhrase)))
        }
        // A page may narrow or relax only its style rule (the SOP document's own style sheet).
        // Only the preview's document may be framed, and only by our own page: a page's own
        // policy says so; the default one never does.
        let framedBySelf: Bool
        if let own = response.headers[.contentSecurityPolicy] {
            framedBySelf = own.contains("frame-ancestors 'self'")
        } else {
            response.headers[.contentSecurityPolicy] = Self.policy
            framedBySelf = false
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[SecurityHeaderNames.referrerPolicy] = "no-referrer"
        response.headers[SecurityHeaderNames.frameOptions] = framedBySelf ? "SAMEORIGIN" : "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// The header names the middleware sets that HTTPTypes does not name, made once (a generic type
/// cannot hold them).
enum SecurityHeaderNames {
    static let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy")!
    static let frameOptions = HTTPFields.Element.Name("X-Frame-Options")!
}

/// Logs each request through swift-log: method, path without its query (a search may hold case
/// data), status and time taken. Never a cookie, a form field or a token.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        // Tenths of a millisecond, written without String(format:) (Foundation's formatter cost
        // more than the rest of a /healthz request).
        let tenths = elapsed.components.seconds * 10_000 + (elapsed.components.attoseconds + 50_000_000_000_000) / 100_000_000_000_000
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(tenths / 10).\(tenths % 10) ms")
        return response
    }
}
