extension SOPDiff {
    private func line(_ c: Change) -> String {
        let mark = ["added": "+", "removed": "-", "renamed": "~", "moved": "↕", "changed": "~"][c.kind] ?? "~"
        var text = "\(mark) \(c.subject)"
        switch (c.before, c.after) {
        case let (b?, a?): text += ": \(b) → \(a)"
        case let (b?, nil): text += c.kind == "removed" ? ": \(b)" : ": \(b) → (none)"
        case let (nil, a?): text += c.kind == "added" ? ": \(a)" : ": (none) → \(a)"
        case (nil, nil): break
        }
        if c.kind == "renamed" || c.kind == "moved" { text += " (\(c.kind))" }
        if let note = c.note, c.kind != "renamed" { text += " (\(note))" } else if let note = c.note { text = text.replacingOccurrences(of: "(renamed)", with: "(renamed, \(note))") }
        return text
    }

    private func minutes(_ m: Double?) -> String { m.map { CaseReport.duration($0) } ?? "(no such path)" }

    /// For people: the changes by area, then the total standard time of each path.
    public func text() -> String {
        var out = "sop diff \(old.id): revisi \(old.tanggal?.revisi?.description ?? "-") → \(new.tanggal?.revisi?.description ?? "-")\n"
        if isEmpty { return out + "no changes\n" }
        for (area, title) in [("identity", "identity"), ("performer", "performers"), ("step", "steps")] {
            let items = changes.filter { $0.area == area }
            guard !items.isEmpty else { continue }
            out += "\n\(title):\n" + items.map { "  " + line($0) }.joined(separator: "\n") + "\n"
        }
        out += "\ntotal standard time per path:\n"
        for p in paths {
            let delta = (p.beforeMinutes != nil && p.afterMinutes != nil && p.beforeMinutes != p.afterMinutes)
                ? " (\((p.afterMinutes ?? 0) > (p.beforeMinutes ?? 0) ? "+" : "-")\(CaseReport.duration(abs((p.afterMinutes ?? 0) - (p.beforeMinutes ?? 0)))))" : ""
            out += "  \(p.name): \(minutes(p.beforeMinutes)) → \(minutes(p.afterMinutes))\(delta)\n"
        }
        return out
    }

    /// For scripts.
    public func json() -> JSONValue {
        .object([
            ("sop", .string(old.id)),
            ("equal", .bool(isEmpty)),
            ("changes", .array(changes.map { c in
                .object([("area", .string(c.area)), ("kind", .string(c.kind)), ("subject", .string(c.subject)),
                         ("before", .optional(c.before)), ("after", .optional(c.after)), ("note", .optional(c.note))])
            })),
            ("step_mapping", .object(stepMapping.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("paths", .array(paths.map { p in
                .object([("path", .string(p.name)), ("before_minutes", p.beforeMinutes.map { .number($0) } ?? .null),
                         ("after_minutes", p.afterMinutes.map { .number($0) } ?? .null)])
            })),
        ])
    }

    /// For a review page or the signing memo.
    public func markdown() -> String {
        var out = "# Perubahan SOP \(new.nama)\n\n"
        out += "Revisi \(old.tanggal?.revisi?.indonesian ?? "-") → \(new.tanggal?.revisi?.indonesian ?? "-")\n\n"
        if isEmpty { return out + "Tidak ada perubahan.\n" }
        out += "| Bagian | Perubahan | Yang diubah | Sebelum | Sesudah | Catatan |\n|---|---|---|---|---|---|\n"
        func cell(_ s: String?) -> String { (s ?? "").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        for c in changes {
            out += "| \(c.area) | \(c.kind) | \(cell(c.subject)) | \(cell(c.before)) | \(cell(c.after)) | \(cell(c.note)) |\n"
        }
        out += "\n| Jalur | Waktu standar sebelum | Sesudah |\n|---|---|---|\n"
        for p in paths { out += "| \(cell(p.name)) | \(minutes(p.beforeMinutes)) | \(minutes(p.afterMinutes)) |\n" }
        return out
    }
}
