import Foundation
import Hummingbird
import SOPJournal
import SOPKit

extension WebServer {
    /// A case: data (sensitive fields only for holders of a role of its SOP), who is awaited and
    /// until when, the timeline, documents, and a form for each action my roles may try now.
    func casePage(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { user, session in
            let query = FormData(request.uri.query ?? "")
            return try renderCase(context.parameters.get("id") ?? "", user: user, session: session,
                                  flash: query["ok"] == "1" ? PageText.recorded : (query["baru"] == "1" ? PageText.caseOpened(context.parameters.get("id") ?? "") : nil))
        }
    }

    func renderCase(_ id: String, user: UserAccount, session: WebSession, flash: String? = nil, error: String? = nil,
                    status: HTTPResponse.Status = .ok) throws -> Response {
        let service = service(for: user)
        let loaded: LoadedCase
        do {
            // Audited as a read by the logged-in user (a refused read of an unknown case too).
            loaded = try service.show(id, role: nil)
        } catch {
            if case .unknownCase = error {
                return Self.html(HTML.page(title: PageText.cases, user: user.name, csrf: session.csrf, error: PageText.notFound, body: ""), status: .notFound)
            }
            throw error
        }
        let sop = loaded.context.definition
        let myRoles = roles(of: user, in: sop)
        let now = clock()
        let view = CaseView(loaded: loaded, report: CaseReport(state: loaded.state, context: loaded.context, now: now))
        // Dates as the command line shows them in Indonesian, in the office's zone.
        let format = { loaded.context.formatted($0, in: PageText.bahasa) }
        var body = "<p>\(HTML.escape(sop.nama)) (\(HTML.escape(sop.id))) · \(HTML.escape(PageText.status)): \(HTML.escape(PageText.status(loaded.state.status.rawValue)))</p>"
        body += "<h2>\(PageText.data)</h2><dl>"
        for field in sop.caseFields {
            guard let value = loaded.state.data[field.name] else { continue }
            let shown = field.sensitive && myRoles.isEmpty ? PageText.masked : PageText.value(value)
            body += "<dt>\(HTML.escape(field.label ?? field.name))</dt><dd>\(HTML.escape(shown))</dd>"
        }
        body += "</dl>"
        if !view.awaiting.isEmpty {
            body += "<h2>\(PageText.awaited)</h2><ul>"
            for item in view.awaiting {
                let late = item.due.map { now > $0 } ?? false
                body += "<li>\(HTML.escape(sop.step(item.step)?.uraian ?? item.step)): \(HTML.escape(item.performers.joined(separator: ", "))) · "
                    + "\(PageText.due) \(HTML.escape(item.due.map { loaded.context.formattedDue($0, in: PageText.bahasa) } ?? "-"))"
                    + (late ? " <span class=\"overdue\">\(PageText.overdue)</span>" : "") + "</li>"
            }
            body += "</ul>"
        }
        body += actionForms(loaded, roles: myRoles, csrf: session.csrf)
        body += "<h2>\(PageText.timeline)</h2><ol>"
        for stored in loaded.stored.events {
            body += "<li>\(HTML.escape(format(stored.event.at))) · \(HTML.escape(view.describe(stored.event).indonesian)) · \(HTML.escape(stored.actor))"
                + "\(stored.role.map { " (\(HTML.escape($0)))" } ?? "")</li>"
        }
        body += "</ol><h2>\(PageText.documents)</h2><ul>"
        for document in loaded.state.documents {
            body += "<li>\(HTML.escape(document.name)) · \(HTML.escape(format(document.at)))</li>"
        }
        body += "</ul>"
        return Self.html(HTML.page(title: "\(PageText.caseID) \(loaded.id)", user: user.name, csrf: session.csrf, flash: flash, error: error, body: body),
                         status: status)
    }

