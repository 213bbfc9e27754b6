/// "Did you mean" suggestions by edit distance, for unknown keys, performers, steps and fields.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        let letters = Array(lowered)
        var best: (String, Int)?
        for candidate in candidates {
            // Only distances up to 3 can be suggested, so the distance is computed in a band of that
            // width: the full table of a 20 KB name against a document list hung the loader (fuzzing).
            let distance = boundedDistance(letters, Array(candidate.lowercased()), bound: 3)
            if let current = best, current.1 <= distance { continue }
            best = (candidate, distance)
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(1, min(3, (max(word.count, candidate.count) + 2) / 4))
        if distance <= limit { return candidate }
        // A shortened name: 'perintah' for 'perintah-spt', when only one candidate starts with it.
        guard lowered.count >= 4 else { return nil }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return prefixed.count == 1 ? prefixed.first : nil
    }

    /// The did-you-mean phrase (`". Maksud Anda 'x'?"`, `"; did you mean 'x'?"`), or ``Message/empty``.
    public static func hint(_ word: String, in candidates: some Sequence<String>) -> Message {
        closest(to: word, in: candidates).map { CommonMessages.didYouMean(["candidate": .text($0)]) } ?? .empty
    }

    /// `"; did you mean 'x'?"` or the empty string (English; see ``hint(_:in:)``).
    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// ``editDistance(_:_:)`` when it is at most `k`; `k + 1` when it is more. Only cells within `k`
    /// of the diagonal are computed, so the time is linear in the length of the texts.
    static func boundedDistance(_ s: [Character], _ t: [Character], bound k: Int) -> Int {
        let n = s.count, m = t.count
        let over = k + 1
        if abs(n - m) > k { return over }
        if n == 0 || m == 0 { return max(n, m) }
        var previous2 = [Int](repeating: over, count: m + 2)
        var previous = [Int](repeating: over, count: m + 2)
        var current = [Int](repeating: over, count: m + 2)
        for j in 0...min(m, k) { previous[j] = j }
        for i in 1...n {
            let lo = max(1, i - k), hi = min(m, i + k)
            current[lo - 1] = lo == 1 ? min(i, over) : over
            var rowMin = current[lo - 1]
            for j in lo...hi {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = Swift.min(value, previous2[j - 2] + 1)
                }
                current[j] = Swift.min(value, over)
                rowMin = Swift.min(rowMin, current[j])
            }
            current[hi + 1] = over
            if rowMin > k { return over }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return Swift.min(previous[m], over)
    }

    /// Levenshtein distance over characters (optimal string alignment: a swap of neighbours costs 1).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    current[j] = Swift.min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }
}
