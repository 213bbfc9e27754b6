import Foundation
import SOPKit

/// HTML escaping and the page frame. Every value that did not come from this file (YAML, case
/// data, user names, notes, diagnostics) goes through ``escape(_:)``.
public enum HTML {
    /// The text escaped for element content and quoted attributes, control characters as their
    /// code: SOPKit's ``HTMLEscape/text(_:)``, the escaper the printed document uses too.
    public static func escape(_ text: String) -> String { HTMLEscape.text(text) }

    /// A whole page: the frame with navigation (when someone is logged in), a flash message and the body.
    static func page(title: String, user: String?, csrf: String?, flash: String? = nil, error: String? = nil, body: String) -> String {
        var nav = ""
        if let user, let csrf {
            nav = """
                <nav><a href="/tugas">\(escape(PageText.myTasks))</a> <a href="/kasus">\(escape(PageText.cases))</a> \
                <a href="/kasus/baru">\(escape(PageText.newCase))</a> <a href="/sesi">\(escape(PageText.groupSession))</a> \
                <a href="/laporan">\(escape(PageText.report))</a> <a href="/sop">\(escape(PageText.sop))</a> <a href="/pratinjau">\(escape(PageText.preview))</a>
                <form method="post" action="/keluar" class="inline"><input type="hidden" name="csrf" value="\(escape(csrf))">\
                <span class="who">\(escape(PageText.loggedInAs(user)))</span> <button type="submit">\(escape(PageText.logout))</button></form></nav>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="\(PageText.bahasa.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · \(escape(PageText.appName))</title>
            <link rel="stylesheet" href="/gaya.css">
            </head><body>
            <header><strong>\(escape(PageText.appName))</strong>\(nav)</header>
            <main>
            <h1>\(escape(title))</h1>
            \(flash.map { "<p class=\"flash\" role=\"status\">\(escape($0))</p>" } ?? "")\
            \(error.map { "<p class=\"error\" role=\"alert\">\(escape($0))</p>" } ?? "")\
            \(body)
            </main></body></html>
            """
    }

    /// The hidden CSRF field every form carries.
    static func csrfField(_ token: String) -> String { "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(token))\">" }

    /// The style sheet (served as a file: the CSP allows no inline style or script).
    static let styleSheet = """
        body{font-family:system-ui,sans-serif;margin:0;line-height:1.4;color:#111}
        header{background:#0b4f6c;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
        header a{color:#fff;margin-right:.75rem}
        nav{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        main{padding:1rem;max-width:60rem;overflow-wrap:anywhere}
        dd{margin:0 0 .4rem 1rem}
        table{border-collapse:collapse;width:100%}
        th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
        .overdue{color:#a00;font-weight:bold}
        .flash{background:#e6f4ea;padding:.5rem}
        .error,.field-error{background:#fdecea;color:#8a1c1c;padding:.5rem}
        form.inline{display:inline}
        label{display:block;margin-top:.5rem}
        input,select,textarea,button{font-size:1rem;max-width:100%}
        main input:not([type=checkbox]):not([type=hidden]),main select,main textarea{width:100%;box-sizing:border-box;padding:.3rem}
        main form.filters{display:grid;grid-template-columns:1fr;gap:.2rem;max-width:30rem}
        button{padding:.4rem .9rem}
        small{display:block;color:#444}
        fieldset{margin-top:.75rem}
        iframe#dokumen{width:100%;height:70vh;border:1px solid #ccc}
        .diagnostics .error{color:#8a1c1c}
        .who{margin-right:.5rem}
        .note{color:#444}
        """ + SOPFlowchartSVG.styleSheet + "\n" + """
        @media (max-width:40rem){table,thead,tbody,tr,td,th{display:block}thead{display:none}td{border:0;padding:.2rem}tr{border-bottom:1px solid #ccc;padding:.4rem 0}td[data-label]::before{content:attr(data-label) ": ";font-weight:bold}}
        """
}
