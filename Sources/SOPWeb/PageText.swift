import SOPKit

/// Every text the pages of `sop serve` show, in one place (Bahasa Indonesia), so they can move into
/// the message catalogue (SOPKit's Messages, issue 16) as a whole. Texts that take values are
/// functions; values are escaped by the page that shows them, never here.
public enum PageText {
    public static let appName = "SOP Kantor"
    public static let login = "Masuk"
    public static let logout = "Keluar"
    public static let userName = "Nama pengguna"
    public static let password = "Kata sandi"
    /// One message for a wrong name and a wrong password (and a disabled account).
    public static let loginFailed = "Nama pengguna atau kata sandi salah."
    public static let loginThrottled = "Terlalu banyak percobaan masuk. Tunggu 15 menit, lalu coba lagi."
    public static let sessionEnded = "Sesi Anda telah berakhir. Silakan masuk lagi."
    public static let csrfRefused = "Formulir ini kedaluwarsa atau tidak sah. Muat ulang halaman lalu kirim lagi."
    public static let myTasks = "Tugas saya"
    public static let cases = "Kasus"
    public static let newCase = "Kasus baru"
    public static let noTasks = "Tidak ada tugas yang menunggu Anda."
    public static let noCases = "Tidak ada kasus."
    public static let overdue = "Terlambat"
    public static let onTime = "Tepat waktu"
    public static let due = "Batas waktu"
    public static let step = "Langkah"
    public static let caseID = "Kasus"
    public static let sop = "SOP"
    public static let status = "Status"
    public static let opened = "Dibuka"
    public static let active = "Langkah aktif"
    public static let awaited = "Menunggu"
    public static let data = "Data kasus"
    public static let timeline = "Riwayat"
    public static let documents = "Dokumen"
    public static let actions = "Tindakan"
    public static let actAs = "Bertindak sebagai"
    public static let answer = "Jawaban"
    public static let note = "Catatan"
    public static let signOff = "Selesaikan bagian saya"
    public static let filter = "Saring"
    public static let search = "Cari"
    public static let all = "Semua"
    public static let onlyOverdue = "Hanya yang terlambat"
    public static let open = "Buka"
    public static let save = "Simpan"
    public static let required = "wajib"
    public static let masked = "(disembunyikan)"
    public static let caseChanged = "Kasus ini telah berubah, muat ulang."
    public static let noActions = "Tidak ada tindakan yang dapat Anda ambil sekarang pada kasus ini."
    public static let notFound = "Halaman tidak ditemukan."
    public static let notAllowed = "Anda tidak memegang peran untuk SOP kasus ini."
    public static let recorded = "Tercatat."
    public static let chooseSOP = "Pilih SOP"
    public static let report = "Laporan mutu baku"
    public static let downloadCSV = "Unduh CSV"
    public static let reportWhat = "Langkah / pelaksana"
    public static let reportStandard = "Standar"
    public static let reportMedian = "Median"
    public static let reportWorst = "Terlama"
    public static let sopDocuments = "Dokumen SOP"
    public static let groupSession = "Sesi kelompok"
    public static let sessionTime = "Waktu sesi"
    public static let attended = "Hadir"
    public static let recordSession = "Catat sesi"
    public static let noSessionCases = "Tidak ada kasus yang menunggu sesi kelompok ini."
    public static let chooseStep = "Pilih langkah berulang"
    public static let preview = "Pratinjau"
    public static let errorWord = "galat"
    public static let warningWord = "peringatan"
    public static let noDiagnostics = "Tidak ada temuan."
    public static let noDocumentYet = "Berkas ini belum pernah termuat tanpa galat."
    public static let badTime = "Waktu tidak dapat dibaca; tulis misalnya 2025-02-14T09:00."
    public static let downloadPDF = "Unduh PDF"
    public static let pdfUnavailable = "PDF tidak dapat dibuat di server ini (Chromium tidak terpasang); cetak dokumen resmi dari peramban."
    public static let pdfFailed = "PDF gagal dibuat; coba lagi nanti atau cetak dokumen resmi dari peramban."
    public static let openDocument = "Buka dokumen resmi"
    public static let officialDocument = "Dokumen resmi"
    public static let flowchart = "Diagram alir"
    public static func sessionRecorded(_ count: Int) -> String { "Sesi tercatat untuk \(count) kasus." }
    public static let statusNames: [String: String] = ["open": "berjalan", "completed": "selesai", "exited": "keluar"]

    public static func caseOpened(_ id: String) -> String { "Kasus \(id) dibuka." }
    public static func moreTasks(_ count: Int) -> String { "… dan \(count) tugas lagi; saring di halaman Kasus." }
    public static func late(_ text: String) -> String { "terlambat \(text)" }
    public static func loggedInAs(_ name: String) -> String { "Masuk sebagai \(name)" }
    public static func refused(_ reason: String) -> String { "Ditolak: \(reason)" }
    public static func status(_ raw: String) -> String { statusNames[raw] ?? raw }
    /// A case value as shown: yes/no in words, everything else as written.
    public static func value(_ value: CaseValue) -> String {
        if case .boolean(let flag) = value { return flag ? "ya" : "tidak" }
        return value.description
    }
}
