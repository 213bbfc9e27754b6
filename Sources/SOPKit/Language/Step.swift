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
    private final class Storage: @unchecked Sendable {
        var id: String
        var uraian: String
        var kind: Kind
        var mergedStart: Bool
        var mergedEnd: Bool
        var performers: [Located<String>]
        var mode: Mode
        var kelengkapan: [Located<String>]
        var waktu: Waktu?
        var output: [Located<String>]
        var keterangan: String?
        var next: Located<FlowTarget>?
        var decision: Decision?
        var recurrence: Recurrence?
        var group: GroupSession?
        var location: SourceLocation
        var idLocation: SourceLocation

        init(id: String, uraian: String, kind: Kind, mergedStart: Bool, mergedEnd: Bool,
                performers: [Located<String>], mode: Mode, kelengkapan: [Located<String>], waktu: Waktu?,
                output: [Located<String>], keterangan: String?, next: Located<FlowTarget>?,
                decision: Decision?, recurrence: Recurrence?, group: GroupSession?, location: SourceLocation,
                idLocation: SourceLocation) {
            self.id = id
            self.uraian = uraian
            self.kind = kind
            self.mergedStart = mergedStart
            self.mergedEnd = mergedEnd
            self.performers = performers
            self.mode = mode
            self.kelengkapan = kelengkapan
            self.waktu = waktu
            self.output = output
            self.keterangan = keterangan
            self.next = next
            self.decision = decision
            self.recurrence = recurrence
            self.group = group
            self.location = location
            self.idLocation = idLocation
        }

        func copy() -> Storage {
            Storage(id: id, uraian: uraian, kind: kind, mergedStart: mergedStart, mergedEnd: mergedEnd,
                    performers: performers, mode: mode, kelengkapan: kelengkapan, waktu: waktu, output: output,
                    keterangan: keterangan, next: next, decision: decision, recurrence: recurrence,
                    group: group, location: location, idLocation: idLocation)
        }
    }

    private var storage: Storage

    /// A step with every field given (the loader builds these).
    public init(id: String, uraian: String, kind: Kind, mergedStart: Bool, mergedEnd: Bool,
            performers: [Located<String>], mode: Mode, kelengkapan: [Located<String>], waktu: Waktu?,
            output: [Located<String>], keterangan: String?, next: Located<FlowTarget>?, decision: Decision?,
            recurrence: Recurrence?, group: GroupSession?, location: SourceLocation, idLocation: SourceLocation) {
        storage = Storage(id: id, uraian: uraian, kind: kind, mergedStart: mergedStart, mergedEnd: mergedEnd,
                performers: performers, mode: mode, kelengkapan: kelengkapan, waktu: waktu, output: output,
                keterangan: keterangan, next: next, decision: decision, recurrence: recurrence, group: group,
                location: location, idLocation: idLocation)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// `id`: a stable name for the step (`disposisi-spt`).
    public var id: String {
        get { storage.id }
        set { unique().id = newValue }
    }
    /// `uraian`: the activity, a verb without a subject.
    public var uraian: String {
        get { storage.uraian }
        set { unique().uraian = newValue }
    }
    /// `jenis`: process, decision, or a stand-alone terminator.
    public var kind: Kind {
        get { storage.kind }
        set { unique().kind = newValue }
    }
    /// `mulai: true`: the start terminator is merged into this (first) step.
    public var mergedStart: Bool {
        get { storage.mergedStart }
        set { unique().mergedStart = newValue }
    }
    /// `selesai: true`: the end terminator is merged into this step.
    public var mergedEnd: Bool {
        get { storage.mergedEnd }
        set { unique().mergedEnd = newValue }
    }
    /// `pelaksana`: the performers, by id, in order.
    public var performers: [Located<String>] {
        get { storage.performers }
        set { unique().performers = newValue }
    }
    /// `mode`: how the performers share the step.
    public var mode: Mode {
        get { storage.mode }
        set { unique().mode = newValue }
    }
    /// `kelengkapan`: documents that must exist before the step can be completed.
    public var kelengkapan: [Located<String>] {
        get { storage.kelengkapan }
        set { unique().kelengkapan = newValue }
    }
    /// `waktu`: the standard time.
    public var waktu: Waktu? {
        get { storage.waktu }
        set { unique().waktu = newValue }
    }
    /// `output`: documents the step produces.
    public var output: [Located<String>] {
        get { storage.output }
        set { unique().output = newValue }
    }
    /// `keterangan`: remarks.
    public var keterangan: String? {
        get { storage.keterangan }
        set { unique().keterangan = newValue }
    }
    /// `lanjut`: where the flow goes after a process step; `nil` means the following step.
    public var next: Located<FlowTarget>? {
        get { storage.next }
        set { unique().next = newValue }
    }
    /// `keputusan`: the question and outcomes of a decision step.
    public var decision: Decision? {
        get { storage.decision }
        set { unique().decision = newValue }
    }
    /// `berulang`: the step repeats within a period (the monthly support group).
    public var recurrence: Recurrence? {
        get { storage.recurrence }
        set { unique().recurrence = newValue }
    }
    /// `kelompok`: the step is held as one session for many cases.
    public var group: GroupSession? {
        get { storage.group }
        set { unique().group = newValue }
    }
    /// Where the step's entry starts.
    public var location: SourceLocation {
        get { storage.location }
        set { unique().location = newValue }
    }
    /// Where its `id` is written.
    public var idLocation: SourceLocation {
        get { storage.idLocation }
        set { unique().idLocation = newValue }
    }

    public static func == (a: Step, b: Step) -> Bool {
        a.storage === b.storage || (a.id == b.id
            && a.uraian == b.uraian
            && a.kind == b.kind
            && a.mergedStart == b.mergedStart
            && a.mergedEnd == b.mergedEnd
            && a.performers == b.performers
            && a.mode == b.mode
            && a.kelengkapan == b.kelengkapan
            && a.waktu == b.waktu
            && a.output == b.output
            && a.keterangan == b.keterangan
            && a.next == b.next
            && a.decision == b.decision
            && a.recurrence == b.recurrence
            && a.group == b.group
            && a.location == b.location
            && a.idLocation == b.idLocation)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(uraian)
        hasher.combine(kind)
        hasher.combine(mergedStart)
        hasher.combine(mergedEnd)
        hasher.combine(performers)
        hasher.combine(mode)
        hasher.combine(kelengkapan)
        hasher.combine(waktu)
        hasher.combine(output)
        hasher.combine(keterangan)
        hasher.combine(next)
        hasher.combine(decision)
        hasher.combine(recurrence)
        hasher.combine(group)
        hasher.combine(location)
        hasher.combine(idLocation)
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
