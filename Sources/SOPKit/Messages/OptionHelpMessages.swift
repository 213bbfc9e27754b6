/// The help of every option and argument (`--help`, `sop help COMMAND`), in both languages:
/// the CLI builds each option's `ArgumentHelp` from here in the language of the run.
public enum OptionHelpMessages: String, MessageGroup {
    case bahasa, width
    case formatTextJSON, sopFile, onlySOP, userName, stepID, journal, caseID, atCases
    case data, dataFile, outputPDF, outputFile, user, migrateUser, doneAt, sessionAt
    case openedAt, runStart, renderFormat, userShared, allowShared, newUserName, share, seed
    case actAs, role, revisedDefinition, revisedSOP, simFrom, earlierDefinition, simTo, casesToMove
    case calendarID, calendarFile, answer, listen, tlsKey, tlsCert, migrateFrom, sessionSOP
    case migrateTo, durations, migratePlan, zona, scenarioPaths, sopPaths, staff, paper
    case formatDiff, formatSimulate, formatReport, auditCase, reportFrom, reportTo, status, overdue
    case trustedProxy
    case behindProxy, calendarSOP, atCase, calendarDryRun, calendarYear, userSOP, runs, strict
    case allOpen, arrivals, arrivalsFromJournal, key, runAnswer, scenario, userRole, compare
    case map, note, userSOPs, serveSOPs, actionOutput, doc, sessionCase

