import Foundation

/// The chi-square distribution's upper tail, through the regularized incomplete gamma function,
/// and the goodness-of-fit test of observed counts against expected shares.
public enum ChiSquare {
    /// P(X ≥ x) for X ~ χ²(ν) = Q(ν/2, x/2).
    public static func upperTail(_ x: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        guard x > 0 else { return 1 }
        return IncompleteGamma.upper(a: nu / 2, x: x / 2)
    }

    /// Pearson's statistic Σ (O − E)² / E with E = n·share, its degrees of freedom (cells − 1)
    /// and p; nil when there are fewer than two cells or no observations.
    public static func goodnessOfFit(observed: [Int], shares: [Double]) -> (statistic: Double, degreesOfFreedom: Int, p: Double)? {
        precondition(observed.count == shares.count, "one share per cell")
        let n = Double(observed.reduce(0, +))
        guard observed.count > 1, n > 0 else { return nil }
        var statistic = 0.0
        for (count, share) in zip(observed, shares) {
            let expected = n * share
            statistic += (Double(count) - expected) * (Double(count) - expected) / expected
        }
        let df = observed.count - 1
        return (statistic, df, upperTail(statistic, degreesOfFreedom: Double(df)))
    }
}

/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x): a power series
/// below x = a + 1, Lentz's continued fraction above it (each converges fast on its side).
public enum IncompleteGamma {
    public static func upper(a: Double, x: Double) -> Double {
        guard x > 0 else { return 1 }
        return x < a + 1 ? 1 - series(a: a, x: x) : continuedFraction(a: a, x: x)
    }

    /// P(a, x) = x^a e^−x / Γ(a) · Σ xⁿ / (a (a+1) … (a+n)).
    private static func series(a: Double, x: Double) -> Double {
        var term = 1 / a, sum = term, denominator = a
        for _ in 0..<1000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    /// Q(a, x) = x^a e^−x / Γ(a) · 1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − …)).
    private static func continuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<1000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
