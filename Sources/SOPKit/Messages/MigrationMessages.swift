/// Why `sop migrate` leaves a case as it is on the target server.
public enum MigrationMessages: String, MessageGroup {
    case keyUsedForCommand, otherContents, otherDefinition, keyRecordsOther, keyUsedForCase, auditDiffers, changedDuringUpdate

    public var texts: MessageTexts {
        switch self {
        case .keyUsedForCommand: .init(id: "kunci idempotensinya '{key}' sudah dipakai di tujuan untuk perintah lain",
                                       en: "its idempotency key '{key}' is used on the target for another command")
        case .otherContents: .init(id: "tujuan sudah memuat kasus {case} dengan isi lain ({events} kejadian, dibuka pada {sop})",
                                   en: "the target has a case {case} with other contents ({events} events, opened on {sop})")
        case .otherDefinition: .init(id: "kasus {case} di tujuan memuat kejadian yang sama, tetapi definisi atau statusnya lain",
                                     en: "the target's case {case} has the same events but another definition or status")
        case .keyRecordsOther: .init(id: "kunci idempotensinya '{key}' mencatat perintah lain di tujuan",
                                     en: "its idempotency key '{key}' records another command on the target")
        case .keyUsedForCase: .init(id: "kunci idempotensinya '{key}' sudah dipakai di tujuan untuk kasus lain",
                                    en: "its idempotency key '{key}' is used on the target for another case")
        case .auditDiffers: .init(id: "jejak auditnya berbeda di tujuan setelah catatan ke-{entry} (di sana ada '{change}' yang tidak ada di sumber)",
                                  en: "its audit trail differs on the target after entry {entry} (a '{change}' there that the source does not have)")
        case .changedDuringUpdate: .init(id: "kasus ini berubah di tujuan ketika sedang diperbarui", en: "it changed on the target while it was being updated")
        }
    }
}
