/// Which step of the old definition is which step of the new: by id first, then by content for the
/// steps left over (the same activity text, or mostly the same words with the same performers).
struct StepMatching {
    /// Old id to new id.
    let mapping: [String: String]
    /// Old ids matched by content (their id changed).
    let renamed: Set<String>

    init(old: SOPDefinition, new: SOPDefinition) {
        var mapping: [String: String] = [:]
        for step in old.steps where new.step(step.id) != nil { mapping[step.id] = step.id }
        var freeNew = new.steps.filter { s in !mapping.values.contains(s.id) }
        var renamed = Set<String>()
        for step in old.steps where mapping[step.id] == nil {
            let scored = freeNew.map { ($0, StepMatching.similarity(step, $0)) }.max { $0.1 < $1.1 }
            guard let (candidate, score) = scored, score >= 0.6 else { continue }
            mapping[step.id] = candidate.id
            renamed.insert(step.id)
            freeNew.removeAll { $0.id == candidate.id }
        }
        self.mapping = mapping
        self.renamed = renamed
    }

    /// 0...1: word overlap of the activity texts, raised when performers and outputs agree.
    static func similarity(_ a: Step, _ b: Step) -> Double {
        func words(_ s: String) -> Set<String> {
            Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        }
        let x = words(a.uraian), y = words(b.uraian)
        let union = x.union(y).count
        var score = union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
        if a.performers.map(\.value) == b.performers.map(\.value) { score += 0.2 }
        if a.output.map(\.value) == b.output.map(\.value), !a.output.isEmpty { score += 0.2 }
        return min(1, score)
    }
}
