import Foundation

/// A scenario file run end to end: loaded, its SOP found and loaded, its calendar found, replayed,
/// and its expectations checked. Used by `sop test`, `sop run --scenario` and `sop validate`.
public struct ScenarioFile: Sendable {
    public var path: String
    public var scenario: Scenario?
    public var outcome: ScenarioRunner.Outcome?
    /// Problems loading the scenario or its SOP, and refused actions: the scenario is broken.
    public var diagnostics: [Diagnostic]
    /// Expectations that do not hold: the SOP does not behave as the scenario says.
    public var failures: [Diagnostic] { outcome?.failures ?? [] }

    /// Whether the scenario replayed legally and every expectation held.
    public var passed: Bool { !diagnostics.hasErrors && failures.isEmpty && outcome != nil }

    /// Runs the scenario at `path`, against `sopPath` when given, else the SOP its `sop:` names.
    public static func run(path: String, sopPath: String? = nil) -> ScenarioFile {
        let (scenario, loadDiagnostics) = ScenarioLoader().load(path: path)
        var file = ScenarioFile(path: path, scenario: scenario, outcome: nil, diagnostics: loadDiagnostics)
        guard let scenario else { return file }
        let target = sopPath ?? resolveSOP(scenario.sop.value, besides: path)
        guard let target else {
            file.diagnostics.append(.error("SOP701", ScenarioMessages.sopNotFound(["sop": .text(scenario.sop.value)]),
                                           at: scenario.sop.location))
            return file
        }
        let loaded = SOPLoader().load(path: target)
        guard let definition = loaded.definition else {
            file.diagnostics.append(.error("SOP701", ScenarioMessages.sopDoesNotLoad(["path": .text(target)]),
                                           at: scenario.sop.location))
            return file
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let (calendar, calendarDiagnostics) = CalendarStore.load(id: definition.time.calendar, searchingFrom: folder)
        file.diagnostics += calendarDiagnostics
        guard let calendar else {
            file.diagnostics.append(.error("SOP701", ScenarioMessages.calendarNotFound(["calendar": .text(definition.time.calendar), "sop": .text(definition.id)]),
                                           at: scenario.sop.location))
            return file
        }
        let outcome = ScenarioRunner(context: CaseContext(definition: definition, calendar: calendar)).run(scenario)
        file.outcome = outcome
        file.diagnostics += outcome.diagnostics
        return file
    }

    /// `<id>.yaml` (or `.yml`) beside the scenario, or a path relative to it.
    public static func resolveSOP(_ reference: String, besides scenarioPath: String) -> String? {
        let folder = URL(fileURLWithPath: scenarioPath).deletingLastPathComponent()
        let candidates = reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") || reference.contains("/")
            ? [reference] : [reference + ".yaml", reference + ".yml"]
        for candidate in candidates {
            let url = candidate.hasPrefix("/") ? URL(fileURLWithPath: candidate) : folder.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path) {
                return scenarioPath.hasPrefix("/") || candidate.hasPrefix("/") ? url.path : relative(url.path)
            }
        }
        return nil
    }

    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
