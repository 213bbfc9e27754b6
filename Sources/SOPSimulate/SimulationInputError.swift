/// Input the simulator cannot use: which option, and why, in one line of our own words. The
/// command line prints it as `sop: OPTION: message` and exits 64 (usage).
public struct SimulationInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option at fault (`--staff`, `--share`, `--arrivals`, `--from`, ...).
    public var option: String
    public var message: String

    public init(_ option: String, _ message: String) {
        self.option = option
        self.message = message
    }

    public var description: String { message }
}
