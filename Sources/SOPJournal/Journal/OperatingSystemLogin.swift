import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The login of the process's real user, from the system's user database (not `$USER`, which the
/// caller sets as it likes): the audit trail records it beside any name claimed with `--user`.
public enum OperatingSystemLogin {
    public static var name: String {
        let uid = getuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(uid)"
    }
}
