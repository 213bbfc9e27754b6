extension SOPDiff {
    /// The paths (see ``ModelLeaves``) that the SOP-terms comparisons examine: a difference under
    /// one of them has already been reported in the SOP's own words. `[*]` stands for any element;
    /// a pattern ending in `$` covers that path only, not what lies under it.
    static let comparedPaths: Set<String> = [
        "id", "nama", "nomor", "judul", "unit.pemerintah", "unit.dinas", "unit.bidang", "unit.seksi",
        "tanggal$", "tanggal.pembuatan", "tanggal.revisi", "tanggal.efektif",
        "disahkan_oleh$", "disahkan_oleh.jabatan", "disahkan_oleh.nama", "disahkan_oleh.nip", "disahkan_oleh.pangkat",
        "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan$", "keterkaitan[*].nama", "keterkaitan[*].sop",
        "peralatan", "peringatan", "pencatatan", "sasaran", "jangka_waktu", "biaya", "persyaratan",
        "waktu.satuan_angka", "waktu.hari", "waktu.zona", "waktu.zona_ditulis", "waktu.kalender", "waktu.total",
        "pelaksana$", "pelaksana[*].id", "pelaksana[*].nama", "pelaksana[*].jabatan", "pelaksana[*].jenis", "pelaksana[*].alias",
        "data_kasus$", "data_kasus[*].name", "data_kasus[*].tipe", "data_kasus[*].wajib", "data_kasus[*].label",
        "data_kasus[*].keterangan", "data_kasus[*].sensitif",
        "langkah$", "langkah[*].id", "langkah[*].uraian", "langkah[*].jenis", "langkah[*].mulai", "langkah[*].selesai",
        "langkah[*].pelaksana", "langkah[*].mode", "langkah[*].kelengkapan", "langkah[*].waktu", "langkah[*].output",
        "langkah[*].keterangan", "langkah[*].lanjut", "langkah[*].keputusan$", "langkah[*].keputusan.pertanyaan",
        "langkah[*].keputusan.oleh", "langkah[*].keputusan.hasil$",
        "langkah[*].keputusan.hasil[*].label", "langkah[*].keputusan.hasil[*].lanjut", "langkah[*].keputusan.hasil[*].jika",
        "langkah[*].berulang", "langkah[*].kelompok",
    ]

    /// Elements whose addition or removal the SOP-terms comparisons report (a step, a performer, ...).
    static let comparedElements: Set<String> = [
        "keterkaitan[*]", "pelaksana[*]", "data_kasus[*]", "langkah[*]", "langkah[*].keputusan.hasil[*]",
    ]

    /// `path` with every element key replaced by `*`.
    static func pattern(_ path: String) -> String {
        var out = "", inKey = false
        for c in path {
            if c == "[" { inKey = true; out += "[*" } else if c == "]" { inKey = false; out += "]" } else if !inKey { out.append(c) }
        }
        return out
    }

    static func isCompared(_ path: String) -> Bool {
        let p = pattern(path)
        if comparedPaths.contains(p + "$") { return true }
        var prefix = p
        while true {
            if comparedPaths.contains(prefix) { return true }
            guard let cut = prefix.lastIndex(where: { $0 == "." || $0 == "[" }) else { return false }
            prefix = String(prefix[..<cut])
        }
    }

    /// The differences of the whole model that no SOP-terms comparison reported: the backstop that
    /// makes a new key of the language show up in `sop diff` even before anyone words it.
    static func structuralChanges(_ a: SOPDefinition, _ b: SOPDefinition, _ matching: StepMatching) -> [Change] {
        let x = ModelLeaves(a) { matching.mapping[$0] ?? $0 }
        let y = ModelLeaves(b)
        var paths = y.order
        for p in x.order where y.values[p] == nil { paths.append(p) }
        var out: [Change] = []
        for path in paths {
            let before = x.values[path], after = y.values[path]
            guard before != after, !isCompared(path) else { continue }
            // An element that exists on one side only is reported as added or removed where that is known.
            if before == nil || after == nil {
                let side = before == nil ? x : y
                if elementOnOneSide(path, side) || absentUnderCompared(path, side) { continue }
            }
            let area = path.hasPrefix("langkah") ? "step" : path.hasPrefix("pelaksana") ? "performer" : "identity"
            let none = DiffMessages.noValue()
            out.append(Change(area: area, kind: "changed", subject: path, before: before, after: after,
                              beforeText: before == "(none)" ? none : nil, afterText: after == "(none)" ? none : nil))
        }
        return out
    }

    /// Whether `path` is missing from `side` because an enclosing optional value that a SOP-terms
    /// comparison reports (a step's `keputusan`, `berulang`, ...) is absent there.
    private static func absentUnderCompared(_ path: String, _ side: ModelLeaves) -> Bool {
        var prefix = path
        while let cut = prefix.lastIndex(where: { $0 == "." }) {
            prefix = String(prefix[..<cut])
            if side.values[prefix] == "(none)" { return isCompared(prefix) }
        }
        return false
    }

    /// Whether some enclosing element of `path`, of a kind the SOP-terms comparison adds and removes,
    /// is missing from `side`.
    private static func elementOnOneSide(_ path: String, _ side: ModelLeaves) -> Bool {
        var index = path.startIndex
        while let close = path[index...].firstIndex(of: "]") {
            let prefix = String(path[...close])
            if comparedElements.contains(pattern(prefix)),
               !side.values.keys.contains(where: { $0 == prefix || $0.hasPrefix(prefix + ".") || $0.hasPrefix(prefix + "[") }) {
                return true
            }
            index = path.index(after: close)
        }
        return false
    }
}
