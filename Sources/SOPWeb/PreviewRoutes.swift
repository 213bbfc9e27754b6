import Foundation
import Hummingbird
import SOPKit

/// The SOP files an author may preview: every `.yaml` (not scenarios) in the served folders, named
/// by a key made of the folder's position and the file name, so a request can only ever reach one
/// of them (no path from the browser is opened).
struct PreviewFiles: Sendable {
    let files: [(key: String, path: String)]

    init(folders: [String]) {
        var files: [(String, String)] = []
        for (index, folder) in folders.enumerated() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") && !name.hasSuffix(".skenario.yaml") {
                files.append(("\(index)-\(name)", (folder as NSString).appendingPathComponent(name)))
            }
        }
        self.files = files
    }

    func path(_ key: String?) -> String? { files.first { $0.key == key }?.path }
}

/// The last document of each file that loaded, shown greyed while the file has errors.
final class LastGoodDocuments: @unchecked Sendable {
    private var documents: [String: String] = [:]
    private let lock = NSLock()
    func set(_ key: String, _ html: String) { lock.withLock { documents[key] = html } }
    func get(_ key: String) -> String? { lock.withLock { documents[key] } }
}

extension WebServer {
    /// What a file holds now: its version (SHA-256 of its bytes), the diagnostics as HTML, and the
    /// document when it loads.
    func preview(_ path: String) -> (version: String, diagnostics: String, document: String?) {
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        let result = SOPLoader().load(path: path)
        var list = "<ul class=\"diagnostics\">"
        for d in result.diagnostics {
            list += "<li class=\"\(d.severity == .error ? "error" : "warning")\">\(HTML.escape(d.location.map { "\($0.line):\($0.column)" } ?? "-")) "
                + "\(HTML.escape(d.severity == .error ? PageText.errorWord : PageText.warningWord)): \(HTML.escape(d.message))</li>"
        }
        list += result.diagnostics.isEmpty ? "<li>\(PageText.noDiagnostics)</li></ul>" : "</ul>"
        return (SHA256.hex(bytes), list, result.definition.map { SOPDocumentHTML().render($0) })
    }

    /// Pratinjau: pick a file; its page shows every diagnostic with line and column and the
    /// document, and follows the file as it is saved (Server-Sent Events, /pratinjau.js).
    func previewPage(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { user, session in
            let query = FormData(request.uri.query ?? "")
            guard let key = query["berkas"], let path = previewFiles.path(key) else {
                let body = "<ul>" + previewFiles.files.map {
                    "<li><a href=\"/pratinjau?berkas=\(HTML.escape($0.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))\">\(HTML.escape(($0.path as NSString).lastPathComponent))</a></li>"
                }.joined() + "</ul>"
                return Self.html(HTML.page(title: PageText.preview, user: user.name, csrf: session.csrf, body: body))
            }
            try service(for: user).recordRead("web pratinjau", role: nil, caseID: nil, detail: (path as NSString).lastPathComponent)
            let now = preview(path)
            let encodedKey = HTML.escape(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let body = """
                <div id="pratinjau" data-berkas="\(HTML.escape(key))" data-versi="\(now.version)">
                <p>\(HTML.escape(path))</p>
                <section id="diagnostik">\(now.diagnostics)</section>
                <iframe id="dokumen" title="\(PageText.sopDocuments)" src="/pratinjau/dokumen?berkas=\(encodedKey)&amp;versi=\(now.version)"></iframe>
                </div>
                <script src="/pratinjau.js"></script>
                """
            return Self.html(HTML.page(title: PageText.preview, user: user.name, csrf: session.csrf, body: body))
        }
    }

    /// The document of a file (framed by the preview page): the current one when it loads, else
    /// the last good one greyed, else a note.
    func previewDocument(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { _, _ in
            let query = FormData(request.uri.query ?? "")
            guard let key = query["berkas"], let path = previewFiles.path(key) else { throw HTTPError(.notFound) }
            let now = preview(path)
            var html: String
            if let document = now.document {
                lastGood.set(key, document)
                html = document
            } else if let old = lastGood.get(key) {
                html = old.replacingOccurrences(of: "<body", with: "<body style=\"filter:grayscale(1);opacity:.45\"")
            } else {
                html = "<!DOCTYPE html><html lang=\"\(PageText.bahasa.rawValue)\"><body><p>\(HTML.escape(PageText.noDocumentYet))</p></body></html>"
            }
            var response = Self.html(html)
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
            return response
        }
    }

    /// Server-Sent Events for one file: waits (polling its bytes every 200 ms, up to 20 s) until its
    /// version differs from `versi`, then sends one `ubah` event with the new version and the
    /// diagnostics, and ends; the script listens again at once.
    func previewEvents(_ request: Request, context: WebContext) throws -> Response {
        guard context.user != nil else { return Response(status: .unauthorized) }
        let query = FormData(request.uri.query ?? "")
        guard let key = query["berkas"], let path = previewFiles.path(key) else { throw HTTPError(.notFound) }
        let seen = query["versi"] ?? ""
        let server = self
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
                if SHA256.hex(bytes) != seen {
                    let now = server.preview(path)
                    let data = JSONValue.object([("versi", .string(now.version)), ("diagnostik", .string(now.diagnostics))]).serialized()
                    // Every line of the data carries its own "data:" (SSE joins them with newlines).
                    let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined()
                    try await writer.write(ByteBuffer(string: "event: ubah\n\(lines)\n"))
                    break
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            try await writer.finish(nil)
        })
    }

    static let previewScript = """
        (function () {
          var box = document.getElementById('pratinjau');
          if (!box) return;
          function listen() {
            var source = new EventSource('/pratinjau/peristiwa?berkas=' + encodeURIComponent(box.dataset.berkas) + '&versi=' + encodeURIComponent(box.dataset.versi));
            source.addEventListener('ubah', function (event) {
              var change = JSON.parse(event.data);
              box.dataset.versi = change.versi;
              document.getElementById('diagnostik').innerHTML = change.diagnostik;
              document.getElementById('dokumen').src = '/pratinjau/dokumen?berkas=' + encodeURIComponent(box.dataset.berkas) + '&versi=' + encodeURIComponent(change.versi);
              source.close();
              listen();
            });
            source.onerror = function () { source.close(); setTimeout(listen, 300); };
          }
          listen();
        })();
        """
}
