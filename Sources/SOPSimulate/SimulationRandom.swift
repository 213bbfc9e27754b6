import Foundation

/// The simulator's own random numbers: xoshiro256** seeded through SplitMix64, so a seed gives the
/// same streams on every platform and Swift version (the standard library's generator promises
/// neither). Each purpose (arrivals, one case's durations, one case's decisions) draws from its own
/// stream, derived from the seed, the run and the case: a revision that adds a step changes the
/// draws of that step only, and `--compare` runs both revisions on the same arrivals.
public struct SimulationRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The purposes a stream is drawn for (part of its derivation).
    public enum Purpose: UInt64, Sendable {
        case arrivals = 1, durations = 2, decisions = 3, data = 4
    }

    /// A generator whose state is four SplitMix64 outputs of `seed`.
    public init(seed: UInt64) {
        var mixer = seed
        s0 = SimulationRandom.splitMix(&mixer)
        s1 = SimulationRandom.splitMix(&mixer)
        s2 = SimulationRandom.splitMix(&mixer)
        s3 = SimulationRandom.splitMix(&mixer)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The stream of one purpose, for case `index` (0 when the purpose is per run) of run `run`.
    public init(seed: UInt64, run: Int, purpose: Purpose, index: Int = 0) {
        var mixer = seed
        var key = SimulationRandom.splitMix(&mixer)
        key ^= UInt64(truncatingIfNeeded: run) &* 0xD1B5_4A32_D192_ED03
        key ^= purpose.rawValue &* 0x8CB9_2BA7_2F3D_8DD7
        key ^= UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        self.init(seed: key)
    }

    /// SplitMix64: one output, advancing `state`.
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform number in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An exponential draw with the given mean (a Poisson process's gap).
    public mutating func exponential(mean: Double) -> Double {
        -mean * log(1 - unit())
    }

    /// A triangular draw on [low, high] with its mode at `mode`.
    public mutating func triangular(low: Double, mode: Double, high: Double) -> Double {
        guard high > low else { return low }
        let u = unit()
        let cut = (mode - low) / (high - low)
        if u < cut { return low + ((high - low) * (mode - low) * u).squareRoot() }
        return high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
    }

    /// An index drawn with the given weights (which need not sum to 1); the last index when all are 0.
    public mutating func pick(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (i, w) in weights.enumerated() {
            if target < w { return i }
            target -= w
        }
        return max(0, weights.count - 1)
    }
}
