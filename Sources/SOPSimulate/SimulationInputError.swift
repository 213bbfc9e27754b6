import SOPKit

/// Input the simulator cannot use: which option, and why, in one line of our own words (a
/// catalogue message, ``SimulationInputMessages``). The command line prints it as
/// `sop: OPTION: message` in the reader's language and exits 64 (usage).
public struct SimulationInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option at fault (`--staff`, `--share`, `--arrivals`, `--from`, ...).
    public var option: String
    /// Why, in either language.
    public var text: Message

    public init(_ option: String, _ text: Message) {
        self.option = option
        self.text = text
    }

    /// The English text (what the library's tests and logs read).
    public var message: String { text.english }

    /// The text in `bahasa`.
    public func message(in bahasa: Bahasa) -> String { text.text(in: bahasa) }

    public var description: String { message }
}
