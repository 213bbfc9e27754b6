/// The frame of `sop diff`'s text output: heading, areas, paths.
public enum DiffMessages: String, MessageGroup {
    case heading, noChanges, identity, performers, steps, pathsHeading, noSuchPath, none, renamed, moved, renamedWith

    public var texts: MessageTexts {
        switch self {
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
