/// The help of the commands that work on cases in the journal: case, tasks, session, report,
/// export, audit (see ``HelpMessages``).
public enum CaseHelpMessages: String, MessageGroup {
    case auditCommandAbstract, auditCommandDiscussion, caseCommandAbstract, caseCommandDiscussion, caseDoCommandAbstract, caseDoCommandDiscussion, caseListCommandAbstract, caseListCommandDiscussion, caseMigrateCommandAbstract, caseMigrateCommandDiscussion, caseOpenCommandAbstract, caseOpenCommandDiscussion, caseShowCommandAbstract, caseShowCommandDiscussion, exportCommandAbstract, exportXESCommandAbstract, exportXESCommandDiscussion, reportCommandAbstract, reportCommandDiscussion, sessionCommandAbstract, sessionRecordCommandAbstract, sessionRecordCommandDiscussion, tasksCommandAbstract, tasksCommandDiscussion

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
        }
    }
}
