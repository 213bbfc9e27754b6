/// The plan `sop case migrate` prints for each case: where it is, where it will be, and why it is
/// refused when it cannot move to the revised SOP.
public enum CaseMigrationMessages: String, MessageGroup {
    case runsOtherSOP, caseEnded, mapNoStep, stepGone, sameContent, giveMap, missingKelengkapan, ended, ready, renames, unchanged, refused, reasons

    public var texts: MessageTexts {
        switch self {
        case .runsOtherSOP: .init(id: "kasus ini menjalankan SOP '{current}', bukan '{target}'", en: "the case runs SOP '{current}', not '{target}'")
        case .caseEnded: .init(id: "kasus sudah berakhir ({status}); hanya kasus berjalan yang dipindahkan", en: "the case has ended ({status}); only running cases move")
        case .mapNoStep: .init(id: "--map {old}={new}: revisi tidak memuat langkah '{new}'{hint}", en: "--map {old}={new}: the revision has no step '{new}'{hint}")
        case .stepGone: .init(id: "langkahnya saat ini '{step}' tidak ada lagi di revisi{advice}", en: "its current step '{step}' no longer exists in the revision{advice}")
        case .sameContent: .init(id: "; revisi memuat '{match}' dengan isi yang sama: berikan --map {step}={match}",
                                 en: "; the revision has '{match}' with the same content: give --map {step}={match}")
        case .giveMap: .init(id: "; berikan --map {step}=LANGKAH", en: "; give --map {step}=STEP")
        case .missingKelengkapan: .init(id: "dokumennya tidak lagi memenuhi kelengkapan '{step}' di revisi: kurang {documents}",
                                        en: "its documents no longer satisfy the kelengkapan of '{step}' in the revision: missing {documents}")
        case .ended: .init(id: "sudah berakhir", en: "ended")
        case .ready: .init(id: "{case}: di {at}: siap{renames}", en: "{case}: at {at}: ready{renames}")
        case .renames: .init(id: "; mengganti nama {renames}", en: "; renames {renames}")
        case .unchanged: .init(id: "{case}: sudah memakai revisi ini", en: "{case}: already on this revision")
        case .reasons: .init(id: "{list}", en: "{list}")
        case .refused: .init(id: "{case}: di {at}: ditolak: {reason}", en: "{case}: at {at}: refused: {reason}")
        }
    }
}
