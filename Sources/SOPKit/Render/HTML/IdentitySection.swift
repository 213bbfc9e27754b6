/// The identity page (Bagian Identitas) of Permen PAN-RB 35/2012: the unit with its logo (`unit.logo`,
/// embedded; without one the unit's names take the space and no placeholder is printed), every
/// header field (a dash where the SOP does not give one), a signing block with at least 25 mm for the
/// signature and the office stamp (blank lines for a handwritten name and NIP when `disahkan_oleh` is
/// missing), the six boxes in their fixed order, then Sasaran Objek, Jangka Waktu Penyelesaian, Biaya
/// and Persyaratan when present.
/// Each value carries `data-field` so tests can find it.
struct IdentitySection {
    let sop: SOPDefinition

    func render() -> String {
        var out = "<section class=\"halaman identitas\">\n"
        if let judul = sop.judul, !judul.isEmpty {
            out += "<h1 class=\"judul\" data-field=\"judul\">\(e(judul))</h1>\n"
        }
        out += header() + boxes() + extras()
        out += "</section>\n"
        return out
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    private func header() -> String {
        let unit = sop.unit
        var names = ""
        if !unit.pemerintah.isEmpty { names += "<p class=\"pemerintah\" data-field=\"pemerintah\">\(e(unit.pemerintah.uppercased()))</p>" }
        names += "<p class=\"dinas\" data-field=\"dinas\">\(e(unit.dinas.uppercased()))</p>"
        if let bidang = unit.bidang { names += "<p data-field=\"bidang\">\(e(bidang.uppercased()))</p>" }
        if let seksi = unit.seksi { names += "<p data-field=\"seksi\">\(e(seksi.uppercased()))</p>" }
        let dates = sop.tanggal
        var rows: [(String, String, String)] = [
            ("Nomor SOP", "nomor", e(sop.nomor ?? "-")),
            ("Tanggal Pembuatan", "tanggal-pembuatan", e(dates?.pembuatan.indonesian ?? "-")),
            ("Tanggal Revisi", "tanggal-revisi", e(dates?.revisi?.indonesian ?? "-")),
            ("Tanggal Efektif", "tanggal-efektif", e(dates?.efektif?.indonesian ?? "-")),
        ]
        if let signer = sop.disahkanOleh {
            var value = "<p data-field=\"jabatan\">\(e(signer.jabatan))</p><div class=\"ttd\"></div>"
            value += "<p class=\"nama\" data-field=\"nama-pengesah\">\(e(signer.nama))</p>"
            if let pangkat = signer.pangkat { value += "<p data-field=\"pangkat\">\(e(pangkat))</p>" }
            value += "<p data-field=\"nip\">NIP. \(e(signer.nip ?? "-"))</p>"
            rows.append(("Disahkan oleh", "disahkan-oleh", value))
        } else {
            // Ready to be filled in by hand: position, signature and stamp, name, NIP.
            var value = "<p class=\"isian\" data-field=\"jabatan\">&nbsp;</p><div class=\"ttd\"></div>"
            value += "<p class=\"isian\" data-field=\"nama-pengesah\">&nbsp;</p>"
            value += "<p class=\"isian-nip\" data-field=\"nip\">NIP.</p>"
            rows.append(("Disahkan oleh", "disahkan-oleh", value))
        }
        rows.append(("Nama SOP", "nama", "<strong>\(e(sop.nama))</strong>"))
        var out = "<table class=\"kepala\">\n"
        for (k, row) in rows.enumerated() {
            out += "<tr>"
            if k == 0 {
                let logo = sop.unit.logo.map { "<img class=\"logo\" src=\"\($0.dataURI)\" alt=\"Logo \(e(sop.unit.dinas))\">" } ?? ""
                out += "<td class=\"unit\" rowspan=\"\(rows.count)\">\(logo)\(names)</td>"
            }
            out += "<th>\(row.0)</th><td data-field=\"\(row.1)\">\(row.2)</td></tr>\n"
        }
        return out + "</table>\n"
    }

    private func boxes() -> String {
        let pairs: [(String, String, [String], String, String, [String])] = [
            ("Dasar Hukum", "dasar-hukum", sop.dasarHukum, "Kualifikasi Pelaksana", "kualifikasi-pelaksana", sop.kualifikasiPelaksana),
            ("Keterkaitan", "keterkaitan", sop.keterkaitan.map(\.nama), "Peralatan/Perlengkapan", "peralatan", sop.peralatan),
            ("Peringatan", "peringatan", sop.peringatan, "Pencatatan dan Pendataan", "pencatatan", sop.pencatatan),
        ]
        var out = "<table class=\"kotak\">\n"
        for pair in pairs {
            out += "<tr><th>\(pair.0):</th><th>\(pair.3):</th></tr>\n"
            out += "<tr><td data-field=\"\(pair.1)\">\(list(pair.2))</td><td data-field=\"\(pair.4)\">\(list(pair.5))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    private func extras() -> String {
        var rows: [(String, String, String)] = []
        if let sasaran = sop.sasaran { rows.append(("Sasaran Objek", "sasaran", e(sasaran))) }
        if let jangka = sop.jangkaWaktu { rows.append(("Jangka Waktu Penyelesaian", "jangka-waktu", e(ProcedureCells.waktuText(jangka, in: sop)))) }
        if let biaya = sop.biaya { rows.append(("Biaya", "biaya", e(biaya))) }
        if let total = sop.time.total { rows.append(("Total Waktu", "total-waktu", e(ProcedureCells.waktuText(total, in: sop)))) }
        if !sop.persyaratan.isEmpty { rows.append(("Persyaratan", "persyaratan", list(sop.printedPersyaratan))) }
        guard !rows.isEmpty else { return "" }
        var out = "<table class=\"tambahan\">\n"
        for row in rows { out += "<tr><th>\(row.0)</th><td data-field=\"\(row.1)\">\(row.2)</td></tr>\n" }
        return out + "</table>\n"
    }

    /// A numbered list, or a dash when empty.
    private func list(_ items: [String]) -> String {
        if items.isEmpty { return "<p>-</p>" }
        return "<ol>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ol>"
    }
}
