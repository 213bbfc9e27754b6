import Foundation
import Hummingbird
import SOPJournal
import SOPKit

extension WebServer {
    /// SOP: the list of served SOPs, and per SOP a page with the PDF download (or why there is
    /// none), the flowchart of the printed document, and that document (the same HTML as
    /// `sop render`) in a frame.
    func sopPage(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { user, session in
            guard let id = context.parameters.get("id") else {
                let body = "<ul>" + sops.sorted.map {
                    "<li><a href=\"/sop/\(HTML.escape($0.definition.id))\">\(HTML.escape($0.definition.nama))</a> (\(HTML.escape($0.definition.id)))</li>"
                }.joined() + "</ul>"
                return Self.html(HTML.page(title: PageText.sopDocuments, user: user.name, csrf: session.csrf, body: body))
            }
            guard let entry = sops.entries[id] else { return notFoundSOP(user, session) }
            try service(for: user).recordRead("web sop", role: nil, caseID: nil, detail: id)
            let path = "/sop/" + HTML.escape(id)
            var body = "<p>\(HTML.escape(entry.definition.id))\(entry.definition.nomor.map { " · " + HTML.escape($0) } ?? "")</p><p>"
            body += pdf == nil ? "<span class=\"note\" id=\"pdf-tidak-ada\">\(HTML.escape(PageText.pdfUnavailable))</span>"
                : "<a id=\"unduh-pdf\" href=\"\(path)/pdf\" download>\(HTML.escape(PageText.downloadPDF))</a>"
            body += " · <a href=\"\(path)/dokumen\">\(HTML.escape(PageText.openDocument))</a></p>"
            body += "<h2>\(HTML.escape(PageText.flowchart))</h2><div class=\"diagram-wrap\">" + SOPFlowchartSVG().render(entry.definition) + "</div>"
            body += "<h2>\(HTML.escape(PageText.officialDocument))</h2><iframe id=\"dokumen\" title=\"\(HTML.escape(PageText.officialDocument))\" src=\"\(path)/dokumen\"></iframe>"
            return Self.html(HTML.page(title: entry.definition.nama, user: user.name, csrf: session.csrf, body: body))
        }
    }

    /// The official document, the same HTML as `sop render` (it carries its own style sheet, so this
    /// response alone allows inline style; still no script); framed only by our own SOP page.
    func sopDocument(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { user, session in
            guard let id = context.parameters.get("id"), let entry = sops.entries[id] else { return notFoundSOP(user, session) }
            var response = Self.html(SOPDocumentHTML().render(entry.definition))
            response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware<WebContext>.policy
                .replacingOccurrences(of: "style-src 'self'", with: "style-src 'self' 'unsafe-inline'")
                .replacingOccurrences(of: "frame-ancestors 'none'", with: "frame-ancestors 'self'")
            return response
        }
    }

    /// The official document as PDF, printed by the renderer `sop serve` was given (headless
    /// Chromium), once per version of the SOP. Without a renderer, or when printing fails, a page
    /// that says so (503), never a broken download.
    func sopPDF(_ request: Request, context: WebContext) async throws -> Response {
        guard let (user, session) = requireUser(context) else { return Self.redirect("/masuk") }
        guard let id = context.parameters.get("id"), let entry = sops.entries[id] else { return notFoundSOP(user, session) }
        guard let pdf else {
            return Self.html(HTML.page(title: entry.definition.nama, user: user.name, csrf: session.csrf, error: PageText.pdfUnavailable, body: ""),
                             status: .serviceUnavailable)
        }
        let definition = entry.definition
        let bytes: [UInt8]
        do {
            bytes = try await printedPDFs.print(entry.hash) { try pdf.pdf(html: SOPDocumentHTML().render(definition)) }
        } catch {
            context.logger.error("PDF of \(id) failed: \(error)")
            return Self.html(HTML.page(title: entry.definition.nama, user: user.name, csrf: session.csrf, error: PageText.pdfFailed, body: ""),
                             status: .serviceUnavailable)
        }
        guard bytes.starts(with: Array("%PDF".utf8)) else {
            return Self.html(HTML.page(title: entry.definition.nama, user: user.name, csrf: session.csrf, error: PageText.pdfFailed, body: ""),
                             status: .serviceUnavailable)
        }
        try service(for: user).recordRead("web sop", role: nil, caseID: nil, detail: "\(id) pdf")
        var response = Response(status: .ok, headers: [.contentType: "application/pdf"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        response.headers[.contentDisposition] = "attachment; filename=\"sop-\(id).pdf\""
        return response
    }

    private func notFoundSOP(_ user: UserAccount, _ session: WebSession) -> Response {
        Self.html(HTML.page(title: PageText.sopDocuments, user: user.name, csrf: session.csrf, error: PageText.notFound, body: ""), status: .notFound)
    }
}
