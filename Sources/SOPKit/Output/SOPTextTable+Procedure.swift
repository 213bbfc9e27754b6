extension SOPTextTable {
    /// The procedure table.
    func table(_ sop: SOPDefinition) -> String {
        let performerWidths = sop.performers.map { p in
            max(9, min(12, p.nama.split(separator: " ").map(\.count).max() ?? 7))
        }
        let waktuWidth = max(5, min(12, sop.steps.map { $0.waktu?.raw.count ?? 1 }.max() ?? 5))
        let ketWidth = sop.steps.contains { $0.keterangan != nil } ? 12 : 3
        let fixed = 3 + performerWidths.reduce(0, +) + waktuWidth + ketWidth
        let columns = 2 + sop.performers.count + 4
        let flexible = max(44, width - fixed - (3 * columns + 1))
        let uraianWidth = flexible * 2 / 5
        let kelengkapanWidth = (flexible - uraianWidth) / 2
        let outputWidth = flexible - uraianWidth - kelengkapanWidth
        let widths = [3, uraianWidth] + performerWidths + [kelengkapanWidth, waktuWidth, outputWidth, ketWidth]
        let headers = ["No", "Uraian Prosedur"] + sop.performers.map(\.nama) + ["Kelengkapan", "Waktu", "Output", "Ket"]
        var out = rule(widths, "┌", "┬", "┐")
        out += row(headers.enumerated().map { TextWrap.lines($1, width: widths[$0]) }, widths)
        out += rule(widths, "╞", "╪", "╡", line: "═")
        for (i, step) in sop.steps.enumerated() {
            var cells: [[String]] = [["\(i + 1)"], TextWrap.lines(uraian(step, in: sop), width: uraianWidth)]
            for (p, performer) in sop.performers.enumerated() {
                cells.append(symbol(step, performer: performer.id, width: performerWidths[p]))
            }
            cells.append(list(step.kelengkapan.map(\.value), width: kelengkapanWidth))
            cells.append(TextWrap.lines(step.waktu?.raw ?? "-", width: waktuWidth))
            cells.append(list(step.output.map(\.value), width: outputWidth))
            cells.append(TextWrap.lines(step.keterangan ?? "", width: ketWidth))
            out += row(cells, widths)
            out += i + 1 < sop.steps.count ? rule(widths, "├", "┼", "┤") : rule(widths, "└", "┴", "┘")
        }
        if let total = sop.time.total { out += "Total waktu: \(total.raw)\n" }
        return out
    }

    /// The activity, followed by what the flowchart shows beyond the symbols: decision exits,
    /// jumps, repetition and group sessions.
    private func uraian(_ step: Step, in sop: SOPDefinition) -> String {
        var text = step.uraian
        func number(_ target: FlowTarget) -> String {
            switch target {
            case .step(let id): sop.stepIndex(id).map { "\($0 + 1)" } ?? id
            case .end: "Selesai"
            case .exit: "keluar"
            }
        }
        if let decision = step.decision {
            text += "\n◇ \(decision.question) " + decision.outcomes.map { "\($0.label)\u{A0}→\u{A0}\(number($0.next.value))" }.joined(separator: "; ")
        } else if let index = sop.stepIndex(step.id) {
            let next = sop.defaultNext(after: index)
            let following: FlowTarget = index + 1 < sop.steps.count ? .step(sop.steps[index + 1].id) : .end
            if next != following { text += "\n→ \(number(next))" }
        }
        if let r = step.recurrence {
            text += "\n↻ setiap \(r.every.raw), selama \((r.during ?? sop.jangkaWaktu)?.raw ?? "-")"
        }
        if step.group != nil { text += "\n⚑ satu sesi untuk banyak kasus" }
        return text
    }

    /// The symbol drawn in a performer's column: a rectangle for a process, a diamond for a
    /// decision, capsules for terminators; in sequence mode each performer's turn is numbered.
    private func symbol(_ step: Step, performer: String, width: Int) -> [String] {
        guard let position = step.performers.firstIndex(where: { $0.value == performer }) else { return [""] }
        var lines: [String] = []
        if (step.mergedStart || step.kind == .mulai) && position == 0 { lines.append("(Mulai)") }
        switch step.kind {
        case .proses: lines.append(step.mode == .berurutan ? "[\(position + 1)]" : step.mode == .salahSatu ? "[/]" : "[ ]")
        case .keputusan: lines.append("< >")
        case .mulai, .selesai: break
        }
        if (step.mergedEnd || step.kind == .selesai) && position == step.performers.count - 1 { lines.append("(Selesai)") }
        return lines.map { String($0.prefix(width)) }
    }

    private func list(_ items: [String], width: Int) -> [String] {
        if items.isEmpty { return ["-"] }
        if items.count == 1 { return TextWrap.lines(items[0], width: width) }
        return items.enumerated().flatMap { i, item in
            TextWrap.lines(item, width: width - 3).enumerated().map { j, line in (j == 0 ? "\(i + 1)." : "  ") + " " + line }
        }
    }

    private func rule(_ widths: [Int], _ left: String, _ middle: String, _ right: String, line: String = "─") -> String {
        left + widths.map { String(repeating: line, count: $0 + 2) }.joined(separator: middle) + right + "\n"
    }

    private func row(_ cells: [[String]], _ widths: [Int]) -> String {
        let height = cells.map(\.count).max() ?? 1
        var out = ""
        for line in 0..<height {
            out += "│" + cells.enumerated().map { i, cell in
                " " + TextWrap.pad(line < cell.count ? cell[line] : "", widths[i]) + " "
            }.joined(separator: "│") + "│\n"
        }
        return out
    }
}
