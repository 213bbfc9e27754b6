/// The cases in one recurring group step (the monthly support group), each with the index of its
/// active run of that step. Dense by case index: a session looks up and records each of thousands
/// of attending cases, and an array index costs nothing where a hashed key cost a hash per case.
struct Roster {
    /// The run index of each case in the step, by case index; -1 for a case not in it.
    private var runs: [Int] = []
    /// Cases in the step.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The run index of case `c` in the step, or nil when it is not in it.
    subscript(c: Int) -> Int? {
        c < runs.count && runs[c] >= 0 ? runs[c] : nil
    }

    /// Puts case `c` in the step with run `r`; returns the run it had there before, if any.
    @discardableResult
    mutating func updateValue(_ r: Int, forKey c: Int) -> Int? {
        if c >= runs.count { runs.append(contentsOf: repeatElement(-1, count: c + 1 - runs.count)) }
        let old = runs[c]
        runs[c] = r
        if old < 0 { count += 1 }
        return old >= 0 ? old : nil
    }

    /// Takes case `c` out of the step.
    mutating func removeValue(forKey c: Int) {
        guard c < runs.count, runs[c] >= 0 else { return }
        runs[c] = -1
        count -= 1
    }

    /// The cases in the step, in ascending case order (the order they arrived).
    var members: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        for (c, r) in runs.enumerated() where r >= 0 { result.append(c) }
        return result
    }
}