    /// A form per active step and role I hold in the SOP: the engine decides, and its refusal is shown.
    func actionForms(_ loaded: LoadedCase, roles: [String], csrf: String) -> String {
        let sop = loaded.context.definition
        guard loaded.state.status == .open, !roles.isEmpty else { return "" }
        var out = "<h2>\(PageText.actions)</h2>"
        var any = false
        for index in loaded.state.activeRunIndices {
            guard let step = sop.step(loaded.state.runs[index].stepID) else { continue }
            any = true
            out += """
                <form method="post" action="/kasus/\(HTML.escape(loaded.id))/tindakan" class="action">
                \(HTML.csrfField(csrf))
                <input type="hidden" name="langkah" value="\(HTML.escape(step.id))">
                <input type="hidden" name="versi" value="\(loaded.state.version)">
                <p><strong>\((sop.stepIndex(step.id) ?? 0) + 1). \(HTML.escape(step.uraian))</strong></p>
                <label>\(PageText.actAs) <select name="peran">\(roles.map { "<option value=\"\(HTML.escape($0))\">\(HTML.escape(sop.performer(named: $0)?.nama ?? $0))</option>" }.joined())</select></label>
                """
            if let decision = step.decision {
                out += "<label>\(PageText.answer) <select name=\"jawaban\"><option value=\"\"></option>"
                    + decision.outcomes.map { "<option value=\"\(HTML.escape($0.label))\">\(HTML.escape($0.label))</option>" }.joined() + "</select></label>"
            }
            for output in step.output {
                out += "<label><input type=\"checkbox\" name=\"dokumen\" value=\"\(HTML.escape(output.value))\"> \(HTML.escape(output.value))</label>"
            }
            out += """
                <label>\(PageText.note) <textarea name="catatan" rows="2"></textarea></label>
                <p><button type="submit">\(PageText.signOff)</button></p>
                </form>
                """
        }
        return any ? out : out + "<p>\(PageText.noActions)</p>"
    }

    /// An action on a case as one of my roles: the version the form was made from must still be
    /// the case's (else "this case changed, reload", nothing recorded); the engine's refusal is
    /// shown with its own reason; both are in the audit trail.
    func act(_ request: Request, context: WebContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        return try await posted(request, context) { user, session, form in
            let service = service(for: user)
            let step = form["langkah"] ?? "", role = form["peran"] ?? ""
            let loaded: LoadedCase
            do { loaded = try service.load(id, for: "web case do", role: role) } catch {
                return Self.html(HTML.page(title: PageText.cases, user: user.name, csrf: session.csrf, error: PageText.notFound, body: ""), status: .notFound)
            }
            guard roles(of: user, in: loaded.context.definition).contains(role) else {
                try service.recordRefusal("web case do", role: role, caseID: id, reason: AuditMessages.roleNotHeld(["user": .text(user.name), "role": .text(role)]))
                return try renderCase(id, user: user, session: session, error: PageText.notAllowed, status: .forbidden)
            }
            guard form["versi"].flatMap(Int.init) == loaded.state.version else {
                try service.recordRefusal("web case do", role: role, caseID: id, reason: AuditMessages.caseChangedSincePage())
                return try renderCase(id, user: user, session: session, error: PageText.caseChanged, status: .conflict)
            }
            let answer = form["jawaban"].flatMap { $0.isEmpty ? nil : $0 }
            let note = form["catatan"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            do {
                _ = try service.act(caseID: id, step: step, role: role, answer: answer, documents: form.all("dokumen"), note: note, at: nil, key: nil,
                                    expectedVersion: loaded.state.version)
            } catch let error as JournalError {
                switch error {
                case .conflict:
                    try? service.recordRefusal("web case do", role: role, caseID: id, reason: AuditMessages.caseChangedSincePage())
                    return try renderCase(id, user: user, session: session, error: PageText.caseChanged, status: .conflict)
                case .refused(let refusal):
                    return try renderCase(id, user: user, session: session, error: PageText.refused(refusal.message(in: PageText.bahasa)), status: .unprocessableContent)
                default:
                    throw error
                }
            }
            return Self.redirect("/kasus/\(id)?ok=1")
        }
    }
}
