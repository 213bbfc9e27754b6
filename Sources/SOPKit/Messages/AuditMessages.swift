/// The details of audit entries (`sop audit`): stored as messages (``StoredMessage``), shown in the
/// reader's language. Case ids, step ids, SOP ids and hashes they quote stay as they are.
public enum AuditMessages: String, MessageGroup {
    case caseOpened, caseMigrated, calendarMoved, notPinned, stepRefused, sessionRefused, reasons
    case cases, casesOf, tasks, reportLines, reportLinesCSV, rebuilt, waitingAtStep
    case users, userAdded, userSOPs, passwordChanged, userDisabled
    case loginThrottled, loginWrong, formToken, roleNotHeld, caseChangedSincePage
    case copiedFrom, updatedFrom

    public var texts: MessageTexts {
        switch self {
        case .caseOpened: .init(id: "dibuka pada {sop} (definisi {definition}, kalender {calendar} {revision})",
                                en: "opened on {sop} (definition {definition}, calendar {calendar} {revision})")
        case .caseMigrated: .init(id: "dipindahkan ke definisi {definition} (kalender {calendar} {revision})",
                                  en: "migrated to definition {definition} (calendar {calendar} {revision})")
        case .calendarMoved: .init(id: "kalender {calendar}: {from} -> {revision}", en: "calendar {calendar}: {from} -> {revision}")
        case .notPinned: .init(id: "belum disematkan", en: "not pinned")
        case .stepRefused: .init(id: "{step}: {why}", en: "{step}: {why}")
        case .sessionRefused: .init(id: "{step} untuk {cases}: {why}", en: "{step} for {cases}: {why}")
        case .reasons: .init(id: "{reasons}", en: "{reasons}")
        case .cases: .init(id: "{count} kasus", en: "{count} case(s)")
        case .casesOf: .init(id: "{count} kasus dari {sop}", en: "{count} case(s) of {sop}")
        case .tasks: .init(id: "{count} tugas", en: "{count} task(s)")
        case .reportLines: .init(id: "web: {count} baris", en: "web: {count} line(s)")
        case .reportLinesCSV: .init(id: "web csv: {count} baris", en: "web csv: {count} line(s)")
        case .rebuilt: .init(id: "{rebuilt} kasus dibangun ulang, {unreadable} tidak terbaca", en: "{rebuilt} case(s) rebuilt, {unreadable} unreadable")
        case .waitingAtStep: .init(id: "{sop} {step}: {count} kasus", en: "{sop} {step}: {count} case(s)")
        case .users: .init(id: "{count} pengguna", en: "{count} user(s)")
        case .userAdded: .init(id: "{name}: peran {roles}{sops}", en: "{name}: roles {roles}{sops}")
        case .userSOPs: .init(id: "; SOP {sops}", en: "; SOPs {sops}")
        case .passwordChanged: .init(id: "{name}: kata sandi baru; semua sesinya diakhiri", en: "{name}: new password; every session ended")
        case .userDisabled: .init(id: "{name}: dinonaktifkan; semua sesinya diakhiri", en: "{name}: disabled; every session ended")
        case .loginThrottled: .init(id: "ditahan setelah gagal berulang kali", en: "throttled after repeated failures")
        case .loginWrong: .init(id: "nama atau kata sandi salah, atau akunnya dinonaktifkan", en: "wrong name or password, or a disabled account")
        case .formToken: .init(id: "token CSRF tidak ada atau salah pada {path}", en: "missing or wrong CSRF token on {path}")
        case .roleNotHeld: .init(id: "{user} tidak memegang peran '{role}'", en: "{user} does not hold the role '{role}'")
        case .caseChangedSincePage: .init(id: "kasus berubah sejak halamannya ditampilkan", en: "the case changed since the page was shown")
        case .copiedFrom: .init(id: "disalin dari {source}: {events} peristiwa, checksum {checksum}",
                                en: "copied from {source}: {events} events, checksum {checksum}")
        case .updatedFrom: .init(id: "diperbarui dari {source}: {added} peristiwa baru, checksum {checksum}",
                                 en: "updated from {source}: {added} new events, checksum {checksum}")
        }
    }
}