    public var texts: MessageTexts {
        switch self {
        case .bahasa: .init(id: "Bahasa keluaran: id (Indonesia) atau en (Inggris). Bawaan: SOP_BAHASA, lalu LC_ALL/LC_MESSAGES/LANG, lalu id.",
                            en: "Output language: id (Indonesian) or en (English). Default: SOP_BAHASA, then LC_ALL/LC_MESSAGES/LANG, then id.")
        case .width: .init(id: "Panjang baris terpanjang, {min} sampai {max} karakter (bawaan: lebar terminal, lalu $COLUMNS, lalu 80).",
                           en: "The longest line, {min} to {max} characters (default: the terminal's width, else $COLUMNS, else 80).")
        case .formatTextJSON: .init(id: "Bentuk keluaran: text atau json.", en: "Output format: text or json.")
        case .sopFile: .init(id: "Berkas SOP.", en: "The SOP file.")
        case .onlySOP: .init(id: "Hanya kasus SOP dengan id ini.", en: "Only cases of this SOP id.")
        case .userName: .init(id: "Nama pengguna.", en: "The user name.")
        case .stepID: .init(id: "Id langkah.", en: "The step id.")
        case .journal: .init(id: "Jurnal: berkas SQLite, atau URL postgres://USER@HOST:PORT/DB (bawaan: $SOP_DB, lalu ./sop.sqlite).", en: "The journal: an SQLite file, or a postgres://USER@HOST:PORT/DB URL (default: $SOP_DB, else ./sop.sqlite).")
        case .caseID: .init(id: "Id kasus.", en: "The case id.")
        case .atCases: .init(id: "Lihat keadaan pada waktu ini, bukan sekarang (ISO 8601, atau tanggal/jam setempat di zona waktu kasus-kasusnya).", en: "Look as of this time instead of now (ISO 8601, or a local date/time in the cases' time zone).")
        case .data: .init(id: "Data kasus, KUNCI=NILAI (dapat diulang).", en: "A case field, KEY=VALUE (repeatable).")
        case .dataFile: .init(id: "Berkas YAML berisi data kasus (kunci: nilai).", en: "A YAML file of case fields (field: value).")
        case .outputPDF: .init(id: "Tulis ke BERKAS, bukan ke keluaran standar (wajib untuk pdf).", en: "Write to FILE instead of standard output (required for pdf).")
        case .outputFile: .init(id: "Tulis keluaran ke berkas ini, bukan ke keluaran standar.", en: "Write the output to this file instead of standard output.")
        case .user: .init(id: "Siapa yang bekerja, untuk jejak audit (bawaan: nama login).", en: "Who is working, for the audit trail (default: the login name).")
        case .migrateUser: .init(id: "Siapa yang memindahkan, untuk jejak audit (bawaan: nama login).", en: "Who is migrating, for the audit trail (default: the login name).")
        case .doneAt: .init(id: "Kapan pekerjaan dilakukan, bila bukan sekarang (ISO 8601 atau tanggal/jam setempat).", en: "When the work was done, if not now (ISO 8601 or a local date/time).")
        case .sessionAt: .init(id: "Kapan sesi diadakan (ISO 8601 atau tanggal/jam setempat).", en: "When the session was held (ISO 8601 or a local date/time).")
        case .openedAt: .init(id: "Kapan kasus dibuka, bila bukan sekarang (ISO 8601 atau tanggal/jam setempat).", en: "When the case was opened, if not now (ISO 8601 or a local date/time).")
        case .runStart: .init(id: "Kapan kasus dibuka (ISO 8601, atau tanggal/jam setempat di zona waktu kantor); bawaan: sekarang.", en: "When the case is opened (ISO 8601, or a local date/time in the office's time zone); default now.")
        case .renderFormat: .init(id: "Yang ditulis.", en: "What to write.")
        case .userShared: .init(id: "Pakai berkas jurnal SQLite yang dapat dibaca pengguna lain atau milik pengguna lain.", en: "Use an SQLite journal file that other users may read or that belongs to another user.")
        case .allowShared: .init(id: "Pakai berkas jurnal SQLite yang dapat dibaca pengguna lain atau milik pengguna lain (bila tidak, ditolak: isinya data tentang anak).", en: "Use an SQLite journal file that other users may read or that belongs to another user (refused otherwise: it holds data about children).")
        case .newUserName: .init(id: "Nama pengguna (huruf, angka, . _ - @).", en: "The user name (letters, digits, . _ - @).")
        case .share: .init(id: "Bagian suatu hasil keputusan, LANGKAH=HASIL:P (dapat diulang).", en: "The share of a decision's outcome, STEP=OUTCOME:P (repeatable).")
        case .seed: .init(id: "Benih deret acak (benih yang sama memberi angka yang sama).", en: "The seed of the random streams (the same seed gives the same figures).")
        case .actAs: .init(id: "Peran yang dijalankan (id, nama atau alias pelaksana).", en: "The role acted as (a performer id, name or alias).")
        case .role: .init(id: "Peran (id, nama atau alias pelaksana).", en: "The role (a performer id, name or alias).")
        case .revisedDefinition: .init(id: "Definisi hasil revisi.", en: "The revised definition.")
        case .revisedSOP: .init(id: "Berkas SOP hasil revisi.", en: "The revised SOP file.")
        case .simFrom: .init(id: "Hari pertama kasus datang (TTTT-BB-HH; bawaan 1 Januari tahun ini).", en: "The first day cases arrive (YYYY-MM-DD; default 1 January of this year).")
        case .earlierDefinition: .init(id: "Definisi sebelumnya.", en: "The earlier definition.")
        case .simTo: .init(id: "Hari sesudah hari terakhir kasus datang (bawaan: satu tahun sesudah --from).", en: "The day after the last day cases arrive (default one year after --from).")
        case .casesToMove: .init(id: "Kasus yang dipindahkan (atau --all-open).", en: "The cases to move (or --all-open).")
        case .calendarID: .init(id: "Id kalender (bawaan: yang disebut SOP pada --sop, lalu indonesia).", en: "The calendar id (default: the one --sop names, else indonesia).")
        case .calendarFile: .init(id: "Berkas kalender revisi baru.", en: "The calendar file of the new revision.")
        case .answer: .init(id: "Jawaban atas keputusan yang diambil pelaksana.", en: "The answer to a decision taken by a performer.")
        case .listen: .init(id: "Alamat yang didengarkan, HOST:PORT.", en: "The address to listen on, HOST:PORT.")
        case .tlsKey: .init(id: "Kunci privat TLS (PEM); bersama --tls-cert.", en: "The TLS private key (PEM); with --tls-cert.")
        case .tlsCert: .init(id: "Rantai sertifikat TLS (PEM); bersama --tls-key.", en: "The TLS certificate chain (PEM); with --tls-key.")
        case .migrateFrom: .init(id: "Jurnal SQLite yang disalin.", en: "The SQLite journal to copy from.")
        case .sessionSOP: .init(id: "Id SOP (atau berkasnya).", en: "The SOP id (or its file).")
        case .migrateTo: .init(id: "Jurnal PostgreSQL tujuan salinan: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].", en: "The PostgreSQL journal to copy to: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].")
        case .durations: .init(id: "Lama langkah: standard (diambil dari mutu baku) atau journal (waktu nyata di jurnal).", en: "Step durations: standard (drawn from the mutu baku) or journal (the journal's actual times).")
        case .migratePlan: .init(id: "Tampilkan rencana untuk setiap kasus tanpa mengubah apa pun.", en: "Show the plan for every case without changing anything.")
        case .zona: .init(id: "Tampilkan setiap waktu dalam zona ini: WIB, WITA, WIT atau nama IANA (bawaan: zona kantor setiap kasus).", en: "Show every time in this zone: WIB, WITA, WIT or an IANA name (default: each case's office zone).")
        case .scenarioPaths: .init(id: "Berkas atau folder skenario.", en: "Scenario files or folders.")
        case .sopPaths: .init(id: "Berkas atau folder SOP.", en: "SOP files or folders.")
        case .staff: .init(id: "Jumlah orang suatu peran, PERAN=N (dapat diulang; peran yang tidak disebut berisi satu orang).", en: "People of a role, ROLE=N (repeatable; a role not given has one person).")
        case .paper: .init(id: "Ukuran kertas html dan pdf (bawaan a4).", en: "Paper size of html and pdf (default a4).")
        case .formatDiff: .init(id: "Bentuk keluaran: text, json atau md.", en: "Output format: text, json or md.")
        case .formatSimulate: .init(id: "Bentuk keluaran: text, json atau html.", en: "Output format: text, json or html.")
        case .formatReport: .init(id: "Bentuk keluaran: table, csv atau json.", en: "Output format: table, csv or json.")
        case .auditCase: .init(id: "Hanya catatan kasus ini.", en: "Only this case's entries.")
        case .reportFrom: .init(id: "Hanya langkah yang selesai pada atau sesudah tanggal ini (TTTT-BB-HH atau ISO 8601).", en: "Only steps completed on or after this date (YYYY-MM-DD or ISO 8601).")
        case .reportTo: .init(id: "Hanya langkah yang selesai sebelum tanggal ini.", en: "Only steps completed before this date.")
        case .status: .init(id: "Hanya kasus dengan status ini: open (berjalan), completed (selesai) atau exited (berhenti lebih awal).", en: "Only cases with this status: open, completed or exited.")
        case .overdue: .init(id: "Hanya kasus dengan langkah yang kini lewat tenggat (atau melewati batas waktunya).", en: "Only cases with a step overdue now (or past their completion period).")
        case .trustedProxy: .init(id: "Alamat IP atau rentang CIDR (10.0.0.0/8, fd00::/8) proksi balik di depan server ini (boleh diulang): hanya header X-Forwarded-For dari proksi ini yang menentukan alamat klien untuk batas percobaan masuk.", en: "The IP address or CIDR range (10.0.0.0/8, fd00::/8) of the reverse proxies in front of this server (repeat): only their X-Forwarded-For header names the client the login limit counts.")
        case .behindProxy: .init(id: "Tandai cookie Secure walaupun proses ini berbicara HTTP biasa (berjalan di belakang proksi TLS seperti nginx).", en: "Mark cookies Secure although this process speaks plain HTTP (it runs behind a TLS proxy such as nginx).")
        case .calendarSOP: .init(id: "Cari kalender seperti SOP ini mencarinya (di foldernya), dan bawaannya kalender yang disebut SOP itu.", en: "Look for the calendar as this SOP does (its folder), and default to the calendar it names.")
        case .atCase: .init(id: "Lihat keadaan pada waktu ini, bukan sekarang (ISO 8601, atau tanggal/jam setempat di zona waktu kasus).", en: "Look as of this time instead of now (ISO 8601, or a local date/time in the case's time zone).")
        case .calendarDryRun: .init(id: "Daftarkan yang akan bergeser tanpa mengubah apa pun.", en: "List what would move and change nothing.")
        case .calendarYear: .init(id: "Daftarkan hari libur tahun ini, masing-masing bertanda ditetapkan atau sementara.", en: "List the days off of this year, each marked decreed or provisional.")
        case .userSOP: .init(id: "Batasi pengguna pada SOP dengan id ini (ulangi untuk beberapa; bawaan: semua SOP).", en: "Limit the user to this SOP id (repeat for several; default: every SOP).")
        case .runs: .init(id: "Banyaknya putaran simulasi yang saling bebas (1 sampai 10000).", en: "How many independent runs (1 to 10000).")
        case .strict: .init(id: "Gagal juga bila ada peringatan.", en: "Fail on warnings too.")
        case .allOpen: .init(id: "Semua kasus berjalan dari SOP yang direvisi.", en: "Every open case of the revised SOP.")
        case .arrivals: .init(id: "Kasus yang datang per periode: N/hari, N/minggu, N/bulan atau N/tahun (misalnya 40/bulan).", en: "Cases arriving per period: N/hari, N/minggu, N/bulan or N/tahun (e.g. 40/bulan).")
        case .arrivalsFromJournal: .init(id: "Kasus datang pada waktu kasus SOP ini di jurnal dibuka dalam periode itu.", en: "Cases arrive when the journal's cases of this SOP were opened in the period.")
        case .key: .init(id: "Kunci idempotensi: pengulangan dengan kunci yang sama mencatat perintah sekali saja (bawaan: $SOP_COMMAND_KEY).", en: "An idempotency key: a retry with the same key records the command once (default: $SOP_COMMAND_KEY).")
        case .runAnswer: .init(id: "Jawaban atas keputusan, LANGKAH=HASIL (dapat diulang; berurutan untuk perulangan).", en: "An answer to a decision, STEP=OUTCOME (repeatable; in order for loops).")
        case .scenario: .init(id: "Berkas skenario yang diputar ulang, sebagai ganti waktu baku.", en: "A scenario file to replay instead of standard time.")
        case .userRole: .init(id: "Peran yang dipegang pengguna: id atau alias pelaksana SOP yang dikenal (ulangi untuk beberapa).", en: "A role the user holds: a performer id or alias of a known SOP (repeat for several).")
        case .compare: .init(id: "SOP hasil revisi yang disimulasikan dengan deret acak yang sama, berdampingan.", en: "A revised SOP to simulate on the same random streams, side by side.")
        case .map: .init(id: "Langkah yang berganti nama, LAMA=BARU (dapat diulang).", en: "A renamed step, OLD=NEW (repeatable).")
        case .note: .init(id: "Catatan yang disimpan bersama tindakan.", en: "A note kept with the action.")
        case .userSOPs: .init(id: "Folder berkas SOP yang pelaksananya dipakai untuk memeriksa peran (dapat diulang; bawaan: sops/ bila ada, dan SOP di jurnal).", en: "A folder of SOP files whose performers the roles are checked against (repeat; default: sops/ when present, and the SOPs in the journal).")
        case .serveSOPs: .init(id: "Folder berkas SOP yang ditawarkan untuk kasus baru (dapat diulang; bawaan: sops/ bila ada).", en: "A folder of SOP files offered for new cases (repeat; default: sops/ when present).")
        case .actionOutput: .init(id: "Dokumen yang dihasilkan atau dibawa bersama tindakan (dapat diulang).", en: "A document produced or brought with the action (repeatable).")
        case .doc: .init(id: "Dokumen (persyaratan) yang dibawa kasus (dapat diulang).", en: "A document (persyaratan) the case brings (repeatable).")
        case .sessionCase: .init(id: "Kasus yang hadir (dapat diulang).", en: "A case that attended (repeatable).")
        }
    }
}
