/// What a revision of an SOP changes, in the SOP's own terms: identity fields, performers, steps
/// (added, removed, moved, renamed; matched by id, and by content when an id changed), and per step
/// its performers, mode, kelengkapan, waktu (with the change in standard time), outputs, flow and
/// decision outcomes; then the total standard time of each path before and after. Behind these, the
/// whole model is compared leaf by leaf (``ModelLeaves``): a difference no SOP-terms comparison
/// words is still reported, under its YAML path.
public struct SOPDiff: Sendable {
    /// One change.
    public struct Change: Sendable, Hashable {
        /// `identity`, `performer` or `step`.
        public var area: String
        /// `added`, `removed`, `renamed`, `moved` or `changed`.
        public var kind: String
        /// What changed: `nomor`, `performer 'kasi'`, `step 'penjangkauan' waktu`, ...
        public var subject: String
        public var before: String?
        public var after: String?
        /// A remark, e.g. the change in standard time.
        public var note: String?
        /// ``subject`` for a person, in either language (nil: the subject is a key, the same in both).
        public var subjectText: Message? = nil
        /// ``note`` for a person, in either language.
        public var noteText: Message? = nil
        /// ``before`` for a person when it holds words of ours (`position 3`, `(none)`), else nil.
        public var beforeText: Message? = nil
        /// ``after`` for a person when it holds words of ours, else nil.
        public var afterText: Message? = nil
    }

    /// The total standard time of one path through the SOP.
    public struct PathTotal: Sendable, Hashable {
        /// The decisions that pick the path (`penjangkauan=Ya`), or `(no decisions)`.
        public var name: String
        public var beforeMinutes: Double?
        public var afterMinutes: Double?
    }

    public var old: SOPDefinition
    public var new: SOPDefinition
    public var changes: [Change]
    public var paths: [PathTotal]
    /// Old step id to new step id, for every step that survives (renamed or not).
    public var stepMapping: [String: String]

    /// Whether the two definitions mean the same SOP.
    public var isEmpty: Bool { changes.isEmpty }

    /// Compares two definitions.
    public init(old: SOPDefinition, new: SOPDefinition) {
        self.old = old
        self.new = new
        var changes: [Change] = []
        changes += SOPDiff.identityChanges(old, new)
        changes += SOPDiff.performerChanges(old, new)
        let matching = StepMatching(old: old, new: new)
        stepMapping = matching.mapping
        changes += SOPDiff.stepChanges(old, new, matching)
        changes += SOPDiff.structuralChanges(old, new, matching)
        self.changes = changes
        let before = PathTotals.of(old), after = PathTotals.of(new)
        var names = before.map(\.0)
        for (name, _) in after where !names.contains(name) { names.append(name) }
        paths = names.map { name in
            PathTotal(name: name, beforeMinutes: before.first { $0.0 == name }?.1, afterMinutes: after.first { $0.0 == name }?.1)
        }
    }

