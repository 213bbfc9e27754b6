/// The help of the commands that keep the journal, its calendars, users and server, and simulate:
/// journal, migrate, calendar, user, serve, simulate (see ``HelpMessages``).
public enum JournalHelpMessages: String, MessageGroup {
    case calendarCommandAbstract, calendarShowCommandAbstract, calendarShowCommandDiscussion, calendarUpdateCommandAbstract, calendarUpdateCommandDiscussion, journalCheckCommandAbstract, journalCommandAbstract, journalCommandDiscussion, journalExportCommandAbstract, journalVerifyCommandAbstract, journalVerifyCommandDiscussion, migrateCommandAbstract, migrateCommandDiscussion
    case journalCheckCommandDiscussion, journalExportCommandDiscussion
    case journalRebuildCommandAbstract, journalRebuildCommandDiscussion, serveCommandAbstract, serveCommandDiscussion, simulateCommandAbstract, simulateCommandDiscussion, userCommandAbstract, userCommandDiscussion, userAddCommandAbstract, userListCommandAbstract, userDisableCommandAbstract, userPasswdCommandAbstract

    public var texts: MessageTexts {
        switch self {
        case .calendarCommandAbstract: .init(id: "Menampilkan kalender kerja: dari mana dibaca, tahun-tahun yang hari liburnya sudah ditetapkan, dan yang masih sementara.", en: "Shows a working calendar: where it was read from, the years its days off are decreed for, and what is provisional.")
        case .calendarShowCommandAbstract: .init(id: "Mencetak sumber kalender, zona waktu, tahun yang ditetapkan dan sementara, serta (dengan --year) hari libur tahun itu.", en: "Prints a calendar's source, time zone, decreed and provisional years, and (with --year) that year's days off.")
        case .calendarShowCommandDiscussion: .init(id: """
        Kalender dicari seperti untuk SOP: $SOP_CALENDARS, calendars/ di folder (dari --sop, atau \
        folder saat ini) dan folder induknya, lalu salinan kalender nasional yang tertanam di sop.

        Contoh:
          sop calendar
          sop calendar show --year 2027
          sop calendar show dinsos-tanjungpinang --sop sops/anak-jalanan.yaml
        """, en: """
        The calendar is found as for an SOP: $SOP_CALENDARS, calendars/ in the folder (of --sop, else \
        the current one) and its parents, then the copy of the national calendar built into sop.

        Examples:
          sop calendar
          sop calendar show --year 2027
          sop calendar show dinsos-tanjungpinang --sop sops/anak-jalanan.yaml
        """)
        case .calendarUpdateCommandAbstract: .init(id: "Memindahkan kasus berjalan suatu kalender ke revisi barunya (tercatat di jurnal), dengan daftar tenggat yang bergeser dan sebabnya.", en: "Moves the open cases of a calendar to a new revision of it (journaled), listing the due times that move and why.")
        case .calendarUpdateCommandDiscussion: .init(id: """
        Kasus berjalan dengan revisi kalender yang disematkan di jurnal saat kasus dibuka: mengubah \
        berkas kalender tidak mengubah apa pun bagi kasus itu sampai perintah ini memindahkannya. FILE \
        adalah berkas kalender (`extends`-nya dicari di sampingnya, lalu seperti biasa); setiap berkas \
        penyusunnya disimpan dengan SHA-256 bersamanya. Hanya kasus berjalan dari kalender dengan id yang \
        sama yang dipindahkan; kasus yang selesai atau berhenti tetap memakai kalender lamanya. Setiap \
        kasus yang dipindahkan mendapat catatan audit yang menyebut revisi lama dan barunya. Dengan \
        --dry-run jurnal hanya dibaca: isinya tetap sama persis (juga tanpa catatan audit).

        Contoh:
          sop calendar update calendars/dinsos-tanjungpinang.yaml --dry-run
          sop calendar update calendars/indonesia.yaml --db sop.sqlite
        """, en: """
        A case runs on the calendar revision pinned in the journal when it was opened: editing a \
        calendar file changes nothing for it until this command moves it. FILE is the calendar file \
        (its `extends` is looked up next to it, then as usual); every file it is built from is stored \
        under their common SHA-256. Only open cases of the calendar with the same id move; completed \
        and exited cases keep the calendar they ran on. Each moved case gets an audit entry naming \
        the revision it left and the one it moved to. With --dry-run the journal is only read: it stays \
        byte for byte as it was (no audit entry either).

        Examples:
          sop calendar update calendars/dinsos-tanjungpinang.yaml --dry-run
          sop calendar update calendars/indonesia.yaml --db sop.sqlite
        """)
        case .journalCheckCommandAbstract: .init(id: "Memeriksa kerusakan jurnal (pemeriksaan integritas penuh SQLite) dan membaca kembali setiap kasus; tidak menulis apa pun.", en: "Checks the journal for damage (SQLite's full integrity check) and reads every case back; writes nothing.")
        case .journalCommandAbstract: .init(id: "Memeriksa kerusakan jurnal, mengekspor yang masih terbaca, dan memverifikasi rantai anti-ubahnya.", en: "Checks the journal for damage, exports what is readable, and verifies its tamper-evident chains.")
        case .journalCommandDiscussion: .init(id: """
        Contoh:
          sop journal check
          sop journal export > cases.json
          sop journal verify
        """, en: """
        Examples:
          sop journal check
          sop journal export > cases.json
          sop journal verify
        """)
        case .journalExportCommandAbstract: .init(id: "Menulis setiap kasus yang terbaca beserta kejadiannya sebagai JSON ke keluaran standar, dari jurnal yang mungkin rusak; tidak menulis ke jurnal.", en: "Writes every readable case with its events as JSON to standard output, from a journal that may be damaged; writes nothing to it.")
        case .journalVerifyCommandAbstract: .init(id: "Memeriksa rantai hash kejadian setiap kasus, jejak audit, definisi dan kalender yang tersimpan; mencetak hash kepala untuk disimpan di tempat lain.", en: "Checks the hash chains of the events of every case, of the audit trail, of the stored definitions and of the stored calendars; prints the head hash to keep elsewhere.")
        case .journalVerifyCommandDiscussion: .init(id: """
        Keluar 0 bila setiap rantai utuh, 1 dengan menyebut baris pertama yang memutusnya. Hash kepala \
        berubah pada setiap perintah; catat atau kirim ke tempat lain (catatan yang tidak dapat ditulis \
        ulang oleh orang yang memiliki akses ke jurnal): penulisan ulang seluruh rantai hanya terlihat \
        bila dibandingkan dengan salinan luar seperti itu.
        """, en: """
        Exit status 0 when every chain holds, 1 naming the first row that breaks one. The head hash changes with every \
        command; write it down or send it elsewhere (a record that someone with access to the journal cannot rewrite): \
        a rewrite of the whole chain is only visible against such an external copy.
        """)
        case .migrateCommandAbstract: .init(id: "Memindahkan jurnal dari berkas SQLite ke server PostgreSQL, diverifikasi dengan hitungan dan checksum setiap kejadian.", en: "Moves a journal from an SQLite file to a PostgreSQL server, verified by counts and a checksum of every event.")
        case .migrateCommandDiscussion: .init(id: """
        Menyalin definisi yang tersimpan, setiap kasus (id dan nomor yang sama), setiap kejadian persis \
        seperti tersimpan, kunci idempotensi dan jejak audit. Setiap kasus disalin dalam transaksinya \
        sendiri: bila terputus, jalankan lagi; kasus yang sudah tersalin dilewati, kejadian baru di sumber \
        ditambahkan, dan sisanya disalin. Kasus yang di tujuan berisi lain ditolak dan dibiarkan (keluar 1). \
        Pada akhirnya kedua sisi dibaca kembali dan dibandingkan: hitungan, teks setiap definisi, dan \
        SHA-256 atas identitas dan kejadian setiap kasus. Sumber tidak diubah (membukanya hanya \
        memperbarui berkas jurnal lama ke format terkini, seperti setiap perintah sop).

        Hentikan penulisan ke jurnal SQLite selama disalin; sesudahnya arahkan $SOP_DB ke server. \
        (Untuk memindahkan kasus berjalan ke SOP hasil revisi, lihat `sop case migrate`.)

        Contoh:
          sop migrate --from dinsos.sqlite --to 'postgres://dinsos@db.example:5432/sop?sslmode=require'
        """, en: """
        Copies the stored definitions, every case (same ids and numbers), every event exactly as \
        stored, the idempotency keys and the audit trail. Each case is copied in its own \
        transaction: if the run is interrupted, run it again; it skips the cases already copied \
        (same events, same checksum), adds the events a copied case got on the source since, and \
        copies the rest. A case that the target holds with other contents is refused and left alone \
        (exit 1). At the end both sides are read back and compared: the counts, the text of every \
        definition, and a SHA-256 over every case's identity and events. Nothing in the source is \
        changed (opening it only brings an older journal file \
        up to the current format, as every sop command does).

        Stop writing to the SQLite journal while it is copied; afterwards point $SOP_DB at the server. \
        (To move running cases to a revised SOP instead, see `sop case migrate`.)

        Example:
          sop migrate --from dinsos.sqlite --to 'postgres://dinsos@db.example:5432/sop?sslmode=require'
        """)
        case .journalRebuildCommandAbstract: .init(id: "Membangun ulang model baca keadaan kasus (yang dibaca case list, tasks dan sop serve) dari kejadian-kejadiannya, dalam satu transaksi.",
                                                   en: "Rebuilds the read model of current case state (what case list, tasks and sop serve read) from the events, in one transaction.")
        case .journalRebuildCommandDiscussion: .init(id: """
        Model baca ditulis bersama setiap perintah, dalam transaksi yang sama dengan kejadiannya; bangun \
        ulang setelah pemutakhiran yang mengubah cara kasus dihitung, atau untuk mengisinya bagi jurnal \
        yang dibuat sebelum model baca ada (sampai saat itu kasus-kasus tersebut dihitung pada setiap \
        pembacaan). Kejadian tidak pernah diubah. Status keluar 0 bila setiap kasus dibangun ulang, 1 bila \
        ada yang tidak terbaca (kasusnya disebut).

        Contoh:
          sop journal rebuild --db sop.sqlite
        """, en: """
        The read model is written with every command, in the same transaction as its events; rebuild it
        after an upgrade that changes how cases are folded, or to fill it for a journal made before it
        existed (until then those cases are folded on every read). Events are never changed.
        Exit status 0 when every case was rebuilt, 1 when some cannot be read (they are named).

        Example:
          sop journal rebuild --db sop.sqlite
        """)
        case .serveCommandAbstract: .init(id: "Melayani kasus-kasus kantor di peramban (Tugas saya, Kasus, Kasus baru, halaman kasus) untuk pengguna yang ditambahkan dengan sop user.",
                                          en: "Serves the office's cases in a browser (Tugas saya, Kasus, Kasus baru, case pages) for the users added with sop user.")
        case .serveCommandDiscussion: .init(id: """
        Sesi, pengguna dan model baca disimpan di jurnal, sehingga beberapa proses dapat melayani satu \
        jurnal PostgreSQL. Alamat bawaannya loopback; untuk melayani jaringan kantor berikan --listen \
        dengan alamatnya dan --tls-cert/--tls-key (atau pasang nginx dengan TLS di depannya, dan \
        --secure-cookies). Log permintaan ditulis ke galat standar, tanpa data kasus, isian formulir \
        atau token.

        Contoh:
          sop serve --db sop.sqlite --sops sops/
          sop serve --db postgres://tpi_petugas@db/dinsos --listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem
        """, en: """
        Sessions, users and the read model live in the journal, so several processes may serve one
        PostgreSQL journal. The default address is loopback; to serve a LAN give --listen with the
        address and --tls-cert/--tls-key (or put nginx with TLS in front, and --secure-cookies).
        Request logs go to standard error, without case data, form fields or tokens.

        Examples:
          sop serve --db sop.sqlite --sops sops/
          sop serve --db postgres://tpi_petugas@db/dinsos --listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem
        """)
        case .simulateCommandAbstract: .init(id: "Menyimulasikan kasus yang datang ke suatu SOP dengan staf yang dimiliki setiap peran: bagian tepat waktu, antrean, utilisasi dan hambatannya.",
                                             en: "Simulates cases arriving at an SOP with the staff each role has: on-time shares, waiting, utilisation and the bottleneck.")
        case .simulateCommandDiscussion: .init(id: """
        Kasus datang dengan laju tertentu (Poisson dalam waktu kerja) atau pada waktu kedatangan kasus \
        di jurnal; setiap langkah dijalankan oleh mesin yang sama dengan `sop run`, setiap peran memiliki \
        N orang yang mengerjakan satu langkah kasus pada satu waktu dalam waktu kerja menurut kalender \
        SOP, antrean dilayani menurut tenggat paling awal, dan keputusan mengarah ke setiap hasil menurut \
        bagian yang diberikan (bila tidak, dipelajari dari jurnal, bila tidak, sama rata). Angka-angkanya \
        rata-rata atas semua putaran dengan rentang persentil ke-5 sampai ke-95. Beban yang tidak stabil \
        dilaporkan dengan peran penyebabnya (status keluar 1). Lihat docs/simulate.md.

        Contoh:
          sop simulate sops/anak-jalanan.yaml --arrivals 40/bulan --staff kasi=1 --staff peksos=2 --runs 50
          sop simulate sops/anak-jalanan.yaml --arrivals 40/bulan --share penjangkauan=Ya:0.3 --compare revisi.yaml
          sop simulate sops/anak-jalanan.yaml --arrivals-from-journal --durations journal --from 2025-01-01 --to 2026-01-01
        """, en: """
        Cases arrive at a rate (Poisson in working time) or at the journal's own arrival times; each \
        step is moved by the same engine as `sop run`, each role has N people working one case step \
        at a time in working time on the SOP's calendar, queues are served earliest due first, and \
        decisions go each way with the shares given (else learned from the journal, else equal). \
        Figures are means over the runs with the 5th-95th percentile interval. An unstable load is \
        reported with the role responsible (exit 1). See docs/simulate.md.

        Examples:
          sop simulate sops/anak-jalanan.yaml --arrivals 40/bulan --staff kasi=1 --staff peksos=2 --runs 50
          sop simulate sops/anak-jalanan.yaml --arrivals 40/bulan --share penjangkauan=Ya:0.3 --compare revisi.yaml
          sop simulate sops/anak-jalanan.yaml --arrivals-from-journal --durations journal --from 2025-01-01 --to 2026-01-01
        """)
        case .userCommandAbstract: .init(id: "Menambah, mendaftar dan menonaktifkan pengguna sop serve serta mengatur kata sandinya (bcrypt, di jurnal).",
                                         en: "Adds, lists, disables users of sop serve and sets their passwords (bcrypt, in the journal).")
        case .userCommandDiscussion: .init(id: """
        Kata sandi dibaca dari terminal (tanpa gema, diminta dua kali) atau, bila masukan standar bukan \
        terminal, sebagai satu baris darinya; tidak pernah dari opsi.

        Contoh:
          sop user add sari --role kasi --role peksos --sops sops/
          sop user list
          sop user passwd sari
          sop user disable sari
        """, en: """
        The password is read from the terminal (echo off, asked twice) or, when standard input is not a
        terminal, as one line from it; never from an option.

        Examples:
          sop user add sari --role kasi --role peksos --sops sops/
          sop user list
          sop user passwd sari
          sop user disable sari
        """)
        case .userAddCommandAbstract: .init(id: "Menambahkan pengguna dengan peran (id atau alias pelaksana) yang dijalankannya.", en: "Adds a user with the roles (performer ids or aliases) they act as.")
        case .userListCommandAbstract: .init(id: "Mendaftar pengguna, perannya dan apakah dinonaktifkan.", en: "Lists the users, their roles and whether they are disabled.")
        case .userDisableCommandAbstract: .init(id: "Menonaktifkan pengguna dan mengakhiri sesinya (akun dan jejak auditnya tetap ada).",
                                                en: "Disables a user and ends their sessions (the account and its audit trail stay).")
        case .userPasswdCommandAbstract: .init(id: "Mengatur kata sandi pengguna (dibaca dari terminal atau masukan standar) dan mengakhiri sesinya.",
                                               en: "Sets a user's password (read from the terminal or standard input) and ends their sessions.")
        case .journalCheckCommandDiscussion: .init(id: "Status keluar 0 bila jurnal dalam keadaan baik, 1 bila rusak (pulihkan cadangan terakhir; `sop journal export` menyimpan yang masih terbaca).",
                                                   en: "Exit status 0 when the journal is sound, 1 when it is damaged (restore the last backup; `sop journal export` saves what is readable).")
        case .journalExportCommandDiscussion: .init(id: "Kasus yang tidak dapat dibaca didaftar di bawah \"unreadable\" dengan alasannya, dan status keluarnya 1.",
                                                    en: "Cases that cannot be read are listed under \"unreadable\" with the reason, and the exit status is 1.")
        }
    }
}
