/// One row of the procedure table: an activity, who performs it, its mutu baku, and where the flow goes next.
public struct Step: Sendable, Hashable {
    /// The flowchart symbol of the step.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A process rectangle.
        case proses
        /// A decision diamond with labelled exits.
        case keputusan
        /// A stand-alone start terminator row.
        case mulai
        /// A stand-alone end terminator row.
        case selesai
    }

    /// How the listed performers share the step.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Every performer signs off, in any order.
        case bersama
        /// Each performer in the listed order (Kabid disposes, then Kadis signs).
        case berurutan
        /// Any one of them (alternative signers); the first to act completes it.
        case salahSatu = "salah_satu"
    }

    // The fields live in one shared, immutable-until-written box: the engine copies steps on every
    // command, and copying a struct of seventeen fields (strings, arrays, waktu, locations) retained
    // each of them. A copy is now one retain; a write copies the box first when it is shared.
    // Equality and hashing are the fields' own (synthesized), so a new field cannot be left out.
    private struct Fields: Sendable, Hashable {
        var id: String
        var uraian: String
        var kind: Kind
        var mergedStart: Bool
        var mergedEnd: Bool
        var performers: [Located<String>]
        var mode: Mode
        var kelengkapan: [Located<String>]
        var kelengkapanConditions: [String: Located<Rule>]
        var waktu: Waktu?
        var output: [Located<String>]
        var keterangan: String?
        var next: Located<FlowTarget>?
        var decision: Decision?
        var recurrence: Recurrence?
        var group: GroupSession?
        var location: SourceLocation
        var idLocation: SourceLocation
    }

    private final class Storage: @unchecked Sendable {
        var fields: Fields { didSet { _tests = Tests(fields) } }
        /// What the engine asks of the step on every command, kept beside the fields: reading
        /// `recurrence` or `decision` to compare it with nil copied the whole value out of the box.
        /// Derived from the fields, so no part of the value: the leading underscore keeps it out of
        /// `sop diff`'s reflection (``ModelLeaves``), as for other caches.
        private(set) var _tests: Tests
        init(_ fields: Fields) {
            self.fields = fields
            _tests = Tests(fields)
        }
    }

    private struct Tests {
        var repeats: Bool, decides: Bool, decidesByRule: Bool, isGroup: Bool
        /// The waktu's deadline duration, and whether the waktu is a schedule the calendar answers:
        /// what a due time needs (a copy of the whole `Waktu`, raw text and all, per step started and
        /// per session was a runtime-metadata copy and destroy each).
        var deadline: Durasi?, dueIsScheduled: Bool
        /// The kelengkapan item the group's attendance satisfies, and whether any kelengkapan is conditional.
        var attendance: String?, conditional: Bool
        init(_ fields: Fields) {
            repeats = fields.recurrence != nil
            decides = fields.decision != nil
            decidesByRule = fields.decision?.isRuleDecided == true
            isGroup = fields.group != nil
            deadline = fields.waktu?.deadline
            dueIsScheduled = fields.waktu?.isSchedule == true
            attendance = fields.group?.attendance?.value
            conditional = !fields.kelengkapanConditions.isEmpty
        }
    }

    private var storage: Storage

    /// A step with every field given (the loader builds these).
    public init(id: String, uraian: String, kind: Kind, mergedStart: Bool, mergedEnd: Bool,
            performers: [Located<String>], mode: Mode, kelengkapan: [Located<String>], waktu: Waktu?,
            output: [Located<String>], keterangan: String?, next: Located<FlowTarget>?, decision: Decision?,
            recurrence: Recurrence?, group: GroupSession?, location: SourceLocation, idLocation: SourceLocation,
            kelengkapanConditions: [String: Located<Rule>] = [:]) {
        storage = Storage(Fields(id: id, uraian: uraian, kind: kind, mergedStart: mergedStart, mergedEnd: mergedEnd,
                performers: performers, mode: mode, kelengkapan: kelengkapan, kelengkapanConditions: kelengkapanConditions,
                waktu: waktu, output: output,
                keterangan: keterangan, next: next, decision: decision, recurrence: recurrence, group: group,
                location: location, idLocation: idLocation))
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// `id`: a stable name for the step (`disposisi-spt`).
    public var id: String {
        get { storage.fields.id }
        set { unique().fields.id = newValue }
    }
    /// `uraian`: the activity, a verb without a subject.
    public var uraian: String {
        get { storage.fields.uraian }
        set { unique().fields.uraian = newValue }
    }
    /// `jenis`: process, decision, or a stand-alone terminator.
    public var kind: Kind {
        get { storage.fields.kind }
        set { unique().fields.kind = newValue }
    }
    /// `mulai: true`: the start terminator is merged into this (first) step.
    public var mergedStart: Bool {
        get { storage.fields.mergedStart }
        set { unique().fields.mergedStart = newValue }
    }
    /// `selesai: true`: the end terminator is merged into this step.
    public var mergedEnd: Bool {
        get { storage.fields.mergedEnd }
        set { unique().fields.mergedEnd = newValue }
    }
    /// `pelaksana`: the performers, by id, in order.
    public var performers: [Located<String>] {
        get { storage.fields.performers }
        set { unique().fields.performers = newValue }
    }
    /// `mode`: how the performers share the step.
    public var mode: Mode {
        get { storage.fields.mode }
        set { unique().fields.mode = newValue }
    }
    /// `kelengkapan`: documents that must exist before the step can be completed.
    public var kelengkapan: [Located<String>] {
        get { storage.fields.kelengkapan }
        set { unique().fields.kelengkapan = newValue }
    }
    /// The `jika` of conditional kelengkapan ("Surat keterangan rawat inap, jika dirawat_inap"),
    /// by document key (``DocumentAvailability/key(_:)``); a document without one is always needed.
    public var kelengkapanConditions: [String: Located<Rule>] {
        get { storage.fields.kelengkapanConditions }
        set { unique().fields.kelengkapanConditions = newValue }
    }
    /// The condition under which kelengkapan `name` is needed, or nil when it always is.
    public func condition(of name: String) -> Located<Rule>? {
        kelengkapanConditions.isEmpty ? nil : kelengkapanConditions[DocumentAvailability.key(name)]
    }
    /// `waktu`: the standard time.
    public var waktu: Waktu? {
        get { storage.fields.waktu }
        set { unique().fields.waktu = newValue }
    }
    /// `output`: documents the step produces.
    public var output: [Located<String>] {
        get { storage.fields.output }
        set { unique().fields.output = newValue }
    }
    /// `keterangan`: remarks.
    public var keterangan: String? {
        get { storage.fields.keterangan }
        set { unique().fields.keterangan = newValue }
    }
    /// `lanjut`: where the flow goes after a process step; `nil` means the following step.
    public var next: Located<FlowTarget>? {
        get { storage.fields.next }
        set { unique().fields.next = newValue }
    }
    /// `keputusan`: the question and outcomes of a decision step.
    public var decision: Decision? {
        get { storage.fields.decision }
        set { unique().fields.decision = newValue }
    }
    /// `berulang`: the step repeats within a period (the monthly support group).
    public var recurrence: Recurrence? {
        get { storage.fields.recurrence }
        set { unique().fields.recurrence = newValue }
    }
    /// `kelompok`: the step is held as one session for many cases.
    public var group: GroupSession? {
        get { storage.fields.group }
        set { unique().fields.group = newValue }
    }
    /// Where the step's entry starts.
    public var location: SourceLocation {
        get { storage.fields.location }
        set { unique().fields.location = newValue }
    }
    /// Where its `id` is written.
    public var idLocation: SourceLocation {
        get { storage.fields.idLocation }
        set { unique().fields.idLocation = newValue }
    }

    // Tests the engine asks on every command, answered from flags kept with the fields.
    /// Whether the step repeats (`berulang`).
    public var repeats: Bool { storage._tests.repeats }
    /// Whether the step is a decision (`keputusan`).
    public var decides: Bool { storage._tests.decides }
    /// Whether the step is a decision taken by its rules.
    public var decidesByRule: Bool { storage._tests.decidesByRule }
    /// Whether the step is held as a group session (`kelompok`).
    public var isGroup: Bool { storage._tests.isGroup }
    /// `waktu?.deadline`: the duration a due time adds.
    var waktuDeadline: Durasi? { storage._tests.deadline }
    /// `waktu?.isSchedule`: a due time the calendar's schedule rules answer.
    var dueIsScheduled: Bool { storage._tests.dueIsScheduled }
    /// `group?.attendance?.value`.
    var attendanceDocument: String? { storage._tests.attendance }
    /// Whether some kelengkapan has its own `jika` (``kelengkapanConditions`` is not empty).
    var hasKelengkapanConditions: Bool { storage._tests.conditional }

    public static func == (a: Step, b: Step) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }
}