    static func identityChanges(_ a: SOPDefinition, _ b: SOPDefinition) -> [Change] {
        var out: [Change] = []
        func field(_ name: String, _ x: String?, _ y: String?) {
            if x != y { out.append(Change(area: "identity", kind: "changed", subject: name, before: x, after: y)) }
        }
        func list(_ name: String, _ x: [String], _ y: [String]) {
            for item in x where !y.contains(item) { out.append(Change(area: "identity", kind: "removed", subject: name, before: item, after: nil)) }
            for item in y where !x.contains(item) { out.append(Change(area: "identity", kind: "added", subject: name, before: nil, after: item)) }
        }
        field("id", a.id, b.id)
        field("nama", a.nama, b.nama)
        field("nomor", a.nomor, b.nomor)
        field("judul", a.judul, b.judul)
        field("unit.pemerintah", a.unit.pemerintah, b.unit.pemerintah)
        field("unit.dinas", a.unit.dinas, b.unit.dinas)
        field("unit.bidang", a.unit.bidang, b.unit.bidang)
        field("unit.seksi", a.unit.seksi, b.unit.seksi)
        field("tanggal.pembuatan", a.tanggal?.pembuatan.description, b.tanggal?.pembuatan.description)
        field("tanggal.revisi", a.tanggal?.revisi?.description, b.tanggal?.revisi?.description)
        field("tanggal.efektif", a.tanggal?.efektif?.description, b.tanggal?.efektif?.description)
        field("disahkan_oleh.jabatan", a.disahkanOleh?.jabatan, b.disahkanOleh?.jabatan)
        field("disahkan_oleh.nama", a.disahkanOleh?.nama, b.disahkanOleh?.nama)
        field("disahkan_oleh.nip", a.disahkanOleh?.nip, b.disahkanOleh?.nip)
        field("disahkan_oleh.pangkat", a.disahkanOleh?.pangkat, b.disahkanOleh?.pangkat)
        list("dasar_hukum", a.dasarHukum, b.dasarHukum)
        list("kualifikasi_pelaksana", a.kualifikasiPelaksana, b.kualifikasiPelaksana)
        list("keterkaitan", a.keterkaitan.map(\.nama), b.keterkaitan.map(\.nama))
        for r in a.keterkaitan {
            if let q = b.keterkaitan.first(where: { $0.nama == r.nama }) { field("keterkaitan '\(r.nama)' sop", r.sopID?.value, q.sopID?.value) }
        }
        list("peralatan", a.peralatan, b.peralatan)
        list("peringatan", a.peringatan, b.peringatan)
        list("pencatatan", a.pencatatan, b.pencatatan)
        field("sasaran", a.sasaran, b.sasaran)
        field("jangka_waktu", a.jangkaWaktu?.raw, b.jangkaWaktu?.raw)
        field("biaya", a.biaya, b.biaya)
        list("persyaratan", a.persyaratan.map(\.value), b.persyaratan.map(\.value))
        // How times are read: `hari: kerja` to `kalender` moves every deadline.
        field("waktu.hari", a.time.dayBasis.rawValue, b.time.dayBasis.rawValue)
        field("waktu.satuan_angka", a.time.bareNumberUnit?.label, b.time.bareNumberUnit?.label)
        // A zona not written defers to the working calendar's zone: a different meaning.
        func zone(_ t: TimeConventions) -> String { t.timeZoneGiven ? t.timeZone : "\(t.timeZone) (not written: the calendar's zone applies)" }
        field("waktu.zona", zone(a.time), zone(b.time))
        field("waktu.kalender", a.time.calendar, b.time.calendar)
        field("waktu.total", a.time.total?.raw, b.time.total?.raw)
        list("data_kasus", a.caseFields.map(\.name), b.caseFields.map(\.name))
        for f in a.caseFields {
            guard let g = b.caseField(f.name) else { continue }
            let name = "data_kasus '\(f.name)'"
            field("\(name) tipe", typeText(f.type), typeText(g.type))
            field("\(name) wajib", String(f.required), String(g.required))
            field("\(name) sensitif", String(f.sensitive), String(g.sensitive))
            field("\(name) label", f.label, g.label)
            field("\(name) keterangan", f.keterangan, g.keterangan)
        }
        return out
    }

    private static func typeText(_ t: CaseFieldType) -> String {
        if case .choice(let choices) = t { return "pilihan: " + choices.joined(separator: ", ") }
        return t.keyword
    }

    static func performerChanges(_ a: SOPDefinition, _ b: SOPDefinition) -> [Change] {
        var out: [Change] = []
        for p in a.performers {
            guard let q = b.performer(p.id) else {
                out.append(Change(area: "performer", kind: "removed", subject: "performer '\(p.id)'", before: p.nama, after: nil, subjectText: DiffMessages.performer(["id": .text(p.id), "field": ""])))
                continue
            }
            if p.nama != q.nama { out.append(Change(area: "performer", kind: "renamed", subject: "performer '\(p.id)'", before: p.nama, after: q.nama, subjectText: DiffMessages.performer(["id": .text(p.id), "field": ""]))) }
            if p.jabatan != q.jabatan {
                out.append(Change(area: "performer", kind: "changed", subject: "performer '\(p.id)' jabatan", before: p.jabatan, after: q.jabatan, subjectText: DiffMessages.performer(["id": .text(p.id), "field": " jabatan"])))
            }
            if p.kind != q.kind {
                out.append(Change(area: "performer", kind: "changed", subject: "performer '\(p.id)' jenis", before: p.kind.rawValue, after: q.kind.rawValue, subjectText: DiffMessages.performer(["id": .text(p.id), "field": " jenis"])))
            }
            for alias in p.alias where !q.alias.contains(alias) {
                out.append(Change(area: "performer", kind: "removed", subject: "performer '\(p.id)' alias", before: alias, after: nil, subjectText: DiffMessages.performer(["id": .text(p.id), "field": " alias"])))
            }
            for alias in q.alias where !p.alias.contains(alias) {
                out.append(Change(area: "performer", kind: "added", subject: "performer '\(p.id)' alias", before: nil, after: alias, subjectText: DiffMessages.performer(["id": .text(p.id), "field": " alias"])))
            }
        }
        for q in b.performers where a.performer(q.id) == nil {
            out.append(Change(area: "performer", kind: "added", subject: "performer '\(q.id)'", before: nil, after: q.nama, subjectText: DiffMessages.performer(["id": .text(q.id), "field": ""])))
        }
        let oldOrder = a.performers.map(\.id).filter { b.performer($0) != nil }
        let newOrder = b.performers.map(\.id).filter { a.performer($0) != nil }
        if oldOrder != newOrder {
            out.append(Change(area: "performer", kind: "moved", subject: "column order", before: oldOrder.joined(separator: ", "),
                              after: newOrder.joined(separator: ", "), subjectText: DiffMessages.columnOrder()))
        }
        return out
    }
}
