/// Every key of the SOP language, in one place: the loader's key checks, `sop schema` and the key
/// list test of docs/language.md all read it.
public enum LanguageCatalog {
    public static let unit = ObjectShape("unit", "The issuing unit printed at the top of the document.", [
        KeySpec("pemerintah", .text, "The government: \"Pemerintah Kota Tanjungpinang\"."),
        KeySpec("dinas", .text, required: true, "The office: \"Dinas Sosial Kota Tanjungpinang\"."),
        KeySpec("bidang", .text, "The division (Bidang), when the SOP belongs to one."),
        KeySpec("seksi", .text, "The section (Seksi), when the SOP belongs to one."),
        KeySpec("logo", .text, "The office's logo: a PNG, JPEG or SVG file beside the SOP (a relative path, at most 512 KiB), embedded in the printed document."),
    ])

    public static let tanggal = ObjectShape("tanggal", "The dates of the identity block, each YYYY-MM-DD.", [
        KeySpec("pembuatan", .date, required: true, "Tanggal Pembuatan: when the SOP was made."),
        KeySpec("revisi", .date, "Tanggal Revisi: the latest revision or the planned review date."),
        KeySpec("efektif", .date, "Tanggal Efektif / Pengesahan: when it was signed and took effect."),
    ])

    public static let disahkanOleh = ObjectShape("disahkan_oleh", "Who signed the SOP.", [
        KeySpec("jabatan", .text, required: true, "The signer's position."),
        KeySpec("nama", .text, required: true, "The signer's name."),
        KeySpec("nip", .text, "The signer's NIP (18 digits; spaces allowed). Quote it."),
        KeySpec("pangkat", .text, "Rank printed under the name (Pembina Utama Muda, IV/c)."),
    ])

    public static let keterkaitan = ObjectShape("keterkaitan", "A related SOP.", [
        KeySpec("nama", .text, required: true, "The related SOP's name as printed."),
        KeySpec("sop", .identifier, "Its id, when it is an SOP in the same folder (checked)."),
    ])

    public static let waktu = ObjectShape("waktu", "How the SOP's times are read.", [
        KeySpec("satuan_angka", .keyword(["menit", "jam", "hari", "hari_kerja", "hari_kalender"]),
                "Unit of a bare number in the Waktu column (a header \"WAKTU (Menit)\" means menit)."),
        KeySpec("hari", .keyword(TimeConventions.DayBasis.allCases.map(\.rawValue)),
                "What plain \"hari\" means: kerja (working days, the default) or kalender."),
        KeySpec("zona", .text, "The office's time zone: WIB (default), WITA, WIT or an IANA name."),
        KeySpec("kalender", .identifier, "The working calendar: indonesia (default, the shipped national calendar)."),
        KeySpec("total", .waktu, "A total standard time the SOP states for the whole procedure."),
    ])

    public static let pelaksana = ObjectShape("pelaksana", "A performer: one column of the procedure table, in order.", [
        KeySpec("id", .identifier, required: true, "How steps and the command line name the role (kasi)."),
        KeySpec("nama", .text, required: true, "The column header as printed (Kasi)."),
        KeySpec("jabatan", .text, "The full title (Kepala Seksi Rehabilitasi Sosial Anak)."),
        KeySpec("alias", .textOrList, "Other names of the same role (Kadis, Ka. Dinas)."),
        KeySpec("jenis", .keyword(Performer.Kind.allCases.map(\.rawValue)), "internal (default) or eksternal."),
    ])

    public static let caseField = ObjectShape("data_kasus field", "One field of the data a case carries.", [
        KeySpec("tipe", .keyword(CaseFieldType.keywords), required: true, "teks, angka, boolean, tanggal or pilihan."),
        KeySpec("wajib", .boolean, "Whether a case must give it when it is opened (default false)."),
        KeySpec("pilihan", .textOrList, "The allowed values of a pilihan field."),
        KeySpec("label", .text, "A human label."),
        KeySpec("keterangan", .text, "What the field means."),
        KeySpec("sensitif", .boolean, "Personal data left out of reports and exports (default false)."),
    ])

    public static let outcome = ObjectShape("hasil", "One labelled exit of a decision.", [
        KeySpec("label", .text, required: true, "The label on the arrow: Ya, Tidak, Lengkap, ..."),
        KeySpec("lanjut", .identifier, required: true, "A step id, selesai (the procedure completes) or keluar (it ends early)."),
        KeySpec("jika", .rule, "A rule on case data; the first outcome whose rule holds is taken."),
        KeySpec("perlu_kelengkapan", .boolean, "Whether the outcome needs the step's kelengkapan. Default: false for an outcome that leads back to an earlier step or ends in keluar (it may be taken while documents are missing), true otherwise."),
    ])

    public static let decision = ObjectShape("keputusan", "The question and outcomes of a decision step.", [
        KeySpec("pertanyaan", .text, required: true, "The question (\"Anak putus sekolah?\")."),
        KeySpec("hasil", .list(.object(outcome)), required: true, "Two or more outcomes."),
        KeySpec("oleh", .text, "Who decides: a performer of the step (id, name or alias). Required when the step has more than one performer; the others sign off without answering."),
    ])

