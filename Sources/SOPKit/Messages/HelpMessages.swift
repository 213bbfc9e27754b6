/// The abstracts and discussions of `sop help` and `--help`, in both languages. The CLI chooses
/// each command's configuration from the language of the run (decided before the arguments are
/// parsed), so `sop help validate --bahasa id` and `sop validate --help` with `SOP_BAHASA=en`
/// read in the language asked for. (Option help and ArgumentParser's own words stay English.)
public enum HelpMessages: String, MessageGroup {
    case auditCommandAbstract, auditCommandDiscussion, calendarCommandAbstract, calendarShowCommandAbstract, calendarShowCommandDiscussion, calendarUpdateCommandAbstract, calendarUpdateCommandDiscussion, caseCommandAbstract, caseCommandDiscussion, caseDoCommandAbstract, caseDoCommandDiscussion, caseListCommandAbstract, caseListCommandDiscussion, caseMigrateCommandAbstract, caseMigrateCommandDiscussion, caseOpenCommandAbstract, caseOpenCommandDiscussion, caseShowCommandAbstract, caseShowCommandDiscussion, diffCommandAbstract, diffCommandDiscussion, exportCommandAbstract, exportXESCommandAbstract, exportXESCommandDiscussion, journalCheckCommandAbstract, journalCommandAbstract, journalCommandDiscussion, journalExportCommandAbstract, journalVerifyCommandAbstract, journalVerifyCommandDiscussion, migrateCommandAbstract, migrateCommandDiscussion, renderCommandAbstract, renderCommandDiscussion, reportCommandAbstract, reportCommandDiscussion, runCommandAbstract, runCommandDiscussion, sOPCommandAbstract, sOPCommandDiscussion, schemaCommandAbstract, schemaCommandDiscussion, sessionCommandAbstract, sessionRecordCommandAbstract, sessionRecordCommandDiscussion, showCommandAbstract, showCommandDiscussion, tasksCommandAbstract, tasksCommandDiscussion, testCommandAbstract, testCommandDiscussion, validateCommandAbstract, validateCommandDiscussion

