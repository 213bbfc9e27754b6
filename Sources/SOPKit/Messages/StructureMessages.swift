/// Messages about the shape of an SOP file (`SOP2xx`): keys, values, ids, and the logo; and the
/// phrases naming the part of the file a message is about.
public enum StructureMessages: String, MessageGroup {
    case unknownKey, requiredEmpty, requiredMissing, notMapping, topNotMapping, notScalar, itemNotScalar, itemEmpty
    case notList, performersNotList, caseDataNotMapping, stepsNotList, outcomesNotList
    case invalidID, invalidFieldName, booleanQuoted, booleanInvalid, invalidValue
    case noSteps, decisionWithoutKeputusan, noPerformer, noPerformerDecision, keputusanOnNonDecision, decisionWithLanjut
    case choiceTooFew, choicesOnNonChoice
    case logoURL, logoNotRelative, logoMissing, logoUnreadable, logoTooLarge, logoLarger, logoNotImage, logoUnsafeSVG
    // Phrases naming where a message is.
    case whereQuotedKey, whereRelated, wherePerformer, whereCaseField, whereDecision, whereOutcome, whereDocumentItem, whereRecurrence, whereGroup

    public var code: String? {
        switch self {
        case .unknownKey: "SOP201"
        case .requiredEmpty, .requiredMissing, .noSteps, .decisionWithoutKeputusan, .noPerformer, .noPerformerDecision: "SOP202"
        case .notMapping, .topNotMapping, .notScalar, .itemNotScalar, .itemEmpty, .notList, .performersNotList, .caseDataNotMapping,
             .stepsNotList, .outcomesNotList: "SOP203"
        case .invalidID, .invalidFieldName: "SOP204"
        case .booleanQuoted, .booleanInvalid: "SOP205"
        case .invalidValue: "SOP206"
        case .keputusanOnNonDecision: "SOP207"
        case .decisionWithLanjut: "SOP208"
        case .choiceTooFew, .choicesOnNonChoice: "SOP209"
        case .logoURL: "SOP230"
        case .logoNotRelative: "SOP231"
        case .logoMissing, .logoUnreadable: "SOP232"
        case .logoTooLarge, .logoLarger: "SOP233"
        case .logoNotImage: "SOP234"
        case .logoUnsafeSVG: "SOP235"
        default: nil
        }
    }

