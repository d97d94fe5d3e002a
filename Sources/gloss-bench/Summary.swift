/// Median, minimum and maximum of a series of measurements.
struct Summary: Sendable, Equatable {
    var median: Double
    var min: Double
    var max: Double
    var count: Int

    /// Nil for an empty series. The median of an even count is the mean of the middle two.
    init?(_ samples: [Double]) {
        let sorted = samples.sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = first
        max = last
        count = sorted.count
    }

    /// Element-wise ratios `numerators[i] / denominators[i]` of two series measured in pairs,
    /// so that noise shared by both runs of a pair cancels. Pairs with a zero denominator are dropped.
    static func pairRatios(_ numerators: [Double], _ denominators: [Double]) -> [Double] {
        zip(numerators, denominators).compactMap { $1 > 0 ? $0 / $1 : nil }
    }

    /// Element-wise differences `minuends[i] - subtrahends[i]` of two series measured in pairs.
    static func pairDifferences(_ minuends: [Double], _ subtrahends: [Double]) -> [Double] {
        zip(minuends, subtrahends).map { $0 - $1 }
    }
}

extension Duration {
    /// The duration in milliseconds, as a floating-point number.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
