import Foundation
import SOPKit

/// The calendar part of `sop validate`: for each SOP, its working calendar is looked up as `sop run`
/// does; SOP611 when the SOP's `zona` contradicts its office calendar's zone, and SOP610 once per
/// calendar whose decreed days off end within 60 days (at the first SOP that names it).
enum CalendarCoverageCheck {
    static func warnings(_ checks: [FolderValidation.FileCheck], now: Date) -> [Diagnostic] {
        var calendars: [String: WorkingCalendar?] = [:]
        var result: [Diagnostic] = []
        for check in checks {
            guard let definition = check.definition else { continue }
            let folder = URL(fileURLWithPath: check.path).deletingLastPathComponent().path
            let key = "\(definition.time.calendar)\u{0}\(folder)"
            if calendars[key] == nil {
                calendars[key] = .some(CalendarStore.load(id: definition.time.calendar, searchingFrom: folder).calendar)
            }
            guard let found = calendars[key], let calendar = found else { continue }
            let top = SourceLocation(file: check.path, line: 1, column: 1)
            if let conflict = CaseContext.zoneConflict(definition: definition, calendar: calendar) {
                result.append(.error("SOP611", conflict, at: top))
            }
            if let warning = CalendarCoverage.warning(for: calendar, now: now, at: top),
               !result.contains(where: { $0.message == warning.message }) {
                result.append(warning)
            }
        }
        return result
    }
}
