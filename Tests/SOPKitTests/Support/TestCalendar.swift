@testable import SOPKit

/// The repository's national calendar, for tests that write to a store directly.
enum TestCalendar {
    static let national: WorkingCalendar = {
        guard let calendar = CalendarStore.load(id: CalendarStore.nationalID, searchingFrom: TestPaths.root.path).calendar else {
            preconditionFailure("calendars/indonesia.yaml does not load")
        }
        return calendar
    }()
}
