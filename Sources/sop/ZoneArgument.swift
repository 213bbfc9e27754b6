import ArgumentParser
import Foundation
import SOPKit

/// A time zone option: WIB, WITA, WIT or an IANA name (`Asia/Makassar`); anything else fails at
/// parse time naming the option.
struct ZoneArgument: ExpressibleByArgument {
    let timeZone: TimeZone

    init?(argument: String) {
        guard let zone = TimeZone(identifier: TimeConventions.ianaZone(argument)) else { return nil }
        timeZone = zone
    }

    static var defaultCompletionKind: CompletionKind { .list(["WIB", "WITA", "WIT"]) }
}
