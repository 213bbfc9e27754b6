/// The abstracts and discussions of `sop help` and `--help` for the commands that read SOP files (`sop` itself, validate, show, run, test, diff, render, schema), in both languages. The CLI chooses
/// each command's configuration from the language of the run (decided before the arguments are
/// parsed), so `sop help validate --bahasa id` and `sop validate --help` with `SOP_BAHASA=en`
/// read in the language asked for; option help is in ``OptionHelpMessages``, ArgumentParser's own
/// words in ``ParserMessages``.
public enum HelpMessages: String, MessageGroup {
    case diffCommandAbstract, diffCommandDiscussion, renderCommandAbstract, renderCommandDiscussion, runCommandAbstract, runCommandDiscussion, sOPCommandAbstract, sOPCommandDiscussion, schemaCommandAbstract, schemaCommandDiscussion, showCommandAbstract, showCommandDiscussion, testCommandAbstract, testCommandDiscussion, validateCommandAbstract, validateCommandDiscussion

    public var texts: MessageTexts {
        switch self {
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
