extension SOPDiff {
    private func line(_ c: Change, _ bahasa: Bahasa) -> String {
        let t = { (m: DiffMessages) in m.text(in: bahasa) }
        let mark = ["added": "+", "removed": "-", "renamed": "~", "moved": "↕", "changed": "~"][c.kind] ?? "~"
        var text = "\(mark) \(c.subjectText?.text(in: bahasa) ?? c.subject)"
        // The values in the language asked, where they hold words of ours (`position 3`, `(none)`).
        switch (c.beforeText?.text(in: bahasa) ?? c.before, c.afterText?.text(in: bahasa) ?? c.after) {
        case let (b?, a?): text += ": \(b) → \(a)"
        case let (b?, nil): text += c.kind == "removed" ? ": \(b)" : ": \(b) → \(t(.none))"
        case let (nil, a?): text += c.kind == "added" ? ": \(a)" : ": \(t(.none)) → \(a)"
        case (nil, nil): break
        }
        let note = c.noteText?.text(in: bahasa) ?? c.note
        if c.kind == "renamed" { text += " " + (note.map { DiffMessages.renamedWith.text(["note": .text($0)], in: bahasa) } ?? t(.renamed)) }
        if c.kind == "moved" { text += " " + t(.moved) }
        if let note, c.kind != "renamed" { text += " (\(note))" }
        return text
    }

    private func minutes(_ m: Double?, _ bahasa: Bahasa) -> String { m.map { CaseReport.duration($0) } ?? DiffMessages.noSuchPath.text(in: bahasa) }

    /// For people: the changes by area, then the total standard time of each path.
    public func text(in bahasa: Bahasa = .en) -> String {
        let t = { (m: DiffMessages) in m.text(in: bahasa) }
        var out = DiffMessages.heading.text(["sop": .text(old.id), "before": old.tanggal?.revisi.map { .date($0) } ?? "-",
                                             "after": new.tanggal?.revisi.map { .date($0) } ?? "-"], in: bahasa) + "\n"
        if isEmpty { return out + t(.noChanges) + "\n" }
        for (area, title) in [("identity", DiffMessages.identity), ("performer", .performers), ("step", .steps)] {
            let items = changes.filter { $0.area == area }
            guard !items.isEmpty else { continue }
            out += "\n\(t(title))\n" + items.map { "  " + line($0, bahasa) }.joined(separator: "\n") + "\n"
        }
        out += "\n" + t(.pathsHeading) + "\n"
        for p in paths {
            let delta = (p.beforeMinutes != nil && p.afterMinutes != nil && p.beforeMinutes != p.afterMinutes)
                ? " (\((p.afterMinutes ?? 0) > (p.beforeMinutes ?? 0) ? "+" : "-")\(CaseReport.duration(abs((p.afterMinutes ?? 0) - (p.beforeMinutes ?? 0)))))" : ""
            // The path's name is the decisions that pick it; a path with none is named in words.
            let name = p.name.replacingOccurrences(of: DiffMessages.noDecisions.texts.en, with: DiffMessages.noDecisions.text(in: bahasa))
            out += "  \(name): \(minutes(p.beforeMinutes, bahasa)) → \(minutes(p.afterMinutes, bahasa))\(delta)\n"
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
        for p in paths { out += "| \(cell(p.name)) | \(minutes(p.beforeMinutes, .en)) | \(minutes(p.afterMinutes, .en)) |\n" }
        return out
    }
}
