import Foundation
import Hummingbird
import SOPJournal
import SOPKit

extension WebServer {
    /// Kasus baru: first the SOPs I work on, then a form made from the chosen SOP's `data_kasus`
    /// (types, required fields, choices, dates) and its persyaratan.
    func newCasePage(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { user, session in
            let query = FormData(request.uri.query ?? "")
            guard let id = query["sop"], let entry = sops.entries[id], user.worksOn(id) else {
                let choices = sops.sorted.filter { user.worksOn($0.definition.id) }
                let body = "<p>\(PageText.chooseSOP)</p><ul>" + choices.map { entry in
                    "<li><a href=\"/kasus/baru?sop=\(HTML.escape(entry.definition.id))\">\(HTML.escape(entry.definition.nama))</a> (\(HTML.escape(entry.definition.id)))</li>"
                }.joined() + "</ul>"
                return Self.html(HTML.page(title: PageText.newCase, user: user.name, csrf: session.csrf, body: body))
            }
            return Self.html(HTML.page(title: PageText.newCase, user: user.name, csrf: session.csrf,
                                       body: newCaseForm(entry, values: [:], documents: [], problems: [:], csrf: session.csrf)))
        }
    }

    /// The form; each field with its value and the validator's own messages beside it.
    func newCaseForm(_ entry: ServedSOPs.Entry, values: [String: String], documents: Set<String>, problems: [String: [String]], csrf: String) -> String {
        let sop = entry.definition
        var out = """
            <p>\(HTML.escape(sop.nama)) (\(HTML.escape(sop.id)))</p>
            <form method="post" action="/kasus/baru">
            \(HTML.csrfField(csrf))
            <input type="hidden" name="sop" value="\(HTML.escape(sop.id))">
            """
        for field in sop.caseFields {
            let name = "data." + field.name
            let value = values[field.name] ?? ""
            let label = HTML.escape(field.label ?? field.name) + (field.required ? " <small>(\(PageText.required))</small>" : "")
            let required = field.required ? " required" : ""
            let describedBy = problems[field.name] == nil ? "" : " aria-describedby=\"err-\(HTML.escape(field.name))\" aria-invalid=\"true\""
            out += "<label for=\"\(HTML.escape(name))\">\(label)</label>"
            switch field.type {
            case .boolean:
                out += "<select id=\"\(HTML.escape(name))\" name=\"\(HTML.escape(name))\"\(required)\(describedBy)><option value=\"\"></option>"
                    + [("true", "ya"), ("false", "tidak")].map { "<option value=\"\($0.0)\"\(value == $0.0 ? " selected" : "")>\($0.1)</option>" }.joined() + "</select>"
            case .choice(let choices):
                out += "<select id=\"\(HTML.escape(name))\" name=\"\(HTML.escape(name))\"\(required)\(describedBy)><option value=\"\"></option>"
                    + choices.map { "<option value=\"\(HTML.escape($0))\"\(value == $0 ? " selected" : "")>\(HTML.escape($0))</option>" }.joined() + "</select>"
            case .date:
                out += "<input type=\"date\" id=\"\(HTML.escape(name))\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\"\(required)\(describedBy)>"
            case .number:
                out += "<input type=\"number\" step=\"any\" id=\"\(HTML.escape(name))\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\"\(required)\(describedBy)>"
            case .text:
                out += "<input id=\"\(HTML.escape(name))\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\"\(required)\(describedBy)>"
            }
            if let messages = problems[field.name] {
                out += "<p class=\"field-error\" id=\"err-\(HTML.escape(field.name))\">\(messages.map(HTML.escape).joined(separator: "<br>"))</p>"
            }
            if let keterangan = field.keterangan { out += "<small>\(HTML.escape(keterangan))</small>" }
        }
        if !sop.persyaratan.isEmpty {
            out += "<fieldset><legend>\(PageText.documents)</legend>"
            for document in sop.persyaratan {
                out += "<label><input type=\"checkbox\" name=\"dokumen\" value=\"\(HTML.escape(document.value))\"\(documents.contains(document.value) ? " checked" : "")> \(HTML.escape(document.value))</label>"
            }
            out += "</fieldset>"
        }
        return out + "<p><button type=\"submit\">\(PageText.open)</button></p></form>"
    }

    /// Opens a case as the logged-in user; the validator's messages go beside their fields and
    /// nothing is recorded until the data is valid.
    func openCase(_ request: Request, context: WebContext) async throws -> Response {
        try await posted(request, context) { user, session, form in
            guard let id = form["sop"], let entry = sops.entries[id], user.worksOn(id) else {
                return Self.html(HTML.page(title: PageText.newCase, user: user.name, csrf: session.csrf, error: PageText.notAllowed, body: ""), status: .forbidden)
            }
            var values: [String: String] = [:]
            for (name, value) in form.pairs where name.hasPrefix("data.") && !value.isEmpty { values[String(name.dropFirst(5))] = value }
            let documents = form.all("dokumen")
            let service = service(for: user, folder: (entry.path as NSString).deletingLastPathComponent)
            let now = clock()
            var context: CaseContext?
            do { context = try service.contextForOpening(entry.definition) } catch { context = nil }
            let today = context.map { $0.calendar.date(of: now) }
            let problems = CaseDataValidator(entry.definition).check(values, openedOn: today).problems
            func again(_ error: String?, _ byField: [String: [String]], status: HTTPResponse.Status) -> Response {
                Self.html(HTML.page(title: PageText.newCase, user: user.name, csrf: session.csrf, error: error,
                                    body: newCaseForm(entry, values: values, documents: Set(documents), problems: byField, csrf: session.csrf)),
                          status: status)
            }
            if !problems.isEmpty {
                try service.recordRefusal("web case open", caseID: nil, reason: AuditMessages.reasons(["reasons": .joined(problems.map { .message($0.message) }, by: EngineMessages.semicolon())]))
                let byField = Dictionary(grouping: problems.compactMap { p in p.field.map { ($0, p.message.indonesian) } }, by: \.0).mapValues { $0.map(\.1) }
                let loose = problems.filter { $0.field == nil }.map(\.message.indonesian)
                return again(loose.isEmpty ? nil : loose.joined(separator: "; "), byField, status: .unprocessableContent)
            }
            do {
                let outcome = try service.open(definition: entry.definition, source: entry.source, hash: entry.hash, data: values,
                                               documents: documents, at: now, key: nil)
                return Self.redirect("/kasus/\(outcome.caseID)?baru=1")
            } catch let error as JournalError {
                if case .refused(let refusal) = error { return again(PageText.refused(refusal.message(in: PageText.bahasa)), [:], status: .unprocessableContent) }
                throw error
            }
        }
    }
}
