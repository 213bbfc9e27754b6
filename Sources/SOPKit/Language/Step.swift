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

    /// `id`: a stable name for the step (`disposisi-spt`).
    public var id: String
    /// `uraian`: the activity, a verb without a subject.
    public var uraian: String
    /// `jenis`: process, decision, or a stand-alone terminator.
    public var kind: Kind
    /// `mulai: true`: the start terminator is merged into this (first) step.
    public var mergedStart: Bool
    /// `selesai: true`: the end terminator is merged into this step.
    public var mergedEnd: Bool
    /// `pelaksana`: the performers, by id, in order.
    public var performers: [Located<String>]
    /// `mode`: how the performers share the step.
    public var mode: Mode
    /// `kelengkapan`: documents that must exist before the step can be completed.
    public var kelengkapan: [Located<String>]
    /// `waktu`: the standard time.
    public var waktu: Waktu?
    /// `output`: documents the step produces.
    public var output: [Located<String>]
    /// `keterangan`: remarks.
    public var keterangan: String?
    /// `lanjut`: where the flow goes after a process step; `nil` means the following step.
    public var next: Located<FlowTarget>?
    /// `keputusan`: the question and outcomes of a decision step.
    public var decision: Decision?
    /// `berulang`: the step repeats within a period (the monthly support group).
    public var recurrence: Recurrence?
    /// `kelompok`: the step is held as one session for many cases.
    public var group: GroupSession?
    /// Where the step's entry starts.
    public var location: SourceLocation
    /// Where its `id` is written.
    public var idLocation: SourceLocation
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
