/// The SOP as the official document, drawn for a terminal: the identity block, then the procedure
/// table with one row per step, a column per performer (holding the step's flowchart symbol) and
/// the mutu baku. No line is longer than `width` (from 60 characters up): text wraps at spaces and
/// the table folds its columns when the terminal is narrow.
public struct SOPTextTable: Sendable {
    /// The longest line, in characters.
    public var width: Int

    /// A table at most `width` characters wide (at least 60).
    public init(width: Int = 120) {
        self.width = max(60, width)
    }

    /// The whole document as text, ending with a newline.
    public func render(_ sop: SOPDefinition) -> String {
        identity(sop) + "\n" + table(sop)
    }

    func identity(_ sop: SOPDefinition) -> String {
        var out = ""
        func wrapped(_ text: String) -> String { TextWrap.lines(text, width: width).joined(separator: "\n") + "\n" }
        if !sop.unit.pemerintah.isEmpty { out += wrapped(sop.unit.pemerintah.uppercased()) }
        out += wrapped(sop.unit.dinas.uppercased())
        for part in [sop.unit.bidang, sop.unit.seksi].compactMap({ $0 }) { out += wrapped(part) }
        if let judul = sop.judul { out += wrapped(judul) }
        out += "\n"
        var rows: [(String, String)] = [("Nomor SOP", sop.nomor ?? "-")]
        rows.append(("Tanggal Pembuatan", sop.tanggal?.pembuatan.indonesian ?? "-"))
        rows.append(("Tanggal Revisi", sop.tanggal?.revisi?.indonesian ?? "-"))
        rows.append(("Tanggal Efektif", sop.tanggal?.efektif?.indonesian ?? "-"))
        if let a = sop.disahkanOleh {
            rows.append(("Disahkan oleh", a.jabatan))
            rows.append(("", a.nama))
            if let pangkat = a.pangkat { rows.append(("", pangkat)) }
            if let nip = a.nip { rows.append(("", "NIP \(nip)")) }
        } else {
            rows.append(("Disahkan oleh", "-"))
        }
        rows.append(("Nama SOP", sop.nama))
        for (label, value) in rows {
            for (i, line) in TextWrap.lines(value, width: width - 19).enumerated() {
                out += TextWrap.pad(i == 0 ? label : "", 19) + line + "\n"
            }
        }
        out += "\n"
        let half = (width - 3) / 2
        let boxes: [(String, [String], String, [String])] = [
            ("Dasar Hukum", sop.dasarHukum, "Kualifikasi Pelaksana", sop.kualifikasiPelaksana),
            ("Keterkaitan", sop.keterkaitan.map(\.nama), "Peralatan/Perlengkapan", sop.peralatan),
            ("Peringatan", sop.peringatan, "Pencatatan dan Pendataan", sop.pencatatan),
        ]
        for (leftTitle, left, rightTitle, right) in boxes {
            let l = [leftTitle + ":"] + numbered(left, width: half)
            let r = [rightTitle + ":"] + numbered(right, width: half)
            for i in 0..<max(l.count, r.count) {
                out += TextWrap.pad(i < l.count ? l[i] : "", half) + " | " + (i < r.count ? r[i] : "") + "\n"
            }
            out += "\n"
        }
        let extras: [(String, String?)] = [("Sasaran Objek", sop.sasaran),
                                           ("Jangka Waktu Penyelesaian", sop.jangkaWaktu.map { ProcedureCells.waktuText($0, in: sop) }),
                                           ("Biaya", sop.biaya), ("Persyaratan", sop.persyaratan.isEmpty ? nil : sop.printedPersyaratan.joined(separator: "; "))]
        for (label, value) in extras {
            guard let value else { continue }
            for (i, line) in TextWrap.lines(value, width: width - 28).enumerated() {
                out += TextWrap.pad(i == 0 ? label : "", 28) + line + "\n"
            }
        }
        return out
    }

    private func numbered(_ items: [String], width: Int) -> [String] {
        if items.isEmpty { return ["-"] }
        return items.enumerated().flatMap { i, item in
            TextWrap.lines(item, width: width - 4).enumerated().map { j, line in (j == 0 ? "\(i + 1). " : "   ") + line }
        }
    }
}
