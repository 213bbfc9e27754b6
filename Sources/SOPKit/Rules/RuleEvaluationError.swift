/// Why a rule could not be decided for a case, e.g. `case field 'umur' has no value` when an
/// optional field is absent from the case's data.
public struct RuleEvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in plain words.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
