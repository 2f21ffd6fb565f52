/// Raking (iterative proportional fitting): weights that make the sample's shares of each
/// attribute's values match the population's margins, with optional trimming of extreme weights
/// and re-raking after each trim.
///
/// A row without a value for an attribute takes no part in that attribute's adjustment (its
/// weight is not changed by it); the shares are of the rows that have a value.
public enum Raking {
    public struct Margin: Sendable {
        /// Each row's value as an index into `shares`; nil where the row has no value.
        public var cells: [Int?]
        public var shares: [Double]
        public init(cells: [Int?], shares: [Double]) {
            self.cells = cells
            self.shares = shares
        }
    }

    public struct Result: Sendable, Equatable {
        /// One weight per row, with mean 1.
        public var weights: [Double]
        /// Raking sweeps over all margins, summed over trimming rounds.
        public var iterations: Int
        /// Rows whose weight was cut to a bound at least once.
        public var trimmed: Int
    }

    public enum Failure: Error, Equatable, Sendable {
        /// A population cell that no row falls in: no weight can give it its share.
        case emptyCell(margin: Int, cell: Int)
        /// The margins were still off by `largestMiss` (as a proportion) after the sweeps allowed.
        case noConvergence(largestMiss: Double, iterations: Int)
        /// The trimming bounds and the margins could not both be met.
        case trimmingDoesNotSettle(rounds: Int)
    }

    public static let tolerance = 1e-10

    public static func rake(
        rows: Int, margins: [Margin], trim: (min: Double, max: Double)? = nil, maxIterations: Int = 1000, maxTrimRounds: Int = 500
    ) -> Swift.Result<Result, Failure> {
        for (m, margin) in margins.enumerated() {
            var present = [Bool](repeating: false, count: margin.shares.count)
            for cell in margin.cells { if let cell { present[cell] = true } }
            if let empty = present.firstIndex(of: false) { return .failure(.emptyCell(margin: m, cell: empty)) }
        }
        var weights = [Double](repeating: 1, count: rows)
        guard rows > 0 else { return .success(Result(weights: [], iterations: 0, trimmed: 0)) }
        var iterations = 0
        var trimmedRows = Set<Int>()
        for _ in 0..<maxTrimRounds {
            switch sweep(&weights, margins, maxIterations: maxIterations) {
            case .failure(let failure): return .failure(failure)
            case .success(let sweeps): iterations += sweeps
            }
            let mean = weights.reduce(0, +) / Double(rows)
            for i in weights.indices { weights[i] /= mean }
            guard let trim else { return .success(Result(weights: weights, iterations: iterations, trimmed: 0)) }
            var cut = false
            for i in weights.indices {
                if weights[i] > trim.max * (1 + 1e-9) { weights[i] = trim.max; cut = true; trimmedRows.insert(i) }
                else if weights[i] < trim.min * (1 - 1e-9) { weights[i] = trim.min; cut = true; trimmedRows.insert(i) }
            }
            if !cut { return .success(Result(weights: weights, iterations: iterations, trimmed: trimmedRows.count)) }
        }
        return .failure(.trimmingDoesNotSettle(rounds: maxTrimRounds))
    }

    /// Adjusts each margin in turn until every share is within `tolerance` of its target.
    private static func sweep(_ weights: inout [Double], _ margins: [Margin], maxIterations: Int) -> Swift.Result<Int, Failure> {
        var miss = Double.infinity
        for iteration in 1...max(maxIterations, 1) {
            for margin in margins {
                let totals = cellTotals(weights, margin)
                let total = totals.reduce(0, +)
                let factors = zip(margin.shares, totals).map { share, cellTotal in share * total / cellTotal }
                for i in margin.cells.indices { if let cell = margin.cells[i] { weights[i] *= factors[cell] } }
            }
            miss = largestMiss(weights, margins)
            if miss < tolerance { return .success(iteration) }
        }
        return .failure(.noConvergence(largestMiss: miss, iterations: maxIterations))
    }

    static func cellTotals(_ weights: [Double], _ margin: Margin) -> [Double] {
        var totals = [Double](repeating: 0, count: margin.shares.count)
        // Indices rather than enumerated(): the same sums in the same order, without a tuple per
        // row, which a debug build pays for on every sweep.
        for i in margin.cells.indices { if let cell = margin.cells[i] { totals[cell] += weights[i] } }
        return totals
    }

    /// The largest difference between a weighted share and its target, over all margins.
    public static func largestMiss(_ weights: [Double], _ margins: [Margin]) -> Double {
        margins.map { margin in
            let totals = cellTotals(weights, margin), total = totals.reduce(0, +)
            return zip(totals, margin.shares).map { abs($0 / total - $1) }.max() ?? 0
        }.max() ?? 0
    }

    /// Kish's design effect n·Σw²/(Σw)² and effective sample size (Σw)²/Σw²; nil without weight.
    public static func designEffect(_ weights: [Double]) -> (deff: Double, effectiveN: Double)? {
        let sum = weights.reduce(0, +), squares = weights.reduce(0) { $0 + $1 * $1 }
        guard sum > 0, squares > 0 else { return nil }
        return (Double(weights.count) * squares / (sum * sum), sum * sum / squares)
    }
}
