/// What a connected PostgreSQL server refused or failed to do with the journal: a foreign or newer
/// schema, a privilege the role lacks, a statement that failed or a connection lost under it.
public enum PostgresServerMessages: String, MessageGroup {
    case foreignSchema, newerSchema, noUsage, noSchema, mayNotRead, mayNotCreate, ownerMustMigrate,
         statementTimedOut, lostConnection, lostWhileCommitting, unexpected, unreadableReply, lockTimeout, clash, startingUp, idleTimeout,
         lacksPrivilege, schemaMissing, refusedStatement

    public var texts: MessageTexts {
        switch self {
        case .foreignSchema: .init(id: "Basis data PostgreSQL {database} (skema {schema}) bukan jurnal sop (tabelnya {tables}); berikan basis data atau skema yang lain",
                                   en: "the PostgreSQL database {database} (schema {schema}) is not a sop journal (it has tables {tables}); give another database or schema")
        case .newerSchema: .init(id: "Basis data PostgreSQL {database} ditulis oleh sop versi yang lebih baru (skema {migrations}); versi ini ({version}) tidak dapat memakainya dengan aman, sehingga basis data itu dibiarkan apa adanya",
                                 en: "the PostgreSQL database {database} was written by a newer version of sop (schema {migrations}); this version ({version}) cannot use it safely, so it leaves it untouched")
        case .noUsage: .init(id: "Peran PostgreSQL '{role}' tidak boleh memakai skema '{schema}' di {server} (tanpa hak USAGE atasnya); administrator basis data menjalankan GRANT USAGE ON SCHEMA {schema} TO {role} (lihat \"Roles\" di docs/journal.md)",
                             en: "the PostgreSQL role '{role}' may not use the schema '{schema}' on {server} (no USAGE privilege on it); the database administrator runs GRANT USAGE ON SCHEMA {schema} TO {role} (see \"Roles\" in docs/journal.md)")
        case .noSchema: .init(id: "Basis data PostgreSQL {database} tidak memiliki skema untuk dipakai: skema di search_path ({path}) tidak ada; buat satu (CREATE SCHEMA ...) atau perbaiki options=-c search_path=... di URL",
                              en: "the PostgreSQL database {database} has no schema to use: the schemas in search_path ({path}) do not exist; create one (CREATE SCHEMA ...) or fix options=-c search_path=... in the URL")
        case .mayNotRead: .init(id: "Peran PostgreSQL '{role}' tidak boleh membaca jurnal sop di skema '{schema}' di {server} (tanpa SELECT atas tabelnya); administrator basis data memberinya hak penulis atau pembaca (lihat \"Roles\" di docs/journal.md)",
                                en: "the PostgreSQL role '{role}' may not read the sop journal in schema '{schema}' on {server} (no SELECT on its tables); the database administrator grants it the writer's or the reader's privileges (see \"Roles\" in docs/journal.md)")
        case .mayNotCreate: .init(id: "Skema '{schema}' di {server} belum memuat jurnal sop, dan peran PostgreSQL '{role}' tidak boleh membuatnya di sana (tanpa hak CREATE atas skema itu); pemilik jurnal yang membuatnya (perintah sop apa pun yang dijalankan sebagai peran itu), atau administrator basis data menjalankan GRANT CREATE ON SCHEMA {schema} TO {role}",
                                  en: "the schema '{schema}' on {server} holds no sop journal yet, and the PostgreSQL role '{role}' may not create one there (no CREATE privilege on the schema); the journal's owner creates it (any sop command run as that role), or the database administrator runs GRANT CREATE ON SCHEMA {schema} TO {role}")
        case .ownerMustMigrate: .init(id: "Jurnal sop di skema '{schema}' di {server} perlu dimutakhirkan ({missing}), yang hanya boleh dilakukan pemiliknya '{owner}', bukan peran '{role}'; jalankan satu perintah sop sebagai '{owner}' (misalnya sop case list), lalu lanjutkan sebagai '{role}'",
                                      en: "the sop journal in schema '{schema}' on {server} needs bringing up to date ({missing}), which only its owner '{owner}' may do, not the role '{role}'; run one sop command as '{owner}' (e.g. sop case list), then go on as '{role}'")
        case .statementTimedOut: .init(id: "Server PostgreSQL di {server} tidak menjawab dalam {seconds} detik; koneksinya ditutup. Sebuah perubahan mungkin sudah atau belum tercatat: lihat dengan `sop case show`, lalu ulangi dengan --key yang sama",
                                       en: "the PostgreSQL server at {server} did not answer within {seconds} s; the connection was closed. A change may or may not have been recorded: look with `sop case show`, and retry with the same --key")
        case .lostConnection: .init(id: "Koneksi ke server PostgreSQL di {server} terputus (server dinyalakan ulang, atau jaringan putus); perintahnya mungkin belum tercatat: lihat kasusnya (`sop case show`), atau ulangi dengan --key yang sama",
                                    en: "lost the connection to the PostgreSQL server at {server} (it restarted, or the network dropped); the command may not have been recorded: look at the case (`sop case show`), or retry with the same --key")
        case .lostWhileCommitting: .init(id: "Koneksi ke server PostgreSQL di {server} terputus saat menyimpan: perintahnya mungkin sudah atau belum tercatat; lihat dengan `sop case show` sebelum mengulanginya (perintah yang diberi --key aman diulangi dengan kunci yang sama)",
                                         en: "lost the connection to the PostgreSQL server at {server} while committing: the command may or may not have been recorded; look with `sop case show` before doing it again (a command given a --key can be retried with the same key safely)")
        case .unexpected: .init(id: "Server PostgreSQL di {server} tidak dapat dipakai (kegagalan tak terduga berjenis {kind}); ulangi, dan bila terus terjadi laporkan",
                                en: "the PostgreSQL server at {server} could not be used (an unexpected failure of kind {kind}); retry, and if it persists report it")
        case .unreadableReply: .init(id: "Server PostgreSQL di {server} mengirim jawaban yang tidak dapat dibaca sop ({code}); periksa bahwa {server} adalah server PostgreSQL (11 atau lebih baru) dan tidak ada proksi yang mengubah lalu lintasnya",
                                     en: "the PostgreSQL server at {server} sent a reply sop cannot read ({code}); check that {server} is a PostgreSQL server (11 or later) and no proxy alters the traffic")
        case .lockTimeout: .init(id: "Sebuah kasus tetap dikunci perintah lain lebih lama dari lock_timeout ({wait}) di {server}; tidak ada yang ditulis: ulangi",
                                 en: "a case stayed locked by another command for longer than lock_timeout ({wait}) on {server}; nothing was written: retry")
        case .clash: .init(id: "Server PostgreSQL di {server} menghentikan perintah ini untuk menyelesaikan benturan dengan perintah lain; tidak ada yang ditulis: ulangi",
                           en: "the PostgreSQL server at {server} stopped this command to resolve a clash with another one; nothing was written: retry")
        case .startingUp: .init(id: "Server PostgreSQL di {server} sedang menyala atau dimatikan; tidak ada yang ditulis: ulangi sebentar lagi",
                                en: "the PostgreSQL server at {server} is starting up or shutting down; nothing was written: retry in a moment")
        case .idleTimeout: .init(id: "Server PostgreSQL di {server} mengakhiri transaksi yang terlalu lama menganggur; tidak ada yang ditulis: ulangi",
                                 en: "the PostgreSQL server at {server} ended a transaction that stayed idle too long; nothing was written: retry")
        case .lacksPrivilege: .init(id: "Peran PostgreSQL '{role}' tidak memiliki sebuah hak di {server} ({reply}); mintalah administrator basis data memberi peran itu bagiannya (pemilik, penulis atau pembaca: lihat \"Roles\" di docs/journal.md)",
                                    en: "the PostgreSQL role '{role}' lacks a privilege on {server} ({reply}); ask the database administrator to grant the role its part (owner, writer or reader: see \"Roles\" in docs/journal.md)")
        case .schemaMissing: .init(id: "Skema jurnal di {server} tidak ada atau peran '{role}' tidak boleh memakainya ({reply}); periksa options=-c search_path=... di URL, atau mintalah hak USAGE atas skema itu kepada administrator basis data",
                                   en: "the schema of the journal on {server} does not exist or role '{role}' may not use it ({reply}); check options=-c search_path=... in the URL, or ask the database administrator for USAGE on the schema")
        case .refusedStatement: .init(id: "Server PostgreSQL di {server} menolak sebuah perintah SQL: {reply}{detail}", en: "the PostgreSQL server at {server} refused a statement: {reply}{detail}")
        }
    }
}
