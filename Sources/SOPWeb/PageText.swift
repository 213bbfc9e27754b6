import SOPKit

/// Every text the pages of `sop serve` show, from the message catalogue (``PageMessages``), in the
/// language of the server: Indonesian, or English when `sop serve` is started with `--bahasa en`
/// (`SOP_BAHASA` and the locale choose the language of the server's own terminal messages only: the
/// pages' readers are the office's staff, whatever the server's environment says). Texts that take values are functions; values are escaped
/// by the page that shows them, never here.
public enum PageText {
    /// The language of the pages, set once when the server starts (before any request).
    nonisolated(unsafe) public static var bahasa: Bahasa = .id

    static func text(_ entry: PageMessages, _ arguments: [String: MessageArgument] = [:]) -> String { entry.text(arguments, in: bahasa) }

    public static var appName: String { PageText.text(.appName) }
    public static var login: String { PageText.text(.login) }
    public static var logout: String { PageText.text(.logout) }
    public static var userName: String { PageText.text(.userName) }
    public static var password: String { PageText.text(.password) }
    /// One message for a wrong name and a wrong password (and a disabled account).
    public static var loginFailed: String { PageText.text(.loginFailed) }
    public static var loginThrottled: String { PageText.text(.loginThrottled) }
    public static var sessionEnded: String { PageText.text(.sessionEnded) }
    public static var csrfRefused: String { PageText.text(.csrfRefused) }
    public static var myTasks: String { PageText.text(.myTasks) }
    public static var cases: String { PageText.text(.cases) }
    public static var newCase: String { PageText.text(.newCase) }
    public static var noTasks: String { PageText.text(.noTasks) }
    public static var noCases: String { PageText.text(.noCases) }
    public static var overdue: String { PageText.text(.overdue) }
    public static var onTime: String { PageText.text(.onTime) }
    public static var due: String { PageText.text(.due) }
    public static var step: String { PageText.text(.step) }
    public static var caseID: String { PageText.text(.caseID) }
    public static var sop: String { PageText.text(.sop) }
    public static var status: String { PageText.text(.status) }
    public static var opened: String { PageText.text(.opened) }
    public static var active: String { PageText.text(.active) }
    public static var awaited: String { PageText.text(.awaited) }
    public static var data: String { PageText.text(.data) }
    public static var timeline: String { PageText.text(.timeline) }
    public static var documents: String { PageText.text(.documents) }
    public static var actions: String { PageText.text(.actions) }
    public static var actAs: String { PageText.text(.actAs) }
    public static var answer: String { PageText.text(.answer) }
    public static var note: String { PageText.text(.note) }
    public static var signOff: String { PageText.text(.signOff) }
    public static var filter: String { PageText.text(.filter) }
    public static var search: String { PageText.text(.search) }
    public static var all: String { PageText.text(.all) }
    public static var onlyOverdue: String { PageText.text(.onlyOverdue) }
    public static var open: String { PageText.text(.open) }
    public static var save: String { PageText.text(.save) }
    public static var required: String { PageText.text(.required) }
    public static var masked: String { PageText.text(.masked) }
    public static var caseChanged: String { PageText.text(.caseChanged) }
    public static var noActions: String { PageText.text(.noActions) }
    public static var notFound: String { PageText.text(.notFound) }
    public static var notAllowed: String { PageText.text(.notAllowed) }
    public static var recorded: String { PageText.text(.recorded) }
    public static var chooseSOP: String { PageText.text(.chooseSOP) }
    public static var report: String { PageText.text(.report) }
    public static var downloadCSV: String { PageText.text(.downloadCSV) }
    public static var reportWhat: String { PageText.text(.reportWhat) }
    public static var reportStandard: String { PageText.text(.reportStandard) }
    public static var reportMedian: String { PageText.text(.reportMedian) }
    public static var reportWorst: String { PageText.text(.reportWorst) }
    public static var sopDocuments: String { PageText.text(.sopDocuments) }
    public static var groupSession: String { PageText.text(.groupSession) }
    public static var sessionTime: String { PageText.text(.sessionTime) }
    public static var attended: String { PageText.text(.attended) }
    public static var recordSession: String { PageText.text(.recordSession) }
    public static var noSessionCases: String { PageText.text(.noSessionCases) }
    public static var chooseStep: String { PageText.text(.chooseStep) }
    public static var preview: String { PageText.text(.preview) }
    public static var errorWord: String { PageText.text(.errorWord) }
    public static var warningWord: String { PageText.text(.warningWord) }
    public static var noDiagnostics: String { PageText.text(.noDiagnostics) }
    public static var noDocumentYet: String { PageText.text(.noDocumentYet) }
    public static var badTime: String { PageText.text(.badTime) }
    public static func sessionRecorded(_ count: Int) -> String { PageText.text(.sessionRecorded, ["n": .number(count)]) }
    public static var downloadPDF: String { PageText.text(.downloadPDF) }
    public static var pdfUnavailable: String { PageText.text(.pdfUnavailable) }
    public static var pdfFailed: String { PageText.text(.pdfFailed) }
    public static var openDocument: String { PageText.text(.openDocument) }
    public static var officialDocument: String { PageText.text(.officialDocument) }
    public static var flowchart: String { PageText.text(.flowchart) }
    public static var statusNames: [String: String] { ["open": PageText.text(.statusOpen), "completed": PageText.text(.statusCompleted), "exited": PageText.text(.statusExited)] }

    public static func caseOpened(_ id: String) -> String { PageText.text(.caseOpened, ["id": .text(id)]) }
    public static func moreTasks(_ count: Int) -> String { PageText.text(.moreTasks, ["n": .number(count)]) }
    public static func late(_ text: String) -> String { PageText.text(.late, ["text": .text(text)]) }
    public static func loggedInAs(_ name: String) -> String { PageText.text(.loggedInAs, ["name": .text(name)]) }
    public static func refused(_ reason: String) -> String { PageText.text(.refused, ["reason": .text(reason)]) }
    public static func status(_ raw: String) -> String { statusNames[raw] ?? raw }
    /// A case value as shown: yes/no in words, everything else as written.
    public static func value(_ value: CaseValue) -> String {
        if case .boolean(let flag) = value { return flag ? PageText.text(.yes) : PageText.text(.no) }
        return value.description
    }
}
