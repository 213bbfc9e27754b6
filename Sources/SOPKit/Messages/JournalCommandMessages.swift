/// What the journal commands print for a person (`journal check/verify/rebuild/export`, `migrate`,
/// `--db`) and their refusals. Counts are written with the language's separators.
public enum JournalCommandMessages: String, MessageGroup {
    case damaged, unreadable, casesRead, casesReadUnreadable, sound, isDamaged, notAJournalFile, exportLeftOut
    case rebuiltUnreadable, rebuilt, verifyCounts, verifyErased, head, altered, everyChainHolds
    case toNotPostgres, fromNotSQLite, fromMissing, fromEmpty, from, to, nothingLost, definitionsCopied, casesCopied, casesUpdated
    case casesAhead, casesRefused, otherAudit, verified, checksumBoth, verificationFailed, sourceButTarget, checksumDiffers, caseNotCopied
    case progressRefused, progressCopied, progressUpdated, progressCompleted

    public var texts: MessageTexts {
        switch self {
        case .damaged: .init(id: "rusak: {problem}", en: "damaged: {problem}")
        case .unreadable: .init(id: "tidak terbaca: {case}: {reason}", en: "unreadable: {case}: {reason}")
        case .casesRead: .init(id: "{n} kasus terbaca", en: "{n} case(s) read")
        case .casesReadUnreadable: .init(id: "{n} kasus terbaca, {unreadable} tidak terbaca", en: "{n} case(s) read, {unreadable} unreadable")
        case .sound: .init(id: "jurnal dalam keadaan baik", en: "the journal is sound")
        case .isDamaged: .init(id: "sop: jurnal '{journal}' rusak: pulihkan cadangan terakhir; `sop journal export` menyimpan yang masih terbaca",
                               en: "sop: the journal '{journal}' is damaged: restore the last backup; `sop journal export` saves what is still readable")
        case .notAJournalFile: .init(id: "sop: jurnal '{path}' {reason}; berikan berkas jurnal dengan --db", en: "sop: the journal '{path}' {reason}; give the journal file with --db")
        case .exportLeftOut: .init(id: "sop: {n} kasus tidak dapat dibaca; yang lain sudah diekspor", en: "sop: {n} case(s) could not be read; the others were exported")
        case .rebuiltUnreadable: .init(id: "tidak terbaca: {case} (tidak ada baris model baca; pembaca menghitungnya dari kejadian dan menyebutnya)",
                                       en: "unreadable: {case} (no read model row; readers fold it and name it)")
        case .rebuilt: .init(id: "{n} kasus dibangun ulang", en: "{n} case(s) rebuilt")
        case .verifyCounts: .init(id: "{cases} kasus dengan {events} kejadian, {audit} baris audit, {definitions} definisi tersimpan, {calendars} revisi kalender tersimpan",
                                  en: "{cases} case(s) with {events} event(s), {audit} audit row(s), {definitions} stored definition(s), {calendars} stored calendar revision(s)")
        case .verifyErased: .init(id: "; {n} muatan terhapus masih terantai oleh hash-nya", en: "; {n} erased payload(s) still chained by their hash")
        case .head: .init(id: "ujung: {hash}", en: "head: {hash}")
        case .altered: .init(id: "sop: jurnal telah diubah: {where}", en: "sop: the journal was altered: {where}")
        case .everyChainHolds: .init(id: "setiap rantai utuh", en: "every chain holds")
        case .toNotPostgres: .init(id: "--to harus URL PostgreSQL (postgres://USER@HOST:PORT/DATABASE), bukan '{to}'",
                                   en: "--to must be a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE), not '{to}'")
        case .fromNotSQLite: .init(id: "--from harus berkas jurnal SQLite; menyalin antara dua basis data PostgreSQL adalah tugas pg_dump",
                                   en: "--from must be an SQLite journal file; copying between two PostgreSQL databases is pg_dump's job")
        case .fromMissing: .init(id: "sop: '{path}' tidak ada; berikan jurnal SQLite yang disalin dengan --from", en: "sop: '{path}' does not exist; give the SQLite journal to copy with --from")
        case .fromEmpty: .init(id: "sop: '{path}' kosong, bukan jurnal; berikan jurnal SQLite yang disalin dengan --from", en: "sop: '{path}' is empty, not a journal; give the SQLite journal to copy with --from")
        case .from: .init(id: "dari:   {path}", en: "from: {path}")
        case .to: .init(id: "ke:     {path}", en: "to:   {path}")
        case .nothingLost: .init(id: "sop: tidak ada yang hilang: setiap kasus yang sudah tersalin utuh; jalankan perintah yang sama lagi untuk melanjutkan",
                                 en: "sop: nothing is lost: every case copied so far is whole; run the same command again to go on")
        case .definitionsCopied: .init(id: "definisi: {copied} disalin, {there} sudah ada", en: "definitions: {copied} copied, {there} already there")
        case .casesCopied: .init(id: "kasus: {copied} disalin ({events} kejadian), {there} sudah ada", en: "cases: {copied} copied ({events} events), {there} already there")
        case .casesUpdated: .init(id: ", {n} dimutakhirkan ({events} kejadian)", en: ", {n} brought up to date ({events} events)")
        case .casesAhead: .init(id: " ({n} dengan kejadian lebih baru di tujuan)", en: " ({n} with newer events on the target)")
        case .casesRefused: .init(id: ", {n} ditolak", en: ", {n} refused")
        case .otherAudit: .init(id: "catatan audit tanpa kasus: {n} disalin", en: "audit entries of no case: {n} copied")
        case .verified: .init(id: "terverifikasi: {definitions} definisi, {cases} kasus, {events} kejadian, {keys} kunci idempotensi, {audit} catatan audit di kedua sisi",
                              en: "verified: {definitions} definitions, {cases} cases, {events} events, {keys} idempotency keys, {audit} audit entries on both sides")
        case .checksumBoth: .init(id: "checksum setiap kasus dan kejadian (SHA-256): {checksum} di kedua sisi", en: "checksum of every case and event (SHA-256): {checksum} on both sides")
        case .verificationFailed: .init(id: "sop: verifikasi GAGAL: definisi {definitions}, kasus {cases}, kejadian {events}, kunci {keys}, catatan audit {audit}",
                                        en: "sop: verification FAILED: definitions {definitions}, cases {cases}, events {events}, keys {keys}, audit entries {audit}")
        case .sourceButTarget: .init(id: "{source} di sumber tetapi {target} di tujuan", en: "{source} on the source but {target} on the target")
        case .checksumDiffers: .init(id: "sop: checksum {source} di sumber, {target} di tujuan", en: "sop: checksum {source} on the source, {target} on the target")
        case .caseNotCopied: .init(id: "sop: kasus {case} tidak disalin: {reason}", en: "sop: case {case} was not copied: {reason}")
        case .progressRefused: .init(id: "ditolak {case}: {reason}; dibiarkan seperti adanya di tujuan", en: "refused {case}: {reason}; left as it is on the target")
        case .progressCopied: .init(id: "disalin {case}: {events} kejadian, {keys} kunci, {audit} catatan audit", en: "copied {case}: {events} events, {keys} keys, {audit} audit entries")
        case .progressUpdated: .init(id: "dimutakhirkan {case}: {n} kejadian ditambahkan di sumber sejak salinan sebelumnya",
                                     en: "updated {case}: {n} events added on the source since the earlier copy")
        case .progressCompleted: .init(id: "dilengkapi {case}: {keys} kunci, {audit} catatan audit ditambahkan sejak salinan sebelumnya",
                                       en: "completed {case}: {keys} keys, {audit} audit entries added since the earlier copy")
        }
    }
}
