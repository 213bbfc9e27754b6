/// Messages about references and the flow of an SOP (`SOP3xx`): performers, step ids, decisions,
/// reachability, and kelengkapan produced in time.
public enum FlowMessages: String, MessageGroup {
    case performerTwice, stepIDDuplicate, stepIDReserved, unknownPerformer, performerNameNotID, performerListedTwice
    case unknownStep, flowTargets, decisionTooFewOutcomes, outcomeLabelTwice, unreachable, loopNoExit, noPathToEnd, alsoEndsHere
    case kelengkapanNotProduced, kelengkapanNotOnEveryPath, kelengkapanOnlyLater
    case gateNoWayOut, gateNoEffect, noFallback, ruleOnlyNoFallback, secondFallback, fallbackNotLast, relatedNotInFolder, startNotFirst, startKindNotFirst, endWithFlow
    case repeatsWithoutPeriod, attendanceNotKelengkapan, fileNameNotID, nameIsOtherID, nameShared, performerIdle
    case sameRevisionLabel, noRevisionDate, deciderMissing, deciderNotPerformer, deciderNotLast
    case pathThrough, pathWhere, branchChoice, or, thenJoin, atSteps

    public var code: String? {
        switch self {
        case .performerTwice: "SOP301"
        case .stepIDDuplicate: "SOP302"
        case .stepIDReserved: "SOP303"
        case .unknownPerformer, .performerNameNotID, .performerListedTwice: "SOP304"
        case .unknownStep, .flowTargets: "SOP305"
        case .decisionTooFewOutcomes: "SOP306"
        case .outcomeLabelTwice: "SOP307"
        case .unreachable: "SOP308"
        case .loopNoExit: "SOP309"
        case .noPathToEnd, .alsoEndsHere: "SOP310"
        case .kelengkapanNotProduced, .kelengkapanNotOnEveryPath, .kelengkapanOnlyLater: "SOP311"
        case .noFallback: "SOP313"
        case .gateNoWayOut: "SOP340"
        case .gateNoEffect: "SOP341"
        case .ruleOnlyNoFallback: "SOP342"
        case .secondFallback, .fallbackNotLast: "SOP314"
        case .relatedNotInFolder: "SOP315"
        case .startNotFirst, .startKindNotFirst: "SOP316"
        case .repeatsWithoutPeriod: "SOP317"
        case .attendanceNotKelengkapan: "SOP318"
        case .performerIdle: "SOP319"
        case .fileNameNotID: "SOP320"
        case .nameIsOtherID, .nameShared: "SOP321"
        case .sameRevisionLabel: "SOP322"
        case .deciderMissing: "SOP323"
        case .deciderNotPerformer: "SOP324"
        case .deciderNotLast: "SOP325"
        case .endWithFlow: "SOP326"
        default: nil
        }
    }