    public var texts: MessageTexts {
        switch self {
        case .unknownKey: .init(id: "Kunci '{key}' tidak dikenal di {what}{hint}", en: "unknown key '{key}' in {what}{hint}")
        case .requiredEmpty: .init(id: "'{key}' di {what} kosong; kunci ini wajib diisi ({summary})",
                                   en: "'{key}' in {what} is empty; it is required ({summary})")
        case .requiredMissing: .init(id: "{What} tidak memuat '{key}'; kunci ini wajib diisi ({summary})",
                                     en: "{what} has no '{key}'; it is required ({summary})")
        case .notMapping: .init(id: "{What} harus berupa pemetaan kunci ({keys}, ...), bukan {kind}",
                                en: "{what} must be a mapping of keys ({keys}, ...), not {kind}")
        case .topNotMapping: .init(id: "Bagian teratas berkas SOP harus berupa pemetaan kunci (id, nama, unit, pelaksana, langkah, ...), bukan {kind}",
                                   en: "the top of an SOP file must be a mapping of keys (id, nama, unit, pelaksana, langkah, ...), not {kind}")
        case .notScalar: .init(id: "'{key}' harus satu nilai, bukan {kind}", en: "'{key}' must be a single value, not {kind}")
        case .itemNotScalar: .init(id: "Setiap butir '{key}' harus satu nilai, bukan {kind}", en: "each item of '{key}' must be a single value, not {kind}")
        case .itemEmpty: .init(id: "Ada butir '{key}' yang kosong", en: "an item of '{key}' is empty")
        case .notList: .init(id: "'{key}' harus berupa daftar, bukan {kind}", en: "'{key}' must be a list, not {kind}")
        case .performersNotList: .init(id: "'pelaksana' harus berupa daftar pelaksana, bukan {kind}", en: "'pelaksana' must be a list of performers, not {kind}")
        case .caseDataNotMapping: .init(id: "'data_kasus' harus berupa pemetaan dari nama data ke {tipe, ...}, bukan {kind}",
                                        en: "'data_kasus' must be a mapping from field names to {tipe, ...}, not {kind}")
        case .stepsNotList: .init(id: "'langkah' harus berupa daftar langkah, bukan {kind}", en: "'langkah' must be a list of steps, not {kind}")
        case .outcomesNotList: .init(id: "'hasil' harus berupa daftar hasil ({label, lanjut}), bukan {kind}",
                                     en: "'hasil' must be a list of outcomes ({label, lanjut}), not {kind}")
        case .invalidID: .init(id: "'{value}' bukan id yang sah untuk '{key}'; gunakan huruf kecil, angka, '-' dan '_'",
                               en: "'{value}' is not a valid id for '{key}'; use lower-case letters, digits, '-' and '_'")
        case .invalidFieldName: .init(id: "'{name}' bukan nama data kasus yang sah; gunakan huruf kecil, angka dan '_'",
                                      en: "'{name}' is not a valid case field name; use lower-case letters, digits and '_'")
        case .booleanQuoted: .init(id: "'{key}' harus true atau false, bukan teks berkutip '{value}'",
                                   en: "'{key}' must be true or false, not the quoted text '{value}'")
        case .booleanInvalid: .init(id: "'{key}': {problem}", en: "'{key}': {problem}")
        case .invalidValue: .init(id: "'{value}' bukan nilai yang sah untuk '{key}'{hint}", en: "'{value}' is not a valid value for '{key}'{hint}")
        case .noSteps: .init(id: "'langkah' tidak memuat satu langkah pun; SOP memiliki paling sedikit satu langkah",
                             en: "'langkah' lists no steps; an SOP has at least one")
        case .decisionWithoutKeputusan: .init(id: "{Step} berjenis keputusan tetapi tidak memuat 'keputusan' (pertanyaan dan hasil)",
                                              en: "{step} is a keputusan but has no 'keputusan' (pertanyaan and hasil)")
        case .noPerformer: .init(id: "{Step} tidak memuat 'pelaksana'; sebutkan siapa yang melaksanakannya",
                                 en: "{step} has no 'pelaksana'; name who performs it")
        case .noPerformerDecision: .init(id: "{Step} tidak memuat 'pelaksana'; sebutkan siapa yang memutuskannya (keputusan tanpa pelaksana diambil menurut aturan: berikan 'jika' pada hasilnya)",
                                         en: "{step} has no 'pelaksana'; name who performs it (a decision with no pelaksana is taken by rules: give its outcomes 'jika')")
        case .keputusanOnNonDecision: .init(id: "{Step} memuat 'keputusan' tetapi jenisnya '{kind}'; keputusan berjenis keputusan",
                                            en: "{step} has 'keputusan' but jenis is '{kind}'; a decision has jenis keputusan")
        case .decisionWithLanjut: .init(id: "{Step} adalah keputusan: alurnya ditentukan oleh 'lanjut' pada setiap hasil, bukan oleh 'lanjut'",
                                        en: "{step} is a decision: its flow is given by the 'lanjut' of each outcome, not by 'lanjut'")
        case .choiceTooFew: .init(id: "Data kasus '{name}' bertipe pilihan tetapi hanya memuat {count} pilihan di 'pilihan'; berikan paling sedikit dua",
                                  en: "case field '{name}' is a pilihan but lists {count} choice(s) in 'pilihan'; give at least two")
        case .choicesOnNonChoice: .init(id: "'pilihan' hanya dipakai oleh data bertipe pilihan; data kasus '{name}' bertipe {type}",
                                        en: "'pilihan' is only used by fields of tipe pilihan; case field '{name}' is {type}")
        case .logoURL: .init(id: "Logo '{logo}' adalah URL; berikan path berkas PNG, JPEG atau SVG di samping SOP (tidak ada yang diunduh)",
                             en: "logo '{logo}' is a URL; give the path of a PNG, JPEG or SVG file beside the SOP (nothing is fetched)")
        case .logoNotRelative: .init(id: "Logo '{logo}' harus berupa path relatif di dalam folder SOP, agar logo ikut berpindah bersama SOP",
                                     en: "logo '{logo}' must be a relative path inside the SOP's folder, so the logo travels with the SOP")
        case .logoMissing: .init(id: "Logo '{logo}' tidak ada di samping SOP (dicari di {path})", en: "logo '{logo}' does not exist beside the SOP (looked for {path})")
        case .logoUnreadable: .init(id: "Logo '{logo}' tidak dapat dibaca", en: "logo '{logo}' cannot be read")
        case .logoTooLarge: .init(id: "Logo '{logo}' berukuran {size} KiB; batasnya {limit} KiB (perkecil gambarnya)",
                                  en: "logo '{logo}' is {size} KiB; the limit is {limit} KiB (scale it down)")
        case .logoLarger: .init(id: "Logo '{logo}' lebih besar dari {limit} KiB (perkecil gambarnya)", en: "logo '{logo}' is larger than {limit} KiB (scale it down)")
        case .logoNotImage: .init(id: "Logo '{logo}' bukan gambar PNG, JPEG atau SVG", en: "logo '{logo}' is not a PNG, JPEG or SVG image")
        case .logoUnsafeSVG: .init(id: "Logo '{logo}' adalah SVG yang menjalankan skrip atau mengambil dari tempat lain ('{found}'); simpan sebagai gambar biasa",
                                   en: "logo '{logo}' is an SVG that runs a script or fetches from elsewhere ('{found}'); save it as a plain drawing")
        case .whereQuotedKey: .init(id: "'{key}'", en: "'{key}'")
        case .whereRelated: .init(id: "butir keterkaitan", en: "a keterkaitan entry")
        case .wherePerformer: .init(id: "butir pelaksana", en: "a pelaksana entry")
        case .whereCaseField: .init(id: "data kasus '{name}'", en: "case field '{name}'")
        case .whereDecision: .init(id: "keputusan pada {step}", en: "the keputusan of {step}")
        case .whereDocumentItem: .init(id: "butir '{key}'", en: "an item of '{key}'")
        case .whereOutcome: .init(id: "hasil keputusan pada {step}", en: "an outcome (hasil) of {step}")
        case .whereRecurrence: .init(id: "'berulang' pada {step}", en: "'berulang' of {step}")
        case .whereGroup: .init(id: "'kelompok' pada {step}", en: "'kelompok' of {step}")
        }
    }
}

extension StructureMessages {
    /// `'key'`, quoted the same in both languages (a key of the file).
    public static func quotedKey(_ key: String) -> Message { whereQuotedKey(["key": .text(key)]) }
}
