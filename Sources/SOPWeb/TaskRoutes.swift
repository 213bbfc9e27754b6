import Foundation
import Hummingbird
import SOPJournal
import SOPKit

extension WebServer {
    /// How many tasks Tugas saya lists (the most urgent first); the rest are counted.
    static let tasksShown = 100

    /// Tugas saya: the steps awaiting any of my roles across the cases of the SOPs I work on,
    /// overdue first, with the due time and how late in working time. Audited as one read.
    func tasksPage(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { user, session in
            let service = service(for: user)
            let now = clock()
            let table: TaskTable, detail: String
            // The most urgent first from the read model (one indexed query, kept until the worklist
            // changes), and the count of the rest; the table rendered from them is kept while
            // neither they nor what time changes in it change.
            if let read = try service.worklistRows(roles: user.roles, worksOn: user.worksOn, now: now, limit: Self.tasksShown) {
                let key = TaskTables.Key(roles: user.roles, sops: user.sops, bahasa: PageText.bahasa, limit: Self.tasksShown)
                if let kept = taskTables.table(key, rows: read.rows, now: now) {
                    (table, detail) = (kept.table, kept.detail)
                } else {
                    table = TaskTable.render(try service.worklistEntries(read, now: now), total: read.rows.total, now: now)
                    detail = AuditMessages.tasks(["count": .number(read.rows.total)]).stored
                    taskTables.keep(key, rows: read.rows, now: now, table: table, detail: detail)
                }
            } else {
                // The read model has gaps: the cases are folded, and nothing is kept.
                let (entries, total) = try service.foldedWorklistHead(roles: user.roles, worksOn: user.worksOn, now: now, limit: Self.tasksShown)
                table = TaskTable.render(entries, total: total, now: now)
                detail = AuditMessages.tasks(["count": .number(total)]).stored
            }
            try service.recordRead("web tugas", role: user.roles.joined(separator: ","), caseID: nil, detail: detail)
            return Self.html(HTML.page(title: PageText.myTasks, user: user.name, csrf: session.csrf, body: table.html))
        }
    }

    /// Kasus: the cases of the SOPs I work on, filtered by SOP, status, overdue and a performer
    /// awaited, and searched by id. Case data is never listed (sensitive fields stay on the case page).
    func casesPage(_ request: Request, context: WebContext) throws -> Response {
        try loggedIn(context) { user, session in
            let query = FormData(request.uri.query ?? "")
            let sopFilter = query["sop"].flatMap { $0.isEmpty ? nil : $0 }
            let status = query["status"].flatMap(CaseOutcome.init(rawValue:))
            let onlyOverdue = query["terlambat"] == "1"
            let performer = query["pelaksana"].flatMap { $0.isEmpty ? nil : $0 }
            let text = (query["q"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            let service = service(for: user)
            let now = clock()
            let (cases, unreadable) = try service.listed(sopID: sopFilter, status: status, awaiting: performer)
            let shown = cases.filter { listed in
                user.worksOn(listed.summary.sopID)
                    && (!onlyOverdue || !listed.summary.overdue(now: now).isEmpty || listed.summary.pastDeadline(now: now))
                    && (performer == nil || listed.summary.tasks.contains { task in
                        listed.context.definition.performer(named: performer!).map { task.awaited.contains($0.id) } ?? false })
                    && (text.isEmpty || listed.id.lowercased().contains(text))
            }
            try service.recordRead("web kasus", role: nil, caseID: nil, detail: AuditMessages.cases(["count": .number(shown.count)]).stored)
            let sopIDs = Set(cases.map(\.summary.sopID)).union(sops.entries.keys).filter(user.worksOn).sorted()
            func option(_ value: String, _ label: String, _ selected: Bool) -> String {
                "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
            }
            var body = """
                <form method="get" action="/kasus" class="filters">
                <label for="q">\(PageText.search)</label><input id="q" name="q" value="\(HTML.escape(query["q"] ?? ""))">
                <label for="sop">\(PageText.sop)</label><select id="sop" name="sop">\(option("", PageText.all, sopFilter == nil))\
                \(sopIDs.map { option($0, $0, $0 == sopFilter) }.joined())</select>
                <label for="status">\(PageText.status)</label><select id="status" name="status">\(option("", PageText.all, status == nil))\
                \(CaseOutcome.allCases.map { option($0.rawValue, PageText.status($0.rawValue), $0 == status) }.joined())</select>
                <label for="pelaksana">\(PageText.awaited)</label><input id="pelaksana" name="pelaksana" value="\(HTML.escape(performer ?? ""))">
                <label><input type="checkbox" name="terlambat" value="1"\(onlyOverdue ? " checked" : "")> \(PageText.onlyOverdue)</label>
                <p><button type="submit">\(PageText.filter)</button></p>
                </form>
                """
            if shown.isEmpty {
                body += "<p>\(HTML.escape(PageText.noCases))</p>"
            } else {
                body += "<table><thead><tr><th>\(PageText.caseID)</th><th>\(PageText.sop)</th><th>\(PageText.status)</th><th>\(PageText.opened)</th><th>\(PageText.active)</th></tr></thead><tbody>"
                for listed in shown {
                    let late = listed.summary.overdue(now: now)
                    body += """
                        <tr><td><a href="/kasus/\(HTML.escape(listed.id))">\(HTML.escape(listed.id))</a></td><td>\(HTML.escape(listed.summary.sopID))</td>\
                        <td>\(HTML.escape(PageText.status(listed.summary.status.rawValue)))</td><td>\(HTML.escape(listed.context.formatted(listed.header.openedAt, in: PageText.bahasa)))</td>\
                        <td>\(HTML.escape(listed.summary.activeSteps.joined(separator: ", ")))\
                        \(late.isEmpty ? "" : " <span class=\"overdue\">\(HTML.escape(PageText.overdue)): \(HTML.escape(late.joined(separator: ", ")))</span>")</td></tr>
                        """
                }
                body += "</tbody></table>"
            }
            if !unreadable.isEmpty { body += "<p class=\"error\">\(HTML.escape(unreadable.map(\.id).joined(separator: ", ")))</p>" }
            return Self.html(HTML.page(title: PageText.cases, user: user.name, csrf: session.csrf, body: body))
        }
    }
}
