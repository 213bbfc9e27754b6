import Foundation

extension CaseEngine {
    /// One group session attended by many cases at once: the attendance events of every case, or
    /// a refusal naming the first case that cannot attend (then nothing is recorded for any).
    public func recordSession(step: String, at: Date, cases: [(id: String, state: CaseState)]) throws(CaseRefusal) -> [(id: String, events: [CaseEvent])] {
        var result: [(id: String, events: [CaseEvent])] = []
        var seen = Set<String>()
        for (id, state) in cases {
            guard seen.insert(id).inserted else {
                throw CaseRefusal(.sessionRefused, EngineMessages.listedTwice(["case": .text(id)]))
            }
            do {
                result.append((id, try attend(on: state, step: step, at: at)))
            } catch {
                throw CaseRefusal(error.reason, EngineMessages.onCase(["case": .text(id), "why": .message(error.text)]))
            }
        }
        return result
    }
}
