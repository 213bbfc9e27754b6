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
    public var calendarLine: String { calendarLine(in: .en) }

    /// ``calendarLine`` in `bahasa`.
    public func calendarLine(in bahasa: Bahasa) -> String {
        let calendar = loaded.context.calendar
        let provisional = calendar.provisionalYears.map {
            CaseViewMessages.calendarProvisional(["from": .text("\($0.lowerBound)"), "to": .text("\($0.upperBound)")])
        } ?? .empty
        let pin = loaded.stored.header.calendarHash.map { CaseViewMessages.calendarPinned(["hash": .text(String($0.prefix(12)))]) }
            ?? CaseViewMessages.calendarNotPinned(["source": .text(calendar.source ?? "-")])
        return CaseViewMessages.calendarLine.text(["calendar": .text(calendar.id), "pin": .message(pin),
                                                   "files": .text(calendar.sources.keys.sorted().joined(separator: ", ")),
                                                   "zone": .text(calendar.timeZone.identifier), "through": .date(calendar.confirmedThrough),
                                                   "provisional": .message(provisional)], in: bahasa)
    }

    /// What to say when the view looks as of a time before the case was opened.
    public var beforeOpening: String? { beforeOpening(in: .en) }

    /// ``beforeOpening`` in `bahasa`.
    public func beforeOpening(in bahasa: Bahasa) -> String? {
        guard let asOf, case let opened = loaded.state.openedAt ?? loaded.stored.header.openedAt, asOf < opened else { return nil }
        let format = { (at: Date) in loaded.context.formatted(at, in: bahasa) }
        return CaseViewMessages.beforeOpening.text(["at": .text(format(asOf)), "opened": .text(format(opened))], in: bahasa)
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
    /// user and role) is shown with `TerminalText.escaped`, so it stays on its own line (broken,
    /// like every line before the run report, to fit 80 columns, its continuation indented).
    public func text(in bahasa: Bahasa = .en) -> String {
        let format = { (at: Date) in loaded.context.formatted(at, in: bahasa) }
        let safe = TerminalText.escaped
        let m = { (key: CaseViewMessages, a: [String: MessageArgument]) in key.text(a, in: bahasa) + "\n" }
        var out = m(.head, ["case": .text(safe(loaded.id)), "name": .text(sop.nama), "sop": .text(sop.id)])
        out += m(.revision, ["hash": .text(String(loaded.stored.header.definitionHash.prefix(12))), "nomor": .text(sop.nomor ?? "-"),
                             "revisi": sop.tanggal?.revisi.map { .date($0) } ?? "-"])
        out += m(.calendar, ["line": .text(calendarLine(in: bahasa))])
        out += m(.status, ["status": .message(CaseReport.outcomeWord(loaded.state.status))])
        if let asOf { out += m(.asOf, ["at": .text(format(asOf))]) }
        if let note = beforeOpening(in: bahasa) { out += m(.note, ["note": .text(note)]) }
        for field in sop.caseFields {
            guard let value = loaded.state.data[field.name] else { continue }
            out += m(.data, ["name": .text(field.name), "value": .text(safe(value.description))])
        }
        for item in awaiting {
            out += m(.awaiting, ["step": .text(item.step), "performers": .text(item.performers.joined(separator: ", ")),
                                 "due": .text(item.due.map { loaded.context.formattedDue($0, in: bahasa) } ?? "-")])
        }
        out += "\n" + m(.timeline, [:])
        for stored in loaded.stored.events {
            out += m(.timelineLine, ["at": .text(format(stored.event.at)), "what": .text(safe(describe(stored.event).text(in: bahasa))),
                                     "actor": .text(safe(stored.actor)),
                                     "role": .message(stored.role.map { CaseViewMessages.asRole(["role": .text(safe($0))]) } ?? .empty),
                                     "recorded": .text(format(stored.recordedAt))])
        }
        out += "\n" + m(.documents, [:])
        for document in loaded.state.documents {
            out += m(.documentLine, ["name": .text(safe(document.name)),
                                     "from": .message(document.step.map { CaseViewMessages.documentFrom(["step": .text($0)]) } ?? CaseViewMessages.documentBrought()),
                                     "at": .text(format(document.at))])
        }
        // Lines that grow with dates, names and data are broken to fit a terminal of 80 columns.
        return TextWrap.fitted(out) + "\n" + report.text(in: bahasa)
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
                         ("what", .string(describe(stored.event).english)), ("actor", .string(stored.actor)), ("role", .optional(stored.role)),
                         ("recorded", .string(format(stored.recordedAt)))])
            })),
        ]
        if case .object(let run) = report.json() { pairs += run.filter { $0.0 != "sop" } }
        return .object(pairs)
    }

    /// One event in words, for the timeline (render it with ``Message/text(in:)``).
    public func describe(_ event: CaseEvent) -> Message {
        typealias V = CaseViewMessages
        switch event.kind {
        case .opened(_, let documents):
            return V.evOpened(["documents": .message(documents.isEmpty ? .empty : V.evOpenedDocuments(["count": .number(documents.count)]))])
        case .stepStarted(let s): return V.evStarted(["step": .text(s)])
        case .signedOff(let s, let p, let note): return V.evSigned(["step": .text(s), "performer": .text(p), "note": .text(note.map { " (\($0))" } ?? "")])
        case .documentProduced(let name, let s):
            return V.evDocument(["name": .text(name), "from": .message(s.map { V.evDocumentFrom(["step": .text($0)]) } ?? V.evDocumentBrought())])
        case .decisionTaken(let s, let outcome, let byRule):
            return V.evDecided(["step": .text(s), "outcome": .text(outcome), "byRule": .message(byRule ? V.evByRule() : .empty)])
        case .stepCompleted(let s): return V.evCompleted(["step": .text(s)])
        case .sessionAttended(let s, let n): return V.evSession(["step": .text(s), "number": .number(n)])
        case .ended(let outcome): return V.evEnded(["outcome": .message(CaseReport.outcomeWord(outcome))])
        case .migrated(let from, let to, let mapping):
            let map = mapping.isEmpty ? "" : " (" + mapping.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", ") + ")"
            return V.evMigrated(["from": .text(String(from.prefix(12))), "to": .text(String(to.prefix(12))), "mapping": .text(map)])
        }
    }
}
