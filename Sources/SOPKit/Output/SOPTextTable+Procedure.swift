extension SOPTextTable {
    /// The procedure table, at most `width` characters wide: the columns of the official form when
    /// they fit; else the performers stacked into one Pelaksana column; else the three Mutu Baku
    /// columns stacked into one as well. Text wraps at spaces (a word is broken only when it alone is
    /// wider than its column); Ket holds the remarks and what the symbols cannot show.
    func table(_ sop: SOPDefinition) -> String {
        let rows = ProcedureCells.stepIndexes(sop)
        let cells = sop.steps.indices.map { ProcedureCells(sop.steps[$0], at: $0, in: sop, rows: rows) }
        var chosen = columns(sop, cells: cells, stack: .allStacked)
        for stack in [TextTableColumn.Stacking.none, .performers] {
            let candidate = columns(sop, cells: cells, stack: stack)
            if TextTableColumn.minimumWidth(candidate) <= width { chosen = candidate; break }
        }
        let widths = TextTableColumn.widths(chosen, total: width)
        var out = rule(widths, "┌", "┬", "┐")
        out += row(chosen.enumerated().map { k, column in TextWrap.lines(column.header, width: widths[k]) }, widths)
        out += rule(widths, "╞", "╪", "╡", line: "═")
        for i in sop.steps.indices {
            out += row(chosen.enumerated().map { k, column in
                column.cells[i].flatMap { TextWrap.lines($0, width: widths[k]) }
            }, widths)
            out += i + 1 < sop.steps.count ? rule(widths, "├", "┼", "┤") : rule(widths, "└", "┴", "┘")
        }
        if let total = sop.time.total {
            out += TextWrap.lines("Total waktu: \(ProcedureCells.waktuText(total, in: sop))", width: width).joined(separator: "\n") + "\n"
        }
        return out
    }

    /// The columns of the table for one way of stacking, each with its cells.
    private func columns(_ sop: SOPDefinition, cells: [ProcedureCells], stack: TextTableColumn.Stacking) -> [TextTableColumn] {
        let steps = sop.steps
        var result = [TextTableColumn(header: "No", cells: steps.indices.map { ["\($0 + 1)"] }, fixed: true)]
        result.append(TextTableColumn(header: "Uraian Prosedur", cells: cells.map { c in
            [c.uraian] + (c.question.map { ["◇ " + $0] } ?? [])
        }))
        if stack == .none {
            for performer in sop.performers {
                let symbols = steps.map { symbol($0, performer: performer.id) }
                result.append(TextTableColumn(header: performer.nama, cells: symbols.map { $0.isEmpty ? [""] : $0 },
                                              smallest: symbols.flatMap { $0 }.map(\.count).max() ?? 3, cap: 12))
            }
        } else {
            result.append(TextTableColumn(header: "Pelaksana", cells: steps.map { step in
                sop.performers.compactMap { performer -> String? in
                    let marks = symbol(step, performer: performer.id)
                    return marks.isEmpty ? nil : marks.joined(separator: " ") + " " + performer.nama
                }
            }, smallest: 9))
        }
        let waktu = steps.map { $0.waktu.map { ProcedureCells.waktuText($0, in: sop) } ?? "-" }
        if stack == .allStacked {
            result.append(TextTableColumn(header: "Mutu Baku", cells: cells.indices.map { i in
                let kelengkapan = steps[i].kelengkapan.isEmpty ? "-" : sop.printedKelengkapan(of: steps[i]).joined(separator: "; ")
                let output = steps[i].output.isEmpty ? "-" : steps[i].output.map(\.value).joined(separator: "; ")
                return ["Kelengkapan: " + kelengkapan, "Waktu: " + waktu[i], "Output: " + output]
            }))
        } else {
            result.append(TextTableColumn(header: "Kelengkapan", cells: cells.map(\.kelengkapan)))
            result.append(TextTableColumn(header: "Waktu", cells: waktu.map { [$0] }, cap: 16))
            result.append(TextTableColumn(header: "Output", cells: cells.map(\.output)))
        }
        result.append(TextTableColumn(header: "Ket", cells: cells.map { $0.keterangan.isEmpty ? [""] : $0.keterangan }))
        return result
    }

    /// The marks drawn in a performer's column: a rectangle for a process, a diamond in the decider's
    /// column for a decision (the other performers of the step work on it: rectangles), capsules for
    /// terminators; in sequence mode each performer's turn is numbered, alternatives are marked `[/]`.
    private func symbol(_ step: Step, performer: String) -> [String] {
        guard let position = step.performers.firstIndex(where: { $0.value == performer }) else { return [] }
        var lines: [String] = []
        if (step.mergedStart || step.kind == .mulai) && position == 0 { lines.append("(Mulai)") }
        switch step.kind {
        case .keputusan where step.decidingPerformer == performer: lines.append("< >")
        case .proses, .keputusan: lines.append(step.mode == .berurutan ? "[\(position + 1)]" : step.mode == .salahSatu ? "[/]" : "[ ]")
        case .mulai, .selesai: break
        }
        if (step.mergedEnd || step.kind == .selesai) && position == step.performers.count - 1 { lines.append("(Selesai)") }
        return lines
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
