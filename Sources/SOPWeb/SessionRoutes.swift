import Foundation
import Hummingbird
import SOPJournal
import SOPKit

extension WebServer {
    /// The recurring steps (group sessions) of the SOPs I work on whose performers include one of my roles.
    func sessionSteps(for user: UserAccount) -> [(sop: ServedSOPs.Entry, step: Step)] {
        sops.sorted.flatMap { entry in
            let mine = Set(roles(of: user, in: entry.definition))
            return entry.definition.steps.filter { step in
                step.recurrence != nil && step.performers.contains { entry.definition.performer(named: $0.value).map { mine.contains($0.id) } ?? false }
            }.map { (entry, $0) }
        }
    }

    /// Sesi kelompok: pick a recurring step, tick the cases whose children came, record one session
    /// for all of them in one transaction (or none, with the engine's reason).
    func sessionPage(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { user, session in
            let query = FormData(request.uri.query ?? "")
            return try renderSession(user: user, session: session, sopID: query["sop"], stepID: query["langkah"],
                                     flash: query["ok"].flatMap(Int.init).map(PageText.sessionRecorded))
        }
    }

    func renderSession(user: UserAccount, session: WebSession, sopID: String?, stepID: String?, flash: String? = nil, error: String? = nil,
                       status: HTTPResponse.Status = .ok) throws -> Response {
        let steps = sessionSteps(for: user)
        guard let chosen = steps.first(where: { $0.sop.definition.id == sopID && $0.step.id == stepID }) else {
            let body = "<p>\(PageText.chooseStep)</p><ul>" + steps.map { entry, step in
                "<li><a href=\"/sesi?sop=\(HTML.escape(entry.definition.id))&amp;langkah=\(HTML.escape(step.id))\">\(HTML.escape(step.uraian))</a> (\(HTML.escape(entry.definition.id)))</li>"
            }.joined() + "</ul>"
            return Self.html(HTML.page(title: PageText.groupSession, user: user.name, csrf: session.csrf, flash: flash, error: error, body: body), status: status)
        }
        let service = service(for: user)
        let (cases, _) = try service.listed(sopID: chosen.sop.definition.id, status: .open)
        let waiting = cases.filter { $0.summary.activeSteps.contains(chosen.step.id) }
        try service.recordRead("web sesi", role: nil, caseID: nil, detail: AuditMessages.waitingAtStep(["sop": .text(chosen.sop.definition.id), "step": .text(chosen.step.id), "count": .number(waiting.count)]).stored)
        let now = clock()
        let local = waiting.first.map { $0.context.format(now) } ?? ISO8601DateFormatter().string(from: now)
        var body = "<p>\(HTML.escape(chosen.step.uraian)) (\(HTML.escape(chosen.sop.definition.id)))</p>"
        if waiting.isEmpty {
            body += "<p>\(PageText.noSessionCases)</p>"
        } else {
            body += """
                <form method="post" action="/sesi">
                \(HTML.csrfField(session.csrf))
                <input type="hidden" name="sop" value="\(HTML.escape(chosen.sop.definition.id))">
                <input type="hidden" name="langkah" value="\(HTML.escape(chosen.step.id))">
                <label for="waktu">\(PageText.sessionTime)</label><input id="waktu" name="waktu" value="\(HTML.escape(String(local.prefix(16))))">
                <fieldset><legend>\(PageText.attended)</legend>
                """
            for listed in waiting {
                body += "<label><input type=\"checkbox\" name=\"kasus\" value=\"\(HTML.escape(listed.id))\"> \(HTML.escape(listed.id))</label>"
            }
            body += "</fieldset><p><button type=\"submit\">\(PageText.recordSession)</button></p></form>"
        }
        return Self.html(HTML.page(title: PageText.groupSession, user: user.name, csrf: session.csrf, flash: flash, error: error, body: body), status: status)
    }

    func recordSession(_ request: Request, context: WebContext) async throws -> Response {
        try await posted(request, context) { user, session, form in
            let sopID = form["sop"], stepID = form["langkah"]
            guard let chosen = sessionSteps(for: user).first(where: { $0.sop.definition.id == sopID && $0.step.id == stepID }) else {
                return try renderSession(user: user, session: session, sopID: nil, stepID: nil, error: PageText.notAllowed, status: .forbidden)
            }
            let ids = form.all("kasus")
            let service = service(for: user)
            guard let first = ids.first else {
                return try renderSession(user: user, session: session, sopID: sopID, stepID: stepID)
            }
            let zone = try service.load(first, for: "web sesi").context.calendar.timeZone
            guard let at = InstantFormat.parse(form["waktu"] ?? "", in: zone) else {
                return try renderSession(user: user, session: session, sopID: sopID, stepID: stepID, error: PageText.badTime, status: .unprocessableContent)
            }
            do {
                _ = try service.recordSession(sopID: chosen.sop.definition.id, step: chosen.step.id, at: at, caseIDs: ids, key: nil)
            } catch let error as JournalError {
                switch error {
                case .refused(let refusal):
                    return try renderSession(user: user, session: session, sopID: sopID, stepID: stepID, error: PageText.refused(refusal.message(in: PageText.bahasa)),
                                             status: .unprocessableContent)
                case .conflict:
                    return try renderSession(user: user, session: session, sopID: sopID, stepID: stepID, error: PageText.caseChanged, status: .conflict)
                default:
                    throw error
                }
            }
            return Self.redirect("/sesi?sop=\(chosen.sop.definition.id)&langkah=\(chosen.step.id)&ok=\(ids.count)")
        }
    }
}
