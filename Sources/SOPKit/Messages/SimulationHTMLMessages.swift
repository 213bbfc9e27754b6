/// The texts of `sop simulate --format html` (the report or a comparison as one page). Values
/// given as `<code>`/`<b>` markup are escaped by the page before they are put in.
public enum SimulationHTMLMessages: String, MessageGroup {
    case title, comparisonTitle, comparisonIntro, onTimePerStep, utilisationPerRole, baseHeading, revisedHeading
    case thStep, thStandard, thOnTime, thWaitP50, thWaitP90, thRole, thStaff, thUtilisation
    case casesLine, bottleneckLine, intervalsNote

    public var texts: MessageTexts {
        switch self {
        case .title: .init(id: "Simulasi {sop}", en: "Simulation of {sop}")
        case .comparisonTitle: .init(id: "Simulasi: perbandingan", en: "Simulation: comparison")
        case .comparisonIntro: .init(id: "Dasar: {base}. Revisi: {revised}. Deret acak yang sama.", en: "Base: {base}. Revised: {revised}. Same random streams.")
        case .onTimePerStep: .init(id: "Bagian tepat waktu per langkah", en: "Share on time per step")
        case .utilisationPerRole: .init(id: "Utilisasi per peran", en: "Utilisation per role")
        case .baseHeading: .init(id: "Dasar", en: "Base")
        case .revisedHeading: .init(id: "Revisi", en: "Revised")
        case .thStep: .init(id: "Langkah", en: "Step")
        case .thStandard: .init(id: "Waktu baku", en: "Standard")
        case .thOnTime: .init(id: "Tepat waktu", en: "On time")
        case .thWaitP50: .init(id: "Antre p50", en: "Wait p50")
        case .thWaitP90: .init(id: "Antre p90", en: "Wait p90")
        case .thRole: .init(id: "Peran", en: "Role")
        case .thStaff: .init(id: "Staf", en: "Staff")
        case .thUtilisation: .init(id: "Utilisasi", en: "Utilisation")
        case .casesLine: .init(id: "Kasus selesai tepat waktu: {share}{jangka}. Lama penyelesaian p50 {p50}, p90 {p90}, terlama {worst}.",
                               en: "Cases ended in time: {share}{jangka}. Lead time p50 {p50}, p90 {p90}, worst {worst}.")
        case .bottleneckLine: .init(id: "Hambatan: {role}.", en: "Bottleneck: {role}.")
        case .intervalsNote: .init(id: "Rentang: persentil ke-5 sampai ke-95 atas {runs} putaran. Antre dalam waktu kerja (hr = 7,5 jam).",
                                   en: "Intervals: 5th to 95th percentile over {runs} runs. Waiting in working time (d = 7.5 h).")
        }
    }
}
