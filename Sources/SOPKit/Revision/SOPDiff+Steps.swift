extension SOPDiff {
    static func stepChanges(_ a: SOPDefinition, _ b: SOPDefinition, _ matching: StepMatching) -> [Change] {
        var out: [Change] = []
        let survivors = Set(matching.mapping.values)
        for (i, step) in a.steps.enumerated() where matching.mapping[step.id] == nil {
            out.append(Change(area: "step", kind: "removed", subject: "step '\(step.id)'", before: "\(i + 1). \(step.uraian)", after: nil,
                              subjectText: DiffMessages.step(["id": .text(step.id), "field": ""])))
        }
        for (i, step) in b.steps.enumerated() where !survivors.contains(step.id) {
            out.append(Change(area: "step", kind: "added", subject: "step '\(step.id)'", before: nil, after: "\(i + 1). \(step.uraian)",
                              subjectText: DiffMessages.step(["id": .text(step.id), "field": ""])))
        }
        // Moved: matched steps whose order relative to the other matched steps changed.
        let order = a.steps.compactMap { s in matching.mapping[s.id].flatMap { b.stepIndex($0) }.map { (s.id, $0) } }
        let stay = Set(longestIncreasing(order.map(\.1)).map { order[$0].0 })
        for (id, newIndex) in order where !stay.contains(id) {
            let oldIndex = (a.stepIndex(id) ?? 0) + 1
            out.append(Change(area: "step", kind: "moved", subject: "step '\(id)'", before: "position \(oldIndex)", after: "position \(newIndex + 1)",
                              subjectText: DiffMessages.step(["id": .text(id), "field": ""]),
                              beforeText: DiffMessages.position(["n": .number(oldIndex)]), afterText: DiffMessages.position(["n": .number(newIndex + 1)])))
        }
        for step in a.steps {
            guard let newID = matching.mapping[step.id], let other = b.step(newID) else { continue }
            if matching.renamed.contains(step.id) {
                out.append(Change(area: "step", kind: "renamed", subject: "step '\(step.id)'", before: step.id, after: newID,
                                  note: "matched by content", subjectText: DiffMessages.step(["id": .text(step.id), "field": ""]),
                                  noteText: DiffMessages.matchedByContent()))
            }
            out += fieldChanges(step, other, a, b, matching)
        }
        return out
    }

    private static func fieldChanges(_ x: Step, _ y: Step, _ a: SOPDefinition, _ b: SOPDefinition, _ matching: StepMatching) -> [Change] {
        var out: [Change] = []
        let name = "step '\(y.id)'"
        // The field is a key of the file, the same in both languages, unless a phrase is given.
        func text(_ field: String, _ phrase: Message? = nil) -> Message {
            DiffMessages.step(["id": .text(y.id), "field": phrase.map { .message($0) } ?? .text(" " + field)])
        }
        func change(_ field: String, _ before: String?, _ after: String?, note: String? = nil, noteText: Message? = nil, phrase: Message? = nil,
                    beforeText: Message? = nil) {
            if before != after {
                out.append(Change(area: "step", kind: "changed", subject: "\(name) \(field)", before: before, after: after, note: note,
                                  subjectText: text(field, phrase), noteText: noteText, beforeText: beforeText))
            }
        }
        func list(_ field: String, _ before: [String], _ after: [String]) {
            for item in before where !after.contains(item) {
                out.append(Change(area: "step", kind: "removed", subject: "\(name) \(field)", before: item, after: nil, subjectText: text(field)))
            }
            for item in after where !before.contains(item) {
                out.append(Change(area: "step", kind: "added", subject: "\(name) \(field)", before: nil, after: item, subjectText: text(field)))
            }
        }
        change("uraian", x.uraian, y.uraian)
        change("jenis", x.kind.rawValue, y.kind.rawValue)
        change("mulai", String(x.mergedStart), String(y.mergedStart))
        change("selesai", String(x.mergedEnd), String(y.mergedEnd))
        list("pelaksana", x.performers.map(\.value), y.performers.map(\.value))
        if x.performers.count > 1 || y.performers.count > 1 { change("mode", x.mode.rawValue, y.mode.rawValue) }
        list("kelengkapan", x.kelengkapan.map(\.value), y.kelengkapan.map(\.value))
        let before = x.waktu?.deadline?.minutes(), after = y.waktu?.deadline?.minutes()
        var note: String?, noteText: Message?
        if let before, let after, before != after {
            let delta = after - before
            note = "standard \(delta > 0 ? "+" : "-")\(CaseReport.duration(abs(delta)))"
            noteText = DiffMessages.standardDelta(["delta": .text("\(delta > 0 ? "+" : "-")\(CaseReport.duration(abs(delta)))")])
        }
        change("waktu", x.waktu?.raw, y.waktu?.raw, note: note, noteText: noteText)
        list("output", x.output.map(\.value), y.output.map(\.value))
        change("keterangan", x.keterangan, y.keterangan)
        func target(_ t: FlowTarget, mapped: Bool) -> String {
            if case .step(let id) = t { return mapped ? (matching.mapping[id] ?? "\(id) (removed)") : id }
            return t.description
        }
        /// A target of the old SOP whose step the revision removed, for a person; nil otherwise.
        func removedTarget(_ t: FlowTarget) -> Message? {
            if case .step(let id) = t, matching.mapping[id] == nil { return DiffMessages.removedTarget(["id": .text(id)]) }
            return nil
        }
        if x.decision == nil, y.decision == nil, let xi = a.stepIndex(x.id), let yi = b.stepIndex(y.id) {
            change("lanjut", target(a.defaultNext(after: xi), mapped: true), target(b.defaultNext(after: yi), mapped: false),
                   beforeText: removedTarget(a.defaultNext(after: xi)))
        }
        change("keputusan", x.decision?.question, y.decision?.question)
        change("keputusan oleh", x.decision?.decider?.value, y.decision?.decider?.value)
        let xo = x.decision?.outcomes ?? [], yo = y.decision?.outcomes ?? []
        for o in xo {
            guard let p = yo.first(where: { $0.label.lowercased() == o.label.lowercased() }) else {
                out.append(Change(area: "step", kind: "removed", subject: "\(name) outcome", before: "\(o.label) → \(o.next.value)", after: nil,
                                  subjectText: text("outcome", DiffMessages.outcome())))
                continue
            }
            change("outcome '\(o.label)'", target(o.next.value, mapped: true), target(p.next.value, mapped: false),
                   phrase: DiffMessages.outcomeLabel(["label": .text(o.label)]), beforeText: removedTarget(o.next.value))
            change("outcome '\(o.label)' rule", o.rule?.value.source, p.rule?.value.source, phrase: DiffMessages.outcomeRule(["label": .text(o.label)]))
        }
        for p in yo where !xo.contains(where: { $0.label.lowercased() == p.label.lowercased() }) {
            out.append(Change(area: "step", kind: "added", subject: "\(name) outcome", before: nil, after: "\(p.label) → \(p.next.value)",
                              subjectText: text("outcome", DiffMessages.outcome())))
        }
        change("berulang", x.recurrence.map { "setiap \($0.every.raw)" + ($0.during.map { " selama \($0.raw)" } ?? "") },
               y.recurrence.map { "setiap \($0.every.raw)" + ($0.during.map { " selama \($0.raw)" } ?? "") })
        change("kelompok", x.group.map { "kehadiran: \($0.attendance?.value ?? "-")" }, y.group.map { "kehadiran: \($0.attendance?.value ?? "-")" })
        return out
    }

    /// Indices of a longest strictly increasing subsequence.
    static func longestIncreasing(_ values: [Int]) -> [Int] {
        guard !values.isEmpty else { return [] }
        var length = [Int](repeating: 1, count: values.count)
        var previous = [Int](repeating: -1, count: values.count)
        for i in values.indices {
            for j in 0..<i where values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var i = length.indices.max { length[$0] < length[$1] } ?? 0
        var result: [Int] = []
        while i >= 0 {
            result.append(i)
            i = previous[i]
        }
        return result.reversed()
    }
}
