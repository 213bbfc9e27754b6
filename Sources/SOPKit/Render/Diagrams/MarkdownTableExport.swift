/// The SOP's procedure table as GitHub-flavoured Markdown, for wikis: a short identity header, then
/// one row per step with the columns No | Uraian | one column per performer | Kelengkapan | Waktu |
/// Output | Keterangan.
///
/// A performer's column holds the step's symbol: `■` for a process (`■ 1`, `■ 2` for the turns of a
/// `berurutan` step, `■ salah satu` for alternative performers), `◆` for a decision, with `Mulai` and
/// `Selesai` where the terminators are drawn; a decision's `◆` is in the decider's column only.
/// Keterangan gives the remarks and what the symbols cannot: decision outcomes with their rules in
/// words ("Ya, jika putus sekolah → 4"), jumps, repetition and group sessions. A bare number in the
/// Waktu column keeps its unit (`satuan_angka`).
public struct MarkdownTableExport: Sendable {
    /// Creates an exporter.
    public init() {}

    /// The document, ending with a newline.
    public func render(_ sop: SOPDefinition) -> String {
        var out = "# \(DiagramText.markdownCell([sop.nama]))\n\n"
        out += "| Identitas | |\n|---|---|\n"
        for (label, value) in identity(sop) {
            out += "| \(label) | \(DiagramText.markdownCell([value])) |\n"
        }
        out += "\n"
        let headers = ["No", "Uraian"] + sop.performers.map { DiagramText.markdownCell([$0.nama]) }
            + ["Kelengkapan", "Waktu", "Output", "Keterangan"]
        out += "| " + headers.joined(separator: " | ") + " |\n"
        let aligns = ["---:", "---"] + sop.performers.map { _ in ":---:" } + ["---", "---", "---", "---"]
        out += "|" + aligns.joined(separator: "|") + "|\n"
        for (i, step) in sop.steps.enumerated() {
            var cells = ["\(i + 1)", DiagramText.markdownCell([step.uraian])]
            cells += sop.performers.map { mark(step, performer: $0.id) }
            cells.append(DiagramText.markdownCell(step.kelengkapan.isEmpty ? ["-"] : sop.printedKelengkapan(of: step)))
            cells.append(DiagramText.markdownCell([step.waktu.map { ProcedureCells.waktuText($0, in: sop) } ?? "-"]))
            cells.append(DiagramText.markdownCell(step.output.isEmpty ? ["-"] : step.output.map(\.value)))
            cells.append(DiagramText.markdownCell(remarks(step, at: i, in: sop)))
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if let total = sop.time.total {
            out += "\nTotal waktu: \(DiagramText.markdownCell([ProcedureCells.waktuText(total, in: sop)]))\n"
        }
        return out
    }

    /// The identity rows that the SOP gives, in the order of the official form.
    private func identity(_ sop: SOPDefinition) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let nomor = sop.nomor { rows.append(("Nomor SOP", nomor)) }
        let unit = [sop.unit.pemerintah, sop.unit.dinas, sop.unit.bidang ?? "", sop.unit.seksi ?? ""].filter { !$0.isEmpty }
        rows.append(("Unit", unit.joined(separator: " · ")))
        if let dates = sop.tanggal {
            rows.append(("Tanggal Pembuatan", dates.pembuatan.indonesian))
            if let revisi = dates.revisi { rows.append(("Tanggal Revisi", revisi.indonesian)) }
            if let efektif = dates.efektif { rows.append(("Tanggal Efektif", efektif.indonesian)) }
        }
        if let signer = sop.disahkanOleh {
            let nip: String? = signer.nip.map { (nip: String) -> String in "NIP \(nip)" }
            rows.append(("Disahkan oleh", [signer.jabatan, signer.nama, nip].compactMap { $0 }.joined(separator: ", ")))
        }
        if let sasaran = sop.sasaran { rows.append(("Sasaran", sasaran)) }
        if let jangka = sop.jangkaWaktu { rows.append(("Jangka Waktu Penyelesaian", jangka.raw)) }
        if let biaya = sop.biaya { rows.append(("Biaya", biaya)) }
        if !sop.persyaratan.isEmpty { rows.append(("Persyaratan", sop.printedPersyaratan.joined(separator: "; "))) }
        return rows
    }

    /// The symbol in a performer's column.
    private func mark(_ step: Step, performer: String) -> String {
        guard let position = step.performers.firstIndex(where: { $0.value == performer }) else { return "" }
        var parts: [String] = []
        if (step.mergedStart || step.kind == .mulai) && position == 0 { parts.append("Mulai") }
        switch step.kind {
        case .proses:
            switch step.mode {
            case .bersama: parts.append("■")
            case .berurutan: parts.append("■ \(position + 1)")
            case .salahSatu: parts.append("■ salah satu")
            }
        case .keputusan where step.decidingPerformer == performer: parts.append("◆")
        case .keputusan: parts.append("■")
        case .mulai, .selesai: break
        }
        if (step.mergedEnd || step.kind == .selesai) && position == step.performers.count - 1 { parts.append("Selesai") }
        return parts.joined(separator: " ")
    }

    /// Keterangan: the step's remarks, then its flow where the table cannot show it.
    private func remarks(_ step: Step, at index: Int, in sop: SOPDefinition) -> [String] {
        var items: [String] = []
        if let keterangan = step.keterangan { items.append(keterangan) }
        func name(_ target: FlowTarget) -> String {
            switch target {
            case .step(let id): sop.stepIndex(id).map { "\($0 + 1)" } ?? id
            case .end: "Selesai"
            case .exit: "Keluar"
            }
        }
        if let decision = step.decision {
            let outcomes: [String] = decision.outcomes.map { (outcome: Outcome) -> String in
                let rule = outcome.rule.map { ", jika \(RuleWords(sop: sop).phrase($0.value.expression))" }
                    ?? (decision.isRuleDecided ? ", selain itu" : "")
                return "\(outcome.label)\(rule) → \(name(outcome.next.value))"
            }
            items.append("\(decision.question) " + outcomes.joined(separator: "; "))
        } else if step.kind != .selesai {
            let next = sop.defaultNext(after: index)
            let following: FlowTarget = index + 1 < sop.steps.count ? .step(sop.steps[index + 1].id) : .end
            if next != following { items.append("Lanjut → \(name(next))") }
        }
        if let recurrence = step.recurrence {
            let during = (recurrence.during ?? sop.jangkaWaktu).map { " selama \($0.raw)" } ?? ""
            items.append("Berulang setiap \(recurrence.every.raw)\(during)")
        }
        if step.group != nil { items.append("Satu sesi untuk banyak kasus") }
        return items.isEmpty ? [""] : items
    }
}
