import Foundation
import SOPKit

/// A case as `sop case show` presents it: identity, revision, data, who is awaited, timeline,
/// documents and the run report.
public struct CaseView: Sendable {
    public let loaded: LoadedCase
    public let report: CaseReport
    /// The time the view looks as of (`--at`), nil for now.
    public let asOf: Date?

    public init(loaded: LoadedCase, report: CaseReport, asOf: Date? = nil) {
        self.loaded = loaded
        self.report = report
        self.asOf = asOf
    }

    /// The working calendar the case is read with: the revision it is pinned to (short hash) and
    /// its id, or that it is not pinned and which file was read; zone and coverage.
    public var calendarLine: String {
        let calendar = loaded.context.calendar
        let provisional = calendar.provisionalYears.map { ", provisional \($0.lowerBound)-\($0.upperBound)" } ?? ""
        let pin = loaded.stored.header.calendarHash.map { "revision \($0.prefix(12)) pinned in the journal" }
            ?? "not pinned (opened before calendars were pinned): read from \(calendar.source ?? "-") today"
        return "\(calendar.id) \(pin) (files: \(calendar.sources.keys.sorted().joined(separator: ", ")); \(calendar.timeZone.identifier); "
            + "decreed through \(calendar.confirmedThrough)\(provisional))"
    }

    /// What to say when the view looks as of a time before the case was opened.
    public var beforeOpening: String? {
        guard let asOf, let opened = loaded.state.openedAt, asOf < opened else { return nil }
        let format = loaded.context.format
        return "viewed as of \(format(asOf)), before the case was opened (\(format(opened))): nothing had happened yet"
    }

    private var sop: SOPDefinition { loaded.context.definition }

    /// Who is awaited on each active step.
    public var awaiting: [(step: String, performers: [String], due: Date?)] {
        let engine = CaseEngine(context: loaded.context)
        return loaded.state.activeRunIndices.compactMap { i in
            let run = loaded.state.runs[i]
            guard let step = sop.step(run.stepID) else { return nil }
            return (step.id, engine.awaited(step, run), run.due)
        }
    }

    /// The text form; every value that came from a person (case data, notes, documents, the
    /// user and role) is shown with `TerminalText.escaped`, so it stays on its own line.
    public func text() -> String {
        let format = loaded.context.format
        let safe = TerminalText.escaped
        var out = "case \(safe(loaded.id)): \(sop.nama) (\(sop.id))\n"
        out += "revision: \(loaded.stored.header.definitionHash.prefix(12)) (nomor \(sop.nomor ?? "-"), revisi \(sop.tanggal?.revisi?.description ?? "-"))\n"
        out += "calendar: \(calendarLine)\n"
        out += "status:   \(loaded.state.status.rawValue)\n"
        if let asOf { out += "as of:    \(format(asOf))\n" }
        if let beforeOpening { out += "note:     \(beforeOpening)\n" }
        for field in sop.caseFields {
            guard let value = loaded.state.data[field.name] else { continue }
            out += "data:     \(field.name) = \(safe(value.description))\n"
        }
        for item in awaiting {
            out += "awaiting: \(item.step) by \(item.performers.joined(separator: ", ")), due \(item.due.map(loaded.context.formatDue) ?? "-")\n"
        }
        out += "\ntimeline (done at; recorded at):\n"
        for stored in loaded.stored.events {
            out += "  \(format(stored.event.at))  \(safe(describe(stored.event)))  [\(safe(stored.actor))\(stored.role.map { " as \(safe($0))" } ?? ""); "
                + "recorded \(format(stored.recordedAt))]\n"
        }
        out += "\ndocuments:\n"
        for document in loaded.state.documents {
            out += "  \(safe(document.name)) (\(document.step.map { "from \($0)" } ?? "brought"), \(format(document.at)))\n"
        }
        return out + "\n" + report.text()
    }

    public func json() -> JSONValue {
        let format = loaded.context.format
        var pairs: [(String, JSONValue)] = [
            ("case", .string(loaded.id)),
            ("sop", .string(sop.id)),
            ("definition", .string(loaded.stored.header.definitionHash)),
            ("status", .string(loaded.state.status.rawValue)),
            ("calendar", .string(calendarLine)),
            ("asOf", asOf.map { .string(format($0)) } ?? .null),
            ("note", beforeOpening.map(JSONValue.string) ?? .null),
            ("version", .number(Double(loaded.state.version))),
            ("data", .object(sop.caseFields.compactMap { f in loaded.state.data[f.name].map { (f.name, .string($0.description)) } })),
            ("awaiting", .array(awaiting.map { .object([("step", .string($0.step)), ("performers", .array($0.performers.map(JSONValue.string))),
                                                         ("due", $0.due.map { .string(format($0)) } ?? .null)]) })),
            ("timeline", .array(loaded.stored.events.map { stored in
                .object([("seq", .number(Double(stored.seq))), ("at", .string(format(stored.event.at))), ("event", .string(stored.event.name)),
                         ("what", .string(describe(stored.event))), ("actor", .string(stored.actor)), ("role", .optional(stored.role)),
                         ("recorded", .string(format(stored.recordedAt)))])
            })),
        ]
        if case .object(let run) = report.json() { pairs += run.filter { $0.0 != "sop" } }
        return .object(pairs)
    }

    /// One event in words, for the timeline.
    public func describe(_ event: CaseEvent) -> String {
        switch event.kind {
        case .opened(_, let documents): "opened" + (documents.isEmpty ? "" : " with \(documents.count) document(s)")
        case .stepStarted(let s): "\(s) started"
        case .signedOff(let s, let p, let note): "\(s): \(p) done" + (note.map { " (\($0))" } ?? "")
        case .documentProduced(let name, let s): "document '\(name)'" + (s.map { " from \($0)" } ?? " brought")
        case .decisionTaken(let s, let outcome, let byRule): "\(s) decided: \(outcome)\(byRule ? " (by rule)" : "")"
        case .stepCompleted(let s): "\(s) completed"
        case .sessionAttended(let s, let n): "\(s): attended session \(n)"
        case .ended(let outcome): "ended: \(outcome.rawValue)"
        case .migrated(let from, let to, let mapping):
            "moved from revision \(from.prefix(12)) to \(to.prefix(12))"
                + (mapping.isEmpty ? "" : " (" + mapping.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", ") + ")")
        }
    }
}