    public var texts: MessageTexts {
        switch self {
        case .auditCommandAbstract: .init(id: "Menampilkan jejak audit: siapa mengerjakan, membaca atau ditolak melakukan apa, kapan, dengan peran apa; login di samping nama --user.", en: "Shows the audit trail: who did, read or was refused what, when, as which role; the login beside any --user name.")
        case .auditCommandDiscussion: .init(id: """
        Setiap baris diawali waktu nyata saat dicatat; pembacaan dengan --at diakhiri \
        "(as of TIME)", yaitu waktu yang dilihat. Waktu ditampilkan dalam zona kantor sendiri: baris \
        suatu kasus dalam zona SOP-nya (atau zona kalendernya); baris tanpa kasus dalam zona kasus-kasus \
        di jurnal (UTC bila zonanya lebih dari satu). --zona menampilkan semua baris dalam satu zona.

        Contoh:
          sop audit
          sop audit --case AJ-0001
          sop audit --zona WITA
        """, en: """
        Each line starts with the real time it was written; a read made with --at ends with \
        "(as of TIME)", the time it looked as of. Times are in the office's own zone: a case's \
        lines in its SOP's zona (else its calendar's timezone); lines that name no case in the \
        zone of the journal's cases (UTC when they are in several). --zona shows every line in one zone.

        Examples:
          sop audit
          sop audit --case AJ-0001
          sop audit --zona WITA
        """)
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
        case .caseCommandAbstract: .init(id: "Membuka kasus, mencatat pekerjaan pelaksana pada kasus, dan menampilkannya, di jurnal kasus.", en: "Opens cases, records what performers do on them, and shows them, in the case journal.")
        case .caseCommandDiscussion: .init(id: """
        Contoh:
          ID=$(sop case open sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true | tail -n 1)
          sop case do "$ID" perintah-spt --as kasi
          sop case show "$ID"
          sop case list --status open --overdue
        """, en: """
        Examples:
          ID=$(sop case open sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true | tail -n 1)
          sop case do "$ID" perintah-spt --as kasi
          sop case show "$ID"
          sop case list --status open --overdue
        """)
        case .caseDoCommandAbstract: .init(id: "Mencatat bahwa seorang pelaksana telah mengerjakan bagiannya pada satu langkah kasus (aturan SOP berlaku).", en: "Records that a performer did their part of a step of a case (the SOP's rules apply).")
        case .caseDoCommandDiscussion: .init(id: """
        Peran harus melaksanakan langkah itu (berurutan untuk langkah berurutan), kelengkapan langkah \
        harus sudah ada, dan keputusan oleh pelaksana memerlukan --answer. Pada langkah berulang, \
        tindakan mencatat sesi kasus untuk jadwal yang sedang berjalan, atau menutup langkah setelah \
        periodenya. --at mencatat pekerjaan yang dilakukan lebih awal. Keluar 1 bila ditolak (tidak ada \
        yang ditulis), 75 bila perintah lain mengubah kasus pada saat yang sama (lihat lagi lalu ulangi).

        Contoh:
          sop case do AJ-0001 perintah-spt --as kasi
          sop case do DUK-0002 periksa-konsep --as kasubbag-umpeg --answer Tidak --note "urutan golongan keliru"
          sop case do RRP-0003 terima-permohonan --as front-office --output "Foto rumah (depan, samping, belakang, dalam)" --at 2025-02-04T09:00
        """, en: """
        The role must perform the step (in order for a berurutan step), the step's kelengkapan must \
        be held, and a decision taken by a performer needs --answer. On a recurring step the action \
        records the case's session for the current window, or closes the step after its period. \
        --at records work done earlier. Exit 1 when refused (nothing is written), 75 when another \
        command changed the case at the same moment (look again and retry).

        Examples:
          sop case do AJ-0001 perintah-spt --as kasi
          sop case do DUK-0002 periksa-konsep --as kasubbag-umpeg --answer Tidak --note "urutan golongan keliru"
          sop case do RRP-0003 terima-permohonan --as front-office --output "Foto rumah (depan, samping, belakang, dalam)" --at 2025-02-04T09:00
        """)
        case .caseListCommandAbstract: .init(id: "Mendaftar kasus di jurnal, dapat dibatasi pada satu SOP, menurut status, atau hanya yang memiliki langkah terlambat.", en: "Lists the cases in the journal, optionally one SOP's, by status, or only those with an overdue step.")
        case .caseListCommandDiscussion: .init(id: """
        Contoh:
          sop case list
          sop case list --sop anak-jalanan --status open --overdue
        """, en: """
        Examples:
          sop case list
          sop case list --sop anak-jalanan --status open --overdue
        """)
        case .caseMigrateCommandAbstract: .init(id: "Memindahkan kasus berjalan ke definisi SOP hasil revisi, atau dengan --dry-run menampilkan rencananya untuk setiap kasus.", en: "Moves running cases to a revised SOP definition, or with --dry-run shows the plan for each case.")
        case .caseMigrateCommandDiscussion: .init(id: """
        Setiap kasus mempertahankan posisinya menurut id langkah; --map LAMA=BARU mengganti nama langkah \
        yang id-nya berubah. Kasus yang langkah aktifnya tidak memiliki padanan, atau yang dokumennya tidak \
        lagi memenuhi kelengkapan baru langkahnya, ditolak beserta alasannya. Pemindahan dicatat sebagai \
        kejadian 'migrated' di jurnal kasus: siapa, kapan, dari revisi mana ke mana. Keluar 1 bila ada \
        kasus yang ditolak.

        Contoh:
          sop case migrate --all-open --to sops/anak-jalanan.yaml --dry-run
          sop case migrate AJ-0007 --to sops/anak-jalanan.yaml --map perintah-spt=perintah-tugas
        """, en: """
        Each case keeps its position by step id; --map OLD=NEW renames a step whose id changed. A case \
        whose current step has no counterpart, or whose documents no longer satisfy the new \
        kelengkapan of its step, is refused with the reason. A move is a 'migrated' event in the \
        case's journal: who, when, from which revision to which. Exit 1 when any case is refused.

        Examples:
          sop case migrate --all-open --to sops/anak-jalanan.yaml --dry-run
          sop case migrate AJ-0007 --to sops/anak-jalanan.yaml --map perintah-spt=perintah-tugas
        """)
        case .caseOpenCommandAbstract: .init(id: "Membuka kasus suatu SOP dengan datanya; id kasus baru dicetak sendiri di baris terakhir.", en: "Opens a case of an SOP with its data; prints the new case id alone on the last line.")
        case .caseOpenCommandDiscussion: .init(id: """
        Kasus menyimpan definisi SOP persis seperti saat dibuka: perubahan YAML sesudahnya tidak \
        mengubahnya. Datanya diperiksa terhadap data_kasus SOP.

        Contoh:
          sop case open sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
        """, en: """
        The case keeps the exact SOP definition it was opened on: a later edit of the YAML does not \
        change it. The data is checked against the SOP's data_kasus.

        Example:
          sop case open sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
        """)
        case .caseShowCommandAbstract: .init(id: "Menampilkan kasus: revisi SOP-nya, data, langkah aktif dan siapa yang ditunggu, riwayat, dokumen, tenggat dan keterlambatan.", en: "Shows a case: its SOP revision, data, active step and who is awaited, timeline, documents, due and overdue.")
        case .caseShowCommandDiscussion: .init(id: """
        Pembacaan dicatat di jejak audit pada waktu nyata; --at (waktu yang dilihat) dicatat di \
        sampingnya, tidak pernah sebagai waktu pembacaan.

        Contoh:
          sop case show AJ-0001
          sop case show AJ-0001 --format json
        """, en: """
        The read is recorded in the audit trail at the real time; --at (the time looked as of) is \
        recorded beside it, never as the time of the read.

        Examples:
          sop case show AJ-0001
          sop case show AJ-0001 --format json
        """)
        case .diffCommandAbstract: .init(id: "Menampilkan apa yang diubah revisi SOP, dalam istilah SOP, dengan waktu baku setiap jalur sebelum dan sesudahnya.", en: "Shows what a revision of an SOP changes, in the SOP's terms, with the standard time of each path before and after.")
        case .diffCommandDiscussion: .init(id: """
        Isian identitas, pelaksana yang ditambah, dihapus atau diganti namanya, langkah yang ditambah, \
        dihapus, dipindah atau diganti namanya (dicocokkan menurut id, dan menurut isi bila id berubah), \
        dan untuk setiap langkah pelaksana, mode, kelengkapan, waktu (dengan perubahan waktu baku), \
        output, alur dan hasil keputusannya. Keluar 0 bila keduanya sama, 1 bila berbeda (seperti diff), \
        2 bila salah satunya tidak dapat dimuat.

        Contoh:
          sop diff sops/anak-jalanan-2017.yaml sops/anak-jalanan.yaml
          sop diff old.yaml new.yaml --format md > perubahan.md
        """, en: """
        Identity fields, performers added, removed or renamed, steps added, removed, moved or renamed \
        (matched by id, and by content when an id changed), and per step its performers, mode, \
        kelengkapan, waktu (with the change in standard time), outputs, flow and decision outcomes. \
        Exit 0 when the two are equal, 1 when they differ (like diff), 2 when one does not load.

        Examples:
          sop diff sops/anak-jalanan-2017.yaml sops/anak-jalanan.yaml
          sop diff old.yaml new.yaml --format md > perubahan.md
        """)
        case .exportCommandAbstract: .init(id: "Mengekspor jurnal untuk perangkat lain.", en: "Exports the journal for other tools.")
        case .exportXESCommandAbstract: .init(id: "Menulis log kejadian dalam IEEE XES, satu jejak per kasus, untuk perangkat process mining (ProM, PM4Py, Disco).", en: "Writes the event log in IEEE XES, one trace per case, for process-mining tools (ProM, PM4Py, Disco).")
        case .exportXESCommandDiscussion: .init(id: """
        Data kasus yang ditandai sensitif di SOP tidak disertakan.

        Contoh:
          sop export xes --sop anak-jalanan > anak-jalanan.xes
        """, en: """
        Case data marked sensitif in the SOP is left out.

        Example:
          sop export xes --sop anak-jalanan > anak-jalanan.xes
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
        case .renderCommandAbstract: .init(id: "Mencetak SOP sebagai dokumen resmi (html, pdf), diagram (mermaid, dot, bpmn) atau tabel Markdown (md).", en: "Renders an SOP as the official document (html, pdf), a diagram (mermaid, dot, bpmn) or a Markdown table (md).")
        case .renderCommandDiscussion: .init(id: """
        Keluaran ke keluaran standar, atau ke -o FILE (wajib untuk pdf).

        html, pdf  dokumen resmi Permen PAN-RB 35/2012 pada kertas A4 atau F4
                   (--paper); pdf dicetak oleh Chromium atau Chrome tanpa layar
                   dan gagal dengan pesan bila tidak ditemukan.
        mermaid    diagram alir untuk wiki, satu subgraph (lajur) per pelaksana.
        dot        diagram alir yang sama untuk Graphviz (dot -Tsvg).
        md         tabel prosedur dalam Markdown gaya GitHub.
        bpmn       proses BPMN 2.0, satu lajur per pelaksana, ditata untuk
                   bpmn.io dan Camunda Modeler; syarat gateway berupa ekspresi
                   Python atas data kasus (jawaban_<langkah> untuk keputusan
                   yang dijawab pelaksana), seperti dijalankan SpiffWorkflow.

        Dalam diagram, langkah dengan beberapa pelaksana berada di lajur
        pelaksana pertamanya, yang lain disebut di bawahnya; langkah keputusan
        adalah kegiatannya diikuti belah ketupat berisi pertanyaannya.

        Contoh:
          sop render sops/anak-jalanan.yaml --format html -o anak-jalanan.html
          sop render sops/anak-jalanan.yaml --format pdf --paper f4 -o sop.pdf
          sop render sops/pembuatan-duk.yaml --format mermaid > duk.mmd
          sop render sops/pembuatan-duk.yaml --format dot | dot -Tsvg -o duk.svg
          sop render sops/rekomendasi-reaktivasi-pbi.yaml --format bpmn -o pbi.bpmn
          sop render sops/anak-jalanan.yaml --format md >> wiki/anak-jalanan.md
        """, en: """
        Output goes to standard output, or to -o FILE (required for pdf).

        html, pdf  the official Permen PAN-RB 35/2012 document on A4 or F4 paper
                   (--paper); pdf is printed by a headless Chromium or Chrome
                   and fails with a message when none is found.
        mermaid    a flowchart for wikis, one subgraph (lane) per performer.
        dot        the same flowchart for Graphviz (dot -Tsvg).
        md         the procedure table in GitHub-flavoured Markdown.
        bpmn       a BPMN 2.0 process, one lane per performer, laid out for
                   bpmn.io and Camunda Modeler; gateway conditions are Python
                   expressions over the case data (jawaban_<step> for the
                   decisions a performer answers), as SpiffWorkflow runs them.

        In the diagrams a step with several performers sits in its first
        performer's lane, the others named under it; a decision step is its
        activity followed by a diamond with the question.

        Examples:
          sop render sops/anak-jalanan.yaml --format html -o anak-jalanan.html
          sop render sops/anak-jalanan.yaml --format pdf --paper f4 -o sop.pdf
          sop render sops/pembuatan-duk.yaml --format mermaid > duk.mmd
          sop render sops/pembuatan-duk.yaml --format dot | dot -Tsvg -o duk.svg
          sop render sops/rekomendasi-reaktivasi-pbi.yaml --format bpmn -o pbi.bpmn
          sop render sops/anak-jalanan.yaml --format md >> wiki/anak-jalanan.md
        """)
        case .reportCommandAbstract: .init(id: "Melaporkan kepatuhan mutu baku: per langkah dan per pelaksana, jumlah, waktu baku, median dan terlama waktu nyata, bagian yang tepat waktu.", en: "Reports mutu baku compliance: per step and per performer, count, standard time, actual median and worst, share on time.")
        case .reportCommandDiscussion: .init(id: """
        Waktu adalah waktu kerja menurut kalender SOP. Langkah dihitung dalam periode menurut saat \
        selesainya. --from dan --to tanpa offset dibaca dalam zona kantor (zona kasus-kasusnya; \
        bila zonanya lebih dari satu, tuliskan offsetnya). Data kasus tidak ditampilkan.

        Contoh:
          sop report
          sop report --sop anak-jalanan --from 2025-01-01 --to 2026-01-01 --format csv
        """, en: """
        Times are working time on the SOP's calendar. Steps count in the period by when they were \
        completed. --from and --to without an offset are read in the office's zone (the cases'; \
        when they are in several zones, write the offset). No case data is shown.

        Examples:
          sop report
          sop report --sop anak-jalanan --from 2025-01-01 --to 2026-01-01 --format csv
        """)
        case .runCommandAbstract: .init(id: "Menjalankan satu kasus melalui SOP dalam waktu kerja: dalam waktu baku, atau memutar ulang riwayat sebuah skenario.", en: "Runs one case through an SOP in working time: in standard time, or replaying a scenario's history.")
        case .runCommandDiscussion: .init(id: """
        Tanpa --scenario setiap langkah memakan tepat waktunya (batas atas rentang) dalam waktu kerja, \
        keputusan diambil oleh aturannya dari data kasus atau oleh --answer, dan setiap sesi langkah \
        berulang dihadiri. Di terminal, keputusan tanpa aturan dan tanpa jawaban akan ditanyakan. \
        Dengan --scenario riwayat skenario diputar ulang dan tindakan yang tidak sah ditolak pada \
        berkas:baris:kolom skenario. Keluar 0 bila kasus berjalan sampai akhir, 1 bila ditolak.

        Contoh:
          sop run sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
          sop run sops/pembuatan-duk.yaml --data tahun=2025 --answer periksa-konsep=Tidak --answer periksa-konsep=Ya
          sop run sops/anak-jalanan.yaml --scenario sops/anak-jalanan.putus-sekolah.skenario.yaml --format json
        """, en: """
        Without --scenario every step takes exactly its waktu (the upper end of a range) in working \
        time, decisions are taken by their rules from the case data or by --answer, and every session \
        of a recurring step is attended. On a terminal, a decision with no rule and no answer is asked. \
        With --scenario the scenario's history is replayed and an illegal action is refused at the \
        scenario's file:line:col. Exit 0 when the run went through, 1 when it was refused.

        Examples:
          sop run sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
          sop run sops/pembuatan-duk.yaml --data tahun=2025 --answer periksa-konsep=Tidak --answer periksa-konsep=Ya
          sop run sops/anak-jalanan.yaml --scenario sops/anak-jalanan.putus-sekolah.skenario.yaml --format json
        """)
        case .sOPCommandAbstract: .init(id: "Memeriksa, menampilkan, mencetak dan menjalankan Standar Operasional Prosedur (Permen PAN-RB 35/2012) yang ditulis dalam YAML.", en: "Checks, shows, prints and runs Standard Operating Procedures (Permen PAN-RB 35/2012) written as YAML.")
        case .sOPCommandDiscussion: .init(id: """
        Kode keluar: 0 berhasil, 1 ada temuan atau gagal, 64 kesalahan penggunaan, 75 kasus diubah perintah lain pada saat yang sama (ulangi).
        Bahasa: --bahasa id|en pada setiap perintah, atau SOP_BAHASA, atau LC_ALL/LC_MESSAGES/LANG; bawaan Indonesia.
        Panduan Penulis SOP: docs/id/panduan-penulis-sop.md

        Contoh:
          sop validate sops/
          sop run sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
          sop test sops/
          sop render sops/anak-jalanan.yaml --format html -o anak-jalanan.html
          sop case open sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
          sop tasks --as kasi
        """, en: """
        Exit codes: 0 success, 1 findings or failure, 64 usage error, 75 a concurrent change to a case (retry).

        Examples:
          sop validate sops/
          sop run sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
          sop test sops/
          sop render sops/anak-jalanan.yaml --format html -o anak-jalanan.html
          sop case open sops/anak-jalanan.yaml --data nama_anak=Budi --data putus_sekolah=true
          sop tasks --as kasi
        """)
        case .schemaCommandAbstract: .init(id: "Mencetak JSON Schema (draft 2020-12) bahasa SOP, agar penyunting melengkapi dan memeriksa kunci selagi penulis mengetik.", en: "Prints a JSON Schema (draft 2020-12) of the SOP language, so editors complete and check keys as authors type.")
        case .schemaCommandDiscussion: .init(id: """
        SOP bawaan menunjuk schema/sop.schema.json dengan baris yaml-language-server:
          # yaml-language-server: $schema=../schema/sop.schema.json

        Contoh:
          sop schema > schema/sop.schema.json
        """, en: """
        The shipped SOPs point at schema/sop.schema.json with a yaml-language-server modeline:
          # yaml-language-server: $schema=../schema/sop.schema.json

        Example:
          sop schema > schema/sop.schema.json
        """)
        case .sessionCommandAbstract: .init(id: "Mencatat sesi kelompok (support group bulanan) untuk banyak kasus sekaligus.", en: "Records group sessions (the monthly support group) for many cases at once.")
        case .sessionRecordCommandAbstract: .init(id: "Mencatat satu sesi langkah berulang atau kelompok, yang dihadiri kasus-kasus yang disebut, dalam satu transaksi.", en: "Records one session of a recurring or group step, attended by the listed cases, in one transaction.")
        case .sessionRecordCommandDiscussion: .init(id: """
        Setiap kasus harus kasus SOP itu dan langkahnya aktif dengan jadwal sesi terbuka pada --at; \
        bila ada kasus yang tidak dapat hadir, tidak ada yang dicatat untuk kasus mana pun.

        Contoh:
          sop session record anak-jalanan support-group --at 2025-02-14T09:00 --case AJ-0001 --case AJ-0002
        """, en: """
        Every case must be of the SOP and have the step active with a session window open at --at; \
        if any case cannot attend, nothing is recorded for any.

        Example:
          sop session record anak-jalanan support-group --at 2025-02-14T09:00 --case AJ-0001 --case AJ-0002
        """)
        case .showCommandAbstract: .init(id: "Menampilkan SOP sebagai tabel resmi (bagian identitas, satu baris per langkah, satu kolom per pelaksana, mutu baku).", en: "Shows an SOP as the official table (identity block, one row per step, a column per performer, mutu baku).")
        case .showCommandDiscussion: .init(id: """
        `--format json` menulis model yang dinormalkan: id, nama, pelaksana, langkah dengan waktu yang \
        sudah diurai (menit dan teks aslinya), alur dan keputusan.

        Contoh:
          sop show sops/anak-jalanan.yaml
          sop show --format json sops/anak-jalanan.yaml | jq '.steps[].id'
        """, en: """
        `--format json` writes the normalised model instead: id, name, performers, steps with parsed \
        waktu (minutes and the raw text), flow and decisions.

        Examples:
          sop show sops/anak-jalanan.yaml
          sop show --format json sops/anak-jalanan.yaml | jq '.steps[].id'
        """)
        case .tasksCommandAbstract: .init(id: "Menampilkan daftar kerja satu peran di semua kasus berjalan: langkah yang menunggu peran itu, yang terlambat lebih dulu.", en: "Shows a role's worklist across open cases: the steps waiting for that role, overdue first.")
        case .tasksCommandDiscussion: .init(id: """
        JSON berupa larik {case, step, due, overdue}.

        Contoh:
          sop tasks --as kasi
          sop tasks --as "Kepala Dinas" --format json
        """, en: """
        JSON is an array of {case, step, due, overdue}.

        Examples:
          sop tasks --as kasi
          sop tasks --as "Kepala Dinas" --format json
        """)
        case .testCommandAbstract: .init(id: "Menjalankan berkas skenario (atau setiap skenario di bawah folder) terhadap SOP-nya dan memeriksa harapannya.", en: "Runs scenario files (or every scenario below a folder) against their SOPs and checks their expectations.")
        case .testCommandDiscussion: .init(id: """
        Skenario adalah berkas YAML dengan kunci `skenario:`: data kasus, waktu mulai, siapa mengerjakan \
        apa dan kapan, serta `harapan` (jalur, hasil, terlambat, total_waktu, sesi_hadir, sesi_terlewat). \
        Setiap skenario dilaporkan LULUS atau GAGAL beserta alasannya; baris terakhir tetap \
        `N passed, M failed`. Keluar 1 bila ada yang gagal. Dengan cara ini penulis memeriksa SOP hasil \
        revisi sebelum ditandatangani.

        Contoh:
          sop test sops/
          sop test sops/anak-jalanan.putus-sekolah.skenario.yaml
        """, en: """
        A scenario is a YAML file with a `skenario:` key: case data, a start time, who did what when, \
        and `harapan` (expectations: jalur, hasil, terlambat, total_waktu, sesi_hadir, sesi_terlewat). \
        Each scenario is reported as PASS or FAIL with its reasons; the last line is \
        `N passed, M failed`. Exit 1 when any fails. This is how an author checks a revised SOP \
        before it is signed.

        Examples:
          sop test sops/
          sop test sops/anak-jalanan.putus-sekolah.skenario.yaml
        """)
        case .validateCommandAbstract: .init(id: "Memeriksa berkas SOP (atau setiap .yaml/.yml di bawah folder) dan melaporkan setiap masalah beserta baris dan kolomnya.", en: "Checks SOP files (or every .yaml/.yml below a folder) and reports every problem with its line and column.")
        case .validateCommandDiscussion: .init(id: """
        Diagnostik teks ditulis ke keluaran galat sebagai `berkas:baris:kolom: error|warning: pesan [kode]`; \
        `--format json` menulis larik {file, line, column, severity, code, message} ke keluaran standar. \
        Kalender kerja setiap SOP dicari seperti pada `sop run`; SOP610 memperingatkan bila hari libur \
        yang ditetapkan berakhir dalam 60 hari. Kode keluar: 0 bila tidak ada kesalahan (dengan --strict: \
        juga tidak ada peringatan), 1 bila ada, 64 untuk kesalahan penggunaan.

        Contoh:
          sop validate sops/anak-jalanan.yaml
          sop validate --strict sops/
          sop validate --format json sops/ | jq '.[] | select(.severity == "error")'
        """, en: """
        Text diagnostics go to standard error as `path:line:col: error|warning: message [code]`; \
        `--format json` writes an array of {file, line, column, severity, code, message} to standard output. \
        Each SOP's working calendar is looked up as `sop run` does; SOP610 warns when its decreed days off \
        end within 60 days. Exit status: 0 when no errors (with --strict: no warnings either), 1 when there are, 64 on usage errors.

        Examples:
          sop validate sops/anak-jalanan.yaml
          sop validate --strict sops/
          sop validate --format json sops/ | jq '.[] | select(.severity == "error")'
        """)
        }
    }
}
