/// Messages of the case journal: conflicts, damage, refusals recorded around a case.
public enum JournalMessages: String, MessageGroup {
    case conflict, unknownCase, corrupt, damaged

    public var texts: MessageTexts {
        switch self {
        case .conflict: .init(id: "Kasus {case} berubah selama perintah ini berjalan (semula versi {expected}, sekarang {found}); tidak ada yang ditulis: lihat kembali kasusnya lalu ulangi",
                              en: "case {case} changed while this command was running (it was at version {expected}, it is now at {found}); nothing was written: look at the case again and retry")
        case .unknownCase: .init(id: "Tidak ada kasus '{case}' di basis data ini", en: "no case '{case}' in this database")
        case .corrupt: .init(id: "Jurnal memuat data yang tidak dapat dibaca versi ini: {why}", en: "the journal holds data this version cannot read: {why}")
        case .damaged: .init(id: "Jurnal '{path}' rusak ({problems}), sehingga tidak ada yang ditulis ke dalamnya: pulihkan cadangan terakhir; `sop journal export --db '{path}'` menyimpan yang masih terbaca, `sop journal check --db '{path}'` mendaftar kerusakannya",
                             en: "the journal '{path}' is damaged ({problems}), so nothing was written to it: restore the last backup; `sop journal export --db '{path}'` saves what is still readable, `sop journal check --db '{path}'` lists the damage")
        }
    }
}