    public var texts: MessageTexts {
        switch self {
        case .performerTwice: .init(id: "Pelaksana '{performer}' didefinisikan dua kali", en: "performer '{performer}' is defined twice")
        case .stepIDDuplicate: .init(id: "Id langkah '{step}' ditulis dua kali; id langkah harus unik", en: "duplicate step id '{step}'; step ids must be unique")
        case .stepIDReserved: .init(id: "'{step}' tidak dapat menjadi id langkah: kata ini adalah tujuan alur yang dicadangkan '{step}'",
                                    en: "'{step}' cannot be a step id: it is the reserved flow target '{step}'")
        case .unknownPerformer: .init(id: "Pelaksana '{performer}' tidak dikenal di {step}{hint}", en: "unknown performer '{performer}' in {step}{hint}")
        case .performerNameNotID: .init(id: ". Itu nama pelaksana '{performer}': gunakan id-nya", en: "; it is a name of performer '{performer}': use its id")
        case .performerListedTwice: .init(id: "Pelaksana '{performer}' tercantum dua kali di {step}", en: "performer '{performer}' is listed twice in {step}")
        case .unknownStep: .init(id: "Langkah '{target}' tidak dikenal dalam alur {step}{hint}", en: "unknown step '{target}' in the flow of {step}{hint}")
        case .flowTargets: .init(id: "alur menuju id langkah, ke 'selesai' (prosedur tuntas) atau ke 'keluar' (prosedur berhenti lebih awal)",
                                 en: "a flow goes to a step id, to 'selesai' (the procedure completes) or to 'keluar' (it ends early)")
        case .decisionTooFewOutcomes: .init(id: "Keputusan pada {step} memiliki {count} hasil; keputusan memerlukan paling sedikit dua",
                                            en: "the decision of {step} has {count} outcome(s); a decision needs at least two")
        case .outcomeLabelTwice: .init(id: "Keputusan pada {step} memiliki dua hasil berlabel '{label}'", en: "the decision of {step} has two outcomes labelled '{label}'")
        case .unreachable: .init(id: "Langkah '{step}' tidak pernah dapat dicapai dari langkah pertama", en: "step '{step}' can never be reached from the first step")
        case .loopNoExit: .init(id: "Perulangan tanpa jalan keluar: dari langkah '{step}' alur hanya mencapai {steps} dan tidak pernah 'selesai' atau 'keluar'",
                                en: "a loop with no way out: from step '{step}' the flow only reaches {steps} and never 'selesai' or 'keluar'")
        case .noPathToEnd: .init(id: "Tidak ada jalur dari langkah pertama yang mencapai akhir ('selesai'); setiap jalur berakhir dengan 'keluar'{at}",
                                 en: "no path from the first step reaches the end ('selesai'); every path ends with 'keluar'{at}")
        case .alsoEndsHere: .init(id: "juga berhenti lebih awal di sini", en: "also ends early here")
        case .kelengkapanNotProduced: .init(id: "Kelengkapan '{item}' pada langkah '{step}' tidak dihasilkan oleh langkah sebelumnya dan tidak ada dalam persyaratan SOP{more}",
                                            en: "kelengkapan '{item}' of step '{step}' is produced by no step before it and is not in the SOP's persyaratan{more}")
        case .kelengkapanOnlyLater: .init(id: "; kelengkapan ini hanya dihasilkan oleh {steps}, yang tidak dapat mendahuluinya",
                                          en: "; it is produced only by {steps}, which cannot come before")
        case .kelengkapanNotOnEveryPath: .init(id: "Kelengkapan '{item}' pada langkah '{step}' tidak dihasilkan di setiap jalur menuju langkah itu: {branch}, tidak ada langkah sebelumnya yang menghasilkannya (dihasilkan oleh {makers}); kasus yang melalui jalur itu akan terhenti di sini",
                                               en: "kelengkapan '{item}' of step '{step}' is not produced on every path to it: {branch}, no step before it produces it (it is made by {makers}); a case taking that path would stop here")
        case .gateNoWayOut: .init(id: "Keputusan pada {step} memeriksa kelengkapan yang mungkin tidak dimiliki kasus ({names}), tetapi setiap hasilnya memerlukan kelengkapan itu, sehingga kasus yang kekurangan salah satunya tidak dapat dijawab; arahkan satu hasil kembali ke langkah sebelumnya atau akhiri dengan 'keluar', atau tandai 'perlu_kelengkapan: false'",
                                  en: "the decision of {step} checks kelengkapan a case may lack ({names}) but every outcome needs them, so a case missing one cannot be answered; let an outcome lead back to an earlier step or end with 'keluar', or mark it 'perlu_kelengkapan: false'")
        case .gateNoEffect: .init(id: "'perlu_kelengkapan' pada hasil '{label}' di {step} tidak berpengaruh: langkah ini tidak memuat kelengkapan",
                                  en: "'perlu_kelengkapan' on outcome '{label}' of {step} has no effect: the step lists no kelengkapan")
        case .ruleOnlyNoFallback: .init(id: "Keputusan pada {step} diambil hanya menurut aturan (tanpa pelaksana), tetapi tidak ada hasil cadangan (hasil tanpa 'jika'); kasus yang tidak cocok dengan aturan mana pun akan terhenti tanpa ada yang bertindak: tambahkan hasil terakhir tanpa 'jika'",
                                        en: "the decision of {step} is taken by rules alone (it has no pelaksana) but no outcome is the fallback (an outcome without 'jika'); a case matching no rule would stop there with nobody to act: add a last outcome without 'jika'")
        case .noFallback: .init(id: "Keputusan pada {step} diambil berdasarkan aturan, tetapi tidak ada hasil cadangan (hasil tanpa 'jika'); kasus yang tidak cocok dengan aturan mana pun akan terhenti di sana",
                                en: "the decision of {step} is taken by rules but no outcome is the fallback (an outcome without 'jika'); a case matching no rule would stop there")
        case .secondFallback: .init(id: "Keputusan pada {step} diambil berdasarkan aturan, sehingga hanya satu hasil boleh tanpa 'jika' (hasil cadangan); '{label}' adalah yang kedua",
                                    en: "the decision of {step} is taken by rules, so only one outcome may go without 'jika' (the fallback); '{label}' is a second")
        case .fallbackNotLast: .init(id: "Hasil cadangan '{label}' pada {step} bukan yang terakhir; hasil sesudahnya tidak akan pernah diambil",
                                     en: "the fallback outcome '{label}' of {step} is not last; outcomes after it can never be taken")
        case .relatedNotInFolder: .init(id: "Keterkaitan menyebut SOP '{sop}', yang tidak ada di folder ini{hint}", en: "keterkaitan names SOP '{sop}', which is not in this folder{hint}")
        case .startNotFirst: .init(id: "{Step} memuat 'mulai: true', tetapi hanya langkah pertama yang boleh memuat terminator mulai",
                                   en: "{step} has 'mulai: true' but only the first step can carry the start terminator")
        case .startKindNotFirst: .init(id: "{Step} adalah terminator mulai (jenis mulai), tetapi bukan langkah pertama",
                                       en: "{step} is a start terminator (jenis mulai) but is not the first step")
        case .endWithFlow: .init(id: "{Step} mengakhiri prosedur ({end}), tetapi alurnya berlanjut ke langkah '{target}'; hapus '{end}' atau 'lanjut'",
                                 en: "{step} ends the procedure ({end}) but its flow goes on to step '{target}'; remove '{end}' or the 'lanjut'")
        case .repeatsWithoutPeriod: .init(id: "{Step} berulang, tetapi baik 'selama' maupun 'jangka_waktu' SOP tidak menyebut berapa lama",
                                          en: "{step} repeats but neither its 'selama' nor the SOP's 'jangka_waktu' says for how long")
        case .attendanceNotKelengkapan: .init(id: "Kehadiran '{attendance}' pada {step} bukan salah satu kelengkapannya{hint}",
                                              en: "the kehadiran '{attendance}' of {step} is not one of its kelengkapan{hint}")
        case .fileNameNotID: .init(id: "Id SOP adalah '{id}', tetapi nama berkasnya '{stem}'; keterkaitan mencari SOP berdasarkan id, jadi beri nama berkas '{id}.yaml'",
                                   en: "the SOP's id is '{id}' but the file is named '{stem}'; keterkaitan finds SOPs by id, so name the file '{id}.yaml'")
        case .nameIsOtherID: .init(id: "Nama '{name}' pada pelaksana '{performer}' adalah id pelaksana '{other}'; --as {name} berarti '{other}'",
                                   en: "the name '{name}' of performer '{performer}' is the id of performer '{other}'; --as {name} means '{other}'")
        case .nameShared: .init(id: "Nama '{name}' dipakai oleh pelaksana '{other}' dan '{performer}'; --as {name} menjadi taksa",
                                en: "the name '{name}' is used by performers '{other}' and '{performer}'; --as {name} would be ambiguous")
        case .performerIdle: .init(id: "Pelaksana '{performer}' tidak melaksanakan langkah apa pun; kolomnya akan kosong",
                                   en: "performer '{performer}' performs no step; its column would stay empty")
        case .sameRevisionLabel: .init(id: "Definisi '{sop}' ini berbeda dari definisi sebelumnya, tetapi nomornya tetap '{nomor}' dan tanggal revisinya {revisi}; beri tanggal revisi (tanggal.revisi) agar keduanya dapat dibedakan",
                                       en: "this definition of '{sop}' differs from an earlier one but keeps its nomor '{nomor}' and tanggal revisi {revisi}; date the revision (tanggal.revisi) so the two can be told apart")
        case .noRevisionDate: .init(id: "(tidak ada)", en: "(none)")
        case .deciderMissing: .init(id: "Keputusan pada {step} memiliki {count} pelaksana ({performers}), tetapi tidak menyebut siapa yang memutuskan; tambahkan 'oleh: <pelaksana>' di bawah 'keputusan' (yang lain memaraf tanpa menjawab)",
                                    en: "the decision of {step} has {count} performers ({performers}) but does not say who decides; add 'oleh: <performer>' under 'keputusan' (the others sign off without answering)")
        case .deciderNotPerformer: .init(id: "'oleh: {decider}' pada {step} bukan salah satu pelaksananya ({performers}){hint}",
                                         en: "'oleh: {decider}' of {step} is not one of its performers ({performers}){hint}")
        case .deciderNotLast: .init(id: "{Step} dilaksanakan berurutan dan diputuskan oleh '{decider}', yang menjawab ketika langkah selesai: tempatkan '{decider}' paling akhir di 'pelaksana' (sekarang '{last}' yang terakhir)",
                                    en: "{step} is done in order (berurutan) and decided by '{decider}', who answers when the step completes: list '{decider}' last in 'pelaksana' (now '{last}' is last)")
        case .pathThrough: .init(id: "pada jalur {steps}", en: "on the path {steps}")
        case .pathWhere: .init(id: "pada jalur ketika {choices}", en: "on the path where {choices}")
        case .branchChoice: .init(id: "langkah '{step}' menuju {labels}", en: "step '{step}' goes {labels}")
        case .atSteps: .init(id: ", di langkah {steps}", en: ", at step {steps}")
        case .or: .init(id: " atau ", en: " or ")
        case .thenJoin: .init(id: ", lalu ", en: ", then ")
        }
    }
}
