/// The frame of `sop diff`'s text output: heading, areas, paths.
public enum DiffMessages: String, MessageGroup {
    case step, performer, columnOrder, matchedByContent, standardDelta, outcome, outcomeLabel, outcomeRule, heading, noChanges, identity, performers, steps, pathsHeading, noSuchPath, none, renamed, moved, renamedWith, position, removedTarget, noValue, noDecisions

    public var texts: MessageTexts {
        switch self {
        case .step: .init(id: "langkah '{id}'{field}", en: "step '{id}'{field}")
        case .position: .init(id: "urutan {n}", en: "position {n}")
        case .removedTarget: .init(id: "{id} (dihapus)", en: "{id} (removed)")
        case .noDecisions: .init(id: "(tanpa keputusan)", en: "(no decisions)")
        case .noValue: .init(id: "(tidak ada)", en: "(none)")
        case .performer: .init(id: "pelaksana '{id}'{field}", en: "performer '{id}'{field}")
        case .columnOrder: .init(id: "urutan kolom", en: "column order")
        case .matchedByContent: .init(id: "dicocokkan menurut isi", en: "matched by content")
        case .standardDelta: .init(id: "waktu baku {delta}", en: "standard {delta}")
        case .outcome: .init(id: " hasil", en: " outcome")
        case .outcomeLabel: .init(id: " hasil '{label}'", en: " outcome '{label}'")
        case .outcomeRule: .init(id: " aturan hasil '{label}'", en: " outcome '{label}' rule")
        case .heading: .init(id: "sop diff {sop}: revisi {before} → {after}", en: "sop diff {sop}: revisi {before} → {after}")
        case .noChanges: .init(id: "tidak ada perubahan", en: "no changes")
        case .identity: .init(id: "identitas:", en: "identity:")
        case .performers: .init(id: "pelaksana:", en: "performers:")
        case .steps: .init(id: "langkah:", en: "steps:")
        case .pathsHeading: .init(id: "jumlah waktu baku per jalur:", en: "total standard time per path:")
        case .noSuchPath: .init(id: "(jalur tidak ada)", en: "(no such path)")
        case .none: .init(id: "(tidak ada)", en: "(none)")
        case .renamed: .init(id: "(ganti nama)", en: "(renamed)")
        case .moved: .init(id: "(dipindah)", en: "(moved)")
        case .renamedWith: .init(id: "(ganti nama, {note})", en: "(renamed, {note})")
        }
    }
}
