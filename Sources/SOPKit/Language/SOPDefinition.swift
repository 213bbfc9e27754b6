/// A loaded, validated SOP: immutable, and identified by its id and the hash of its source text.
public struct SOPDefinition: Sendable, Hashable {
    /// `id`: the SOP's stable id (`anak-jalanan`); cases and keterkaitan refer to it.
    public var id: String
    /// `nama`: Nama SOP.
    public var nama: String
    /// `nomor`: Nomor SOP.
    public var nomor: String?
    /// `judul`: the heading printed above the identity block, when the SOP has one.
    public var judul: String?
    public var unit: SOPUnit
    public var tanggal: SOPDates?
    public var disahkanOleh: SOPApprover?
    /// `dasar_hukum`: the legal bases.
    public var dasarHukum: [String]
    /// `kualifikasi_pelaksana`: what the performers must know.
    public var kualifikasiPelaksana: [String]
    /// `keterkaitan`: related SOPs.
    public var keterkaitan: [RelatedSOP]
    /// `peralatan`: Peralatan / Perlengkapan.
    public var peralatan: [String]
    /// `peringatan`: warnings (what goes wrong if the SOP is not followed).
    public var peringatan: [String]
    /// `pencatatan`: Pencatatan dan Pendataan.
    public var pencatatan: [String]
    /// `sasaran`: Sasaran Objek, the target group.
    public var sasaran: String?
    /// `jangka_waktu`: Jangka Waktu Penyelesaian, the deadline of a whole case.
    public var jangkaWaktu: Waktu?
    /// `biaya`: the cost or funding source.
    public var biaya: String?
    /// `persyaratan`: documents the case brings when it is opened (not produced by any step).
    public var persyaratan: [Located<String>]
    /// The `jika` of conditional persyaratan ("Surat keterangan rawat inap (bila dirawat inap)"), by
    /// document key: a case brings such a document only when its rule holds.
    public var persyaratanConditions: [String: Located<Rule>] = [:]
    /// `waktu`: how times are read.
    public var time: TimeConventions
    /// `pelaksana`: the performers, in the column order of the printed table.
    public var performers: [Performer]
    /// `data_kasus`: the fields a case carries.
    public var caseFields: [CaseField]
    /// `langkah`: the steps, in table order; the flow starts at the first.
    public var steps: [Step]

    /// The performer with `id`.
    public func performer(_ id: String) -> Performer? {
        // Found by index, so only the performer found is copied (`first(where:)` copied each one it passed).
        guard let i = performers.firstIndex(where: { $0.id == id }) else { return nil }
        return performers[i]
    }

    /// The performer someone names (`--as`, `sop tasks`): the one whose id it is (exactly, then
    /// ignoring case), else the first whose nama or alias it is, ignoring case. The engine and the
    /// worklist both use this, so the same name always means the same performer; SOP321 warns
    /// when a name could mean two.
    public func performer(named name: String) -> Performer? {
        performerIndex(named: name).map { performers[$0] }
    }

    /// The index in ``performers`` of ``performer(named:)``: the engine needs only the id, and copying
    /// the whole performer (its names, aliases and location) on every action was a retain and a release
    /// of each.
    public func performerIndex(named name: String) -> Int? {
        performers.firstIndex { $0.id == name }
            ?? performers.firstIndex { Performer.sameIgnoringCase($0.id, name) }
            ?? performers.firstIndex { $0.answers(to: name) }
    }

    /// The step with `id`.
    public func step(_ id: String) -> Step? { stepIndex(id).map { steps[$0] } }

    /// The index of the step with `id` in table order (the first, when an id is repeated in a
    /// broken file). Looked up in an index built on first use and rebuilt when `steps` changed, so
    /// a run of a 50,000-step SOP does not scan the table at every step.
    public func stepIndex(_ id: String) -> Int? {
        if let i = _stepIndex.lookup(id, in: steps) { return i }
        return nil
    }

    /// The index behind ``stepIndex(_:)``; not part of the definition's value (equal and hashed as nothing).
    var _stepIndex = StepIndexCache()

    /// The condition under which kelengkapan `name` of `step` is needed: its own `jika`, else that of
    /// the conditional persyaratan of the same name; nil when it is always needed.
    public func condition(of name: String, at step: Step) -> Located<Rule>? {
        if let own = step.condition(of: name) { return own }
        return persyaratanConditions.isEmpty ? nil : persyaratanConditions[DocumentAvailability.key(name)]
    }

    /// The persyaratan a case with `data` brings: those without a condition, and those whose
    /// condition holds (or cannot be decided) for it.
    public func persyaratan(for data: [String: CaseValue]) -> [String] {
        persyaratan.map(\.value).filter { name in
            guard let rule = persyaratanConditions[DocumentAvailability.key(name)] else { return true }
            return (try? rule.value.evaluate(data)) != false
        }
    }

    /// The case field named `name`.
    public func caseField(_ name: String) -> CaseField? { caseFields.first { $0.name == name } }

    /// The case fields by name, with their types, for checking rules.
    public var caseFieldTypes: [String: CaseFieldType] {
        Dictionary(caseFields.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
    }

    /// Where the flow of a process step goes when it is done: its `lanjut`, else the following step, else the end.
    public func defaultNext(after index: Int) -> FlowTarget {
        if let next = steps[index].next { return next.value }
        // A stand-alone end row, or a row that carries the end terminator (`selesai: true`), ends the flow.
        if steps[index].kind == .selesai || steps[index].mergedEnd { return .end }
        return index + 1 < steps.count ? .step(steps[index + 1].id) : .end
    }
}
