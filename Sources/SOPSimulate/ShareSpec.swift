import SOPKit

/// One `--share STEP=OUTCOME:P`: the share of a decision's outcome (0 to 1).
public struct ShareSpec: Sendable, Hashable {
    public var step: String
    public var outcome: String
    public var share: Double

    public init(step: String, outcome: String, share: Double) {
        self.step = step
        self.outcome = outcome
        self.share = share
    }

    /// Reads `STEP=OUTCOME:P` (P a number from 0 to 1, or a percentage such as `40%`).
    public init(parsing text: String) throws(SimulationInputError) {
        guard let eq = text.firstIndex(of: "="), let colon = text.lastIndex(of: ":"), eq < colon else {
            throw SimulationInputError("--share", SimulationInputMessages.shareNotSpec(["text": .text(text)]))
        }
        let step = String(text[..<eq]), outcome = String(text[text.index(after: eq)..<colon])
        var number = String(text[text.index(after: colon)...]).replacingOccurrences(of: ",", with: ".")
        var scale = 1.0
        if number.hasSuffix("%") {
            number.removeLast()
            scale = 100
        }
        guard !step.isEmpty, !outcome.isEmpty else {
            throw SimulationInputError("--share", SimulationInputMessages.shareNotSpec(["text": .text(text)]))
        }
        guard let value = Double(number), value.isFinite, value / scale >= 0, value / scale <= 1 else {
            throw SimulationInputError("--share", SimulationInputMessages.shareRange(["text": .text(text)]))
        }
        self.init(step: step, outcome: outcome, share: value / scale)
    }
}
