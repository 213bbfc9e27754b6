import Foundation

extension String {
    /// The text with the lines `case show` and `tasks` broke to fit 80 columns joined again (a
    /// line break followed by four or more spaces of a continuation becomes one space), for
    /// checks that look for a whole line.
    var unwrapped: String {
        replacingOccurrences(of: "\n {4,}", with: " ", options: .regularExpression)
    }
}
