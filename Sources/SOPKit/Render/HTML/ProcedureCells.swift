import Foundation

/// The text of one row of the procedure table, cell by cell, and the height it needs.
struct ProcedureCells: Sendable {
    /// Uraian Prosedur: the activity.
    var uraian: String
    /// The question of a decision, printed in italics under the activity.
    var question: String?
    /// Kelengkapan, one paragraph per item.
    var kelengkapan: [String]
    /// Waktu as written.
    var waktu: String
    /// Output, one paragraph per item.
    var output: [String]
    /// Keterangan: the step's remarks, then what the flowchart shows beyond the symbols.
    var keterangan: [String]

    /// Each step's row (0-based) by id, built once per document: `SOPDefinition.stepIndex` searches.
    static func stepIndexes(_ sop: SOPDefinition) -> [String: Int] {
        Dictionary(sop.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cells of `step`, row `index`; `rows` maps step ids to rows (`stepIndexes`), searched for when not given.
    init(_ step: Step, at index: Int, in sop: SOPDefinition, rows: [String: Int]? = nil) {
        uraian = step.uraian
        question = step.decision?.question
        kelengkapan = ProcedureCells.list(sop.printedKelengkapan(of: step))
        waktu = step.waktu?.raw ?? "-"
        output = ProcedureCells.list(step.output.map(\.value))
        var notes: [String] = []
        if let remark = step.keterangan, !remark.isEmpty { notes.append(remark) }
        func target(_ t: FlowTarget) -> String {
            switch t {
            case .step(let id): "langkah \((rows?[id] ?? sop.stepIndex(id)).map { String($0 + 1) } ?? id)"
            case .end: "Selesai"
            case .exit: "Keluar (selesai lebih awal)"
            }
        }
        if step.isRuleOnly { notes.append("Diputuskan menurut data kasus (tanpa pelaksana)") }
        if let decision = step.decision {
            notes += decision.outcomes.map { "\($0.label) \u{2192} \(target($0.next.value))" }
        } else if step.kind != .selesai {
            let next = sop.defaultNext(after: index)
            let following: FlowTarget = index + 1 < sop.steps.count ? .step(sop.steps[index + 1].id) : .end
            if next == .exit {
                notes.append("Prosedur berakhir lebih awal (keluar)")
            } else if next != following {
                notes.append("Lanjut ke \(target(next))")
            }
        }
        if step.mode == .salahSatu, step.performers.count > 1 {
            let names = step.performers.map { ref in sop.performer(ref.value)?.nama ?? ref.value }
            notes.append("Dilaksanakan oleh salah satu: " + names.joined(separator: " / "))
        }
        if let r = step.recurrence {
            let during = (r.during ?? sop.jangkaWaktu)?.raw
            notes.append("Berulang setiap \(r.every.raw)" + (during.map { " selama \($0)" } ?? ""))
        }
        if step.group != nil { notes.append("Satu sesi untuk banyak kasus") }
        keterangan = notes
    }

    /// The Waktu column header: "Waktu", or "Waktu (menit)" when bare numbers in the column have a unit (`satuan_angka`).
    static func waktuHeader(_ sop: SOPDefinition) -> String {
        sop.time.bareNumberUnit.map { "Waktu (\($0.label))" } ?? "Waktu"
    }

    /// A waktu as printed outside the Waktu column: a bare number gets its unit.
    static func waktuText(_ waktu: Waktu, in sop: SOPDefinition) -> String {
        let raw = waktu.raw.trimmingCharacters(in: .whitespaces)
        guard let unit = sop.time.bareNumberUnit, !raw.isEmpty, raw.allSatisfy(\.isNumber) else { return waktu.raw }
        return raw + " " + unit.label
    }

    /// Items of a list cell: one paragraph each, dashed when there are several, a dash when none.
    private static func list(_ items: [String]) -> [String] {
        if items.isEmpty { return ["-"] }
        if items.count == 1 { return items }
        return items.map { "- " + $0 }
    }

    /// The height in CSS pixels the row needs for its text, grid line included, with `columns` widths.
    func textHeight(columns: ProcedureColumns) -> Double {
        let n = columns.performerCount
        let font = DocumentMetrics.fontSize
        func lines(_ paragraphs: [String], column: Int) -> Int {
            paragraphs.reduce(0) { $0 + TextMeasure.lines($1, available: columns.textWidth(column), fontSize: font) }
        }
        let counts = [
            1,
            lines([uraian] + (question.map { [$0] } ?? []), column: 1),
            lines(kelengkapan, column: 2 + n),
            lines([waktu], column: 3 + n),
            lines(output, column: 4 + n),
            lines(keterangan, column: 5 + n),
        ]
        let most = Double(counts.max() ?? 1)
        return (most * DocumentMetrics.lineHeight + 2 * DocumentMetrics.cellPaddingY + 2).rounded(.up)
    }
}