    public static let recurrence = ObjectShape("berulang", "The step repeats within a period.", [
        KeySpec("setiap", .waktu, required: true, "The interval (1 bulan)."),
        KeySpec("selama", .waktu, "How long it repeats; default the SOP's jangka_waktu."),
    ])

    public static let group = ObjectShape("kelompok", "The step is one session for many cases.", [
        KeySpec("kehadiran", .text, "The kelengkapan item the attendance record satisfies."),
    ])

    public static let conditionalDocument = ObjectShape("dokumen_bersyarat", "A document needed only when a rule on case data holds.", [
        KeySpec("nama", .text, required: true, "The document's name (Surat keterangan kepolisian)."),
        KeySpec("jika", .rule, required: true, "When it is needed: a rule on case data, as in a decision (korban_laka_lantas)."),
    ])

    /// A list of documents: each a name, or {nama, jika} for one needed only sometimes.
    static let documents = ValueShape.either(.text, .list(.either(.text, .object(conditionalDocument))))

    public static let step = ObjectShape("langkah", "One row of the procedure table.", [
        KeySpec("id", .identifier, required: true, "A stable id for the step."),
        KeySpec("uraian", .text, required: true, "The activity, a verb without a subject."),
        KeySpec("jenis", .keyword(Step.Kind.allCases.map(\.rawValue)),
                "proses (default), keputusan (default when keputusan is given), mulai or selesai."),
        KeySpec("mulai", .boolean, "The start terminator is merged into this first step."),
        KeySpec("selesai", .boolean, "The end terminator is merged into this step."),
        KeySpec("pelaksana", .identifierOrList, "The performer ids, in order."),
        KeySpec("mode", .keyword(Step.Mode.allCases.map(\.rawValue)),
                "bersama (all, any order; default), berurutan (in the listed order) or salah_satu (any one)."),
        KeySpec("kelengkapan", documents, "Documents that must exist before the step is completed; {nama, jika} for one needed only sometimes."),
        KeySpec("waktu", .waktu, "The standard time (15 menit, 2 hari, 3 s/d 5 hari kerja, ...)."),
        KeySpec("output", .textOrList, "Documents the step produces."),
        KeySpec("keterangan", .text, "Remarks."),
        KeySpec("lanjut", .identifier, "Where the flow goes next: a step id, selesai or keluar; default the following step."),
        KeySpec("keputusan", .object(decision), "Makes the step a decision."),
        KeySpec("berulang", .object(recurrence), "The step repeats within a period."),
        KeySpec("kelompok", .object(group), "The step is held as one session for many cases."),
    ])

    public static let sop = ObjectShape("sop", "An SOP in the Permen PAN-RB 35/2012 format.", [
        KeySpec("id", .identifier, required: true, "The SOP's stable id; the file is usually named after it."),
        KeySpec("nama", .text, required: true, "Nama SOP."),
        KeySpec("nomor", .text, "Nomor SOP."),
        KeySpec("judul", .text, "A heading printed above the identity block."),
        KeySpec("unit", .object(unit), required: true, "The issuing unit."),
        KeySpec("tanggal", .object(tanggal), "Tanggal pembuatan, revisi and efektif."),
        KeySpec("disahkan_oleh", .object(disahkanOleh), "Who signed the SOP."),
        KeySpec("dasar_hukum", .textOrList, "Dasar Hukum: the legal bases."),
        KeySpec("kualifikasi_pelaksana", .textOrList, "Kualifikasi Pelaksana."),
        KeySpec("keterkaitan", .list(.either(.text, .object(keterkaitan))), "Related SOPs: a name, or {nama, sop}."),
        KeySpec("peralatan", .textOrList, "Peralatan / Perlengkapan."),
        KeySpec("peringatan", .textOrList, "Peringatan: what goes wrong when the SOP is not followed."),
        KeySpec("pencatatan", .textOrList, "Pencatatan dan Pendataan."),
        KeySpec("sasaran", .text, "Sasaran Objek: the target group."),
        KeySpec("jangka_waktu", .waktu, "Jangka Waktu Penyelesaian: the deadline of a whole case."),
        KeySpec("biaya", .text, "Biaya: cost or funding."),
        KeySpec("persyaratan", documents, "Documents a case brings when it is opened (not produced by any step); {nama, jika} for one needed only sometimes."),
        KeySpec("waktu", .object(waktu), "How times are read."),
        KeySpec("pelaksana", .list(.object(pelaksana)), required: true, "The performers, in column order."),
        KeySpec("data_kasus", .map(.object(caseField)), "The fields a case carries, by name."),
        KeySpec("langkah", .list(.object(step)), required: true, "The steps, in table order."),
    ])

    /// Every object shape, for documentation and the schema.
    public static let allShapes: [ObjectShape] = [
        sop, unit, tanggal, disahkanOleh, keterkaitan, waktu, pelaksana, caseField, step, decision, outcome, recurrence, group,
        conditionalDocument,
    ]
}
