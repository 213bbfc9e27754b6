import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// Loads an SOP for a command that needs a valid one, printing its diagnostics and failing when it has errors.
enum LoadedSOP {
    static func load(_ path: String) throws -> SOPDefinition {
        let result = SOPLoader().load(path: path)
        for d in result.diagnostics { Terminal.diagnostic(d) }
        if let definition = result.definition { return definition }
        Terminal.error(CLIMessages.notLoaded.text(["path": .text(path)], in: Language.session))
        throw ExitCode(1)
    }

    /// Loads an SOP from one read of its file (``ValidatedSOP``): the validated model, the exact
    /// bytes validated (as text, to store) and their hash, so what a journal stores is what was checked.
    static func loadForJournal(_ path: String) throws -> ValidatedSOP {
        let (sop, diagnostics) = ValidatedSOP.load(path: path)
        for d in diagnostics { Terminal.diagnostic(d) }
        if let sop { return sop }
        Terminal.error((diagnostics.hasErrors ? CLIMessages.notLoaded : CLIMessages.notUTF8).text(["path": .text(path)], in: Language.session))
        throw ExitCode(1)
    }

    /// Prints diagnostics and fails when any is an error.
    static func fail(on diagnostics: [Diagnostic]) throws {
        for d in diagnostics { Terminal.diagnostic(d) }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    /// The case context of an SOP: its definition and the working calendar it names.
    static func context(_ definition: SOPDefinition, sopPath: String) throws -> CaseContext {
        let folder = URL(fileURLWithPath: sopPath).deletingLastPathComponent().path
        let (calendar, diagnostics) = CalendarStore.load(id: definition.time.calendar, searchingFrom: folder)
        try fail(on: diagnostics)
        guard let calendar else {
            Terminal.error(CLIMessages.calendarMissing.text(["path": .text(sopPath), "calendar": .text(definition.time.calendar)], in: Language.session))
            throw ExitCode(1)
        }
        if let conflict = CaseContext.zoneConflict(definition: definition, calendar: calendar) {
            Terminal.error("\(sopPath): \(conflict.text(in: Language.session))")
            throw ExitCode(1)
        }
        return CaseContext(definition: definition, calendar: calendar)
    }

    /// Parses an instant option, failing with a usage error that names the option.
    static func instant(_ text: String?, context: CaseContext, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = InstantFormat.parse(text, in: context.calendar.timeZone) else {
            throw UsageFailure.exit(option, CaseCommandMessages.notADateOrTime.text(["text": .text(text)], in: Language.session))
        }
        return date
    }

    /// Parses an instant option for a command over many cases: a time without an offset is read in
    /// the cases' time zone (the national calendar's when there are none); when the cases are in
    /// several zones it must carry its offset.
    /// With no case, the national calendar's zone (from its data) applies. A date alone is read at
    /// `defaultMinute` of that day.
    static func instant(_ text: String?, cases: [LoadedCase], option: String, defaultMinute: Int = 7 * 60 + 30) throws -> Date? {
        try instant(text, contexts: cases.map(\.context), option: option, defaultMinute: defaultMinute)
    }

    /// ``instant(_:cases:option:defaultMinute:)`` for listed cases (the read model).
    static func instant(_ text: String?, listed: [ListedCase], option: String, defaultMinute: Int = 7 * 60 + 30) throws -> Date? {
        try instant(text, contexts: listed.map(\.context), option: option, defaultMinute: defaultMinute)
    }

    static func instant(_ text: String?, contexts: [CaseContext], option: String, defaultMinute: Int = 7 * 60 + 30) throws -> Date? {
        guard let text else { return nil }
        let zones = Set(contexts.map(\.calendar.timeZone.identifier)).sorted()
        guard zones.count > 1 else {
            let zone = zones.first.flatMap(TimeZone.init(identifier:)) ?? CalendarStore.load(id: CalendarStore.nationalID).calendar?.timeZone
            return try instant(text, zone: zone, option: option, defaultMinute: defaultMinute)
        }
        let readings = Set(zones.compactMap { TimeZone(identifier: $0).flatMap { InstantFormat.parse(text, in: $0, defaultMinute: defaultMinute) } })
        guard readings.count == 1, let date = readings.first else {
            throw ValidationError(CLIMessages.severalZones.text(["option": .text(option), "text": .text(text), "zones": .text(zones.joined(separator: ", "))],
                                                                in: Language.session))
        }
        return date
    }

    /// Parses an instant option in a time zone (for commands that span SOPs).
    static func instant(_ text: String?, zone: TimeZone?, option: String, defaultMinute: Int = 7 * 60 + 30) throws -> Date? {
        guard let text else { return nil }
        guard let date = InstantFormat.parse(text, in: zone ?? .current, defaultMinute: defaultMinute) else {
            throw UsageFailure.exit(option, CaseCommandMessages.notADateOrTime.text(["text": .text(text)], in: Language.session))
        }
        return date
    }

    /// Case data from `--data-file` and `--data KEY=VALUE` options (the pairs win).
    static func caseData(file: String?, pairs: [String]) throws -> [String: String] {
        var raw: [String: String] = [:]
        if let file {
            let (fields, problems) = CaseDataFile.read(path: file)
            try fail(on: problems)
            raw = fields
        }
        switch CaseDataFile.pairs(pairs) {
        case .success(let given): raw.merge(given) { _, new in new }
        case .failure(let refusal): throw UsageFailure.exit("--data", refusal.message(in: Language.session))
        }
        return raw
    }
}