/// Where the flow goes: another step, the normal end, or an early exit.
public enum FlowTarget: Sendable, Hashable, CustomStringConvertible {
    /// A step, by id.
    case step(String)
    /// `selesai`: the procedure completes.
    case end
    /// `keluar`: the procedure ends early without its product (file returned to the applicant).
    case exit

    /// The reserved words that are not step ids.
    public static let reserved = ["selesai", "keluar"]

    public init(_ text: String) {
        switch text {
        case "selesai": self = .end
        case "keluar": self = .exit
        default: self = .step(text)
        }
    }

    public var description: String {
        switch self {
        case .step(let id): id
        case .end: "selesai"
        case .exit: "keluar"
        }
    }
}

/// A repetition of a step within a period (`berulang:`).
public struct Recurrence: Sendable, Hashable {
    /// `setiap`: the interval between occurrences ("1 bulan").
    public var every: Waktu
    /// `selama`: how long it repeats; `nil` means the SOP's jangka waktu penyelesaian.
    public var during: Waktu?
    public var location: SourceLocation
}

/// A step held as one session for many cases at once (`kelompok:`).
public struct GroupSession: Sendable, Hashable {
    /// `kehadiran`: the kelengkapan item that the attendance record satisfies.
    public var attendance: Located<String>?
    public var location: SourceLocation
}
