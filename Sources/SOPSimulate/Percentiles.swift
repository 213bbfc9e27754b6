/// Two percentiles of a run's samples without sorting them. ``Spread/percentile(_:_:)`` reads two
/// values of the sorted samples (the ranks the percentile lies between); here those ranks are
/// selected instead (quickselect, each pass partitioning three ways, so the long runs of equal
/// values, waits of zero above all, are settled in one pass), and interpolated by the same formula:
/// the same figures, in linear time instead of sorting each run's 180,000 waits.
enum Percentiles {
    /// The `p`- and `q`-quantiles (`p` <= `q`) of `values`, as ``Spread/percentile(_:_:)`` gives them
    /// of `values.sorted()` (nan when empty). `values` are reordered; they must not be nan.
    static func of(_ values: inout [Double], _ p: Double, _ q: Double) -> (Double, Double) {
        guard !values.isEmpty else { return (.nan, .nan) }
        let n = values.count
        let high = Spread.ranks(q, count: n), low = Spread.ranks(p, count: n)
        return values.withUnsafeMutableBufferPointer { a in
            // Each selection leaves every value before its rank no greater and every value after it
            // no less, so the next rank up is the least after it, and a lower rank lies before it.
            select(a, high.lower, 0, n - 1)
            let qLow = a[high.lower], qHigh = high.upper == high.lower ? qLow : least(a, from: high.upper)
            if low.lower < high.lower { select(a, low.lower, 0, high.lower - 1) }
            let pLow = a[low.lower], pHigh = low.upper == low.lower ? pLow : least(a, from: low.upper)
            return (Spread.interpolate(pLow, pHigh, low.fraction), Spread.interpolate(qLow, qHigh, high.fraction))
        }
    }

    /// Moves the value of rank `k` among `a[lo...hi]` (as if they were sorted) to index `k`, with
    /// no greater value before it and no less after it, within `lo...hi`.
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int, _ lo: Int, _ hi: Int) {
        var lo = lo, hi = hi
        while lo < hi {
            let pivot = median(a[lo], a[lo + (hi - lo) / 2], a[hi])
            // [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot.
            var lt = lo, i = lo, gt = hi
            while i <= gt {
                if a[i] < pivot {
                    a.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if a[i] > pivot {
                    a.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if k < lt { hi = lt - 1 } else if k > gt { lo = gt + 1 } else { return }
        }
    }

    /// The least of `a[from...]`.
    static func least(_ a: UnsafeMutableBufferPointer<Double>, from start: Int) -> Double {
        var m = a[start]
        for i in start + 1..<a.count where a[i] < m { m = a[i] }
        return m
    }

    static func median(_ x: Double, _ y: Double, _ z: Double) -> Double {
        max(min(x, y), min(max(x, y), z))
    }
}
