/// Why an SQLite journal file could not be created, opened, read or written: the texts of
/// ``JournalError`` `cannotOpen` and `storage` on the SQLite back end, and the causes put into them.
public enum JournalFileMessages: String, MessageGroup {
    case cannotOpenFile, noFolder, cannotCreate, cannotCreateInFolder, notOwner, notPrivate, noJournal, notAJournal, inMemory,
         foreignDatabase, newerJournal, noResult, cannotWrite, cannotRead, looksLikeURL,
         notSQLite, corrupted, locked, diskFull, diskFailing, notWritable, sqliteOther,
         quickCheck, permissionDenied, noSuchFile, readOnlyFileSystem, noSpace, symbolicLink, systemError

    public var texts: MessageTexts {
        switch self {
        case .cannotOpenFile: .init(id: "Basis data '{path}' tidak dapat dibuka: {why}", en: "cannot open the database '{path}': {why}")
        case .noFolder: .init(id: "Basis data '{path}' tidak dapat dibuat: folder '{folder}' tidak ada",
                              en: "cannot create the database '{path}': the folder '{folder}' does not exist")
        case .cannotCreate: .init(id: "Basis data '{path}' tidak dapat dibuat: {why}", en: "cannot create the database '{path}': {why}")
        case .cannotCreateInFolder: .init(id: "Basis data '{path}' tidak dapat dibuat: {why} (apakah folder '{folder}' dapat ditulisi?)",
                                          en: "cannot create the database '{path}': {why} (is the folder '{folder}' writable?)")
        case .notOwner: .init(id: "Berkas jurnal '{file}' milik pengguna lain ({owner}), bukan milik pengguna ini ({me}): berkas ini memuat data anak, sehingga tidak dipakai; jalankan sop sebagai pemiliknya, atau `chown {me} '{file}'`, atau berikan --shared-journal bila berbagi berkas ini memang disengaja",
                              en: "the journal file '{file}' belongs to another user ({owner}), not to {me}: it holds data about children, so it is not used; run sop as its owner, or `chown {me} '{file}'`, or pass --shared-journal if sharing it is intended")
        case .notPrivate: .init(id: "Berkas jurnal '{file}' dapat dibaca atau ditulisi pengguna lain (mode {mode}): berkas ini memuat data anak, sehingga tidak dipakai; jalankan `chmod 600 '{file}'`, atau berikan --shared-journal bila berbagi berkas ini memang disengaja",
                                en: "the journal file '{file}' can be read or written by other users (mode {mode}): it holds data about children, so it is not used; run `chmod 600 '{file}'`, or pass --shared-journal if sharing it is intended")
        case .noJournal: .init(id: "Tidak ada jurnal di '{path}'", en: "there is no journal at '{path}'")
        case .notAJournal: .init(id: "'{path}' tidak dapat dibuka sebagai jurnal sop: {why}", en: "cannot open '{path}' as a sop journal: {why}")
        case .inMemory: .init(id: "Jurnal di memori tidak dapat dibuat: {why}", en: "cannot create an in-memory journal: {why}")
        case .foreignDatabase: .init(id: "'{path}' adalah basis data SQLite, tetapi bukan jurnal sop (tabelnya {tables}); berikan --db yang lain",
                                     en: "'{path}' is an SQLite database but not a sop journal (it has tables {tables}); give another --db")
        case .newerJournal: .init(id: "'{path}' ditulis oleh sop versi yang lebih baru (skema {schema}); versi ini ({version}) tidak dapat memakainya dengan aman, sehingga berkas itu dibiarkan apa adanya",
                                  en: "'{path}' was written by a newer version of sop (schema {schema}); this version ({version}) cannot use it safely, so it leaves it untouched")
        case .noResult: .init(id: "Transaksi tidak menghasilkan apa pun", en: "the transaction produced no result")
        case .cannotWrite: .init(id: "Jurnal tidak dapat ditulisi: {why}", en: "the journal could not be written: {why}")
        case .cannotRead: .init(id: "Jurnal tidak dapat dibaca: {why}", en: "the journal could not be read: {why}")
        case .looksLikeURL: .init(id: "'{location}' tampak seperti URL, tetapi hanya URL postgres:// dan postgresql:// yang merupakan jurnal; berikan URL PostgreSQL atau path berkas SQLite",
                                  en: "'{location}' looks like a URL, but only postgres:// and postgresql:// URLs are journals; give a PostgreSQL URL or the path of an SQLite file")
        case .notSQLite: .init(id: "berkas ini bukan basis data SQLite (atau sudah rusak)", en: "the file is not an SQLite database (or it is corrupted)")
        case .corrupted: .init(id: "basis datanya rusak", en: "the database is corrupted")
        case .locked: .init(id: "basis datanya tetap dikunci oleh proses lain", en: "the database stayed locked by another process")
        case .diskFull: .init(id: "disk penuh; kosongkan sebagian ruang lalu jalankan perintahnya lagi", en: "the disk is full; free some space and run the command again")
        case .diskFailing: .init(id: "disk tidak dapat ditulisi atau dibaca (penuh, atau rusak?); tidak ada yang dicatat",
                                 en: "the disk could not be written or read (is it full, or failing?); nothing was recorded")
        case .notWritable: .init(id: "berkas tidak dapat ditulisi (izin berkas?)", en: "the file cannot be written (permissions?)")
        case .sqliteOther: .init(id: "SQLite melaporkan galat {code}", en: "SQLite reports error {code}")
        case .quickCheck: .init(id: "SQLite menemukan: {found}", en: "SQLite found: {found}")
        case .permissionDenied: .init(id: "izin ditolak", en: "permission denied")
        case .noSuchFile: .init(id: "berkas atau folder tidak ada", en: "no such file or folder")
        case .readOnlyFileSystem: .init(id: "sistem berkasnya hanya dapat dibaca", en: "the file system is read-only")
        case .noSpace: .init(id: "disk penuh", en: "the disk is full")
        case .symbolicLink: .init(id: "path itu adalah tautan simbolik", en: "the path is a symbolic link")
        case .systemError: .init(id: "galat sistem {number}", en: "system error {number}")
        }
    }
}
