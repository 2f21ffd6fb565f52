import CanvassCore

/// Shewhart control charts over survey waves, with 3-sigma limits that depend on each wave's
/// (effective) size n:
///
/// - p-chart for a share: centre p̄ = Σ nᵢpᵢ / Σ nᵢ, limits p̄ ± 3·√(p̄(1 − p̄)/nᵢ), within 0…1.
/// - X̄-chart for a mean: centre x̿ = Σ nᵢx̄ᵢ / Σ nᵢ, σ̂ = √(Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1)) pooled
///   within waves, limits x̿ ± 3·σ̂/√nᵢ.
///
/// Waves without answers take no part. Limits need at least two waves with answers (one wave
/// cannot show a change) and, for an X̄-chart, a pooled σ̂.
enum ControlChart {
    struct Wave {
        var mean: Double?
        var sd: Double?
        var n: Double
    }

    /// The centre and, per wave, the limits of a p-chart over proportions (0…1).
    static func p(_ waves: [Wave]) -> (centre: Double?, limits: [Interval?]) {
        let present = waves.filter { $0.mean != nil && $0.n > 0 }
        guard present.count >= 2 else { return (nil, waves.map { _ in nil }) }
        let total = present.reduce(0) { $0 + $1.n }
        let centre = present.reduce(0) { $0 + $1.n * $1.mean! } / total
        return (centre, waves.map { wave in
            guard wave.n > 0 else { return nil }
            let half = 3 * (centre * (1 - centre) / wave.n).squareRoot()
            return Interval(max(0, centre - half), min(1, centre + half))
        })
    }

    /// The centre, pooled σ̂ and per-wave limits of an X̄-chart.
    static func xbar(_ waves: [Wave]) -> (centre: Double?, sigma: Double?, limits: [Interval?]) {
        let present = waves.filter { $0.mean != nil && $0.n > 0 }
        guard present.count >= 2 else { return (nil, nil, waves.map { _ in nil }) }
        let total = present.reduce(0) { $0 + $1.n }
        let centre = present.reduce(0) { $0 + $1.n * $1.mean! } / total
        let pooled = present.filter { $0.sd != nil && $0.n > 1 }
        let freedom = pooled.reduce(0) { $0 + ($1.n - 1) }
        guard freedom > 0 else { return (centre, nil, waves.map { _ in nil }) }
        let sigma = (pooled.reduce(0) { $0 + ($1.n - 1) * $1.sd! * $1.sd! } / freedom).squareRoot()
        return (centre, sigma, waves.map { wave in
            guard wave.n > 0 else { return nil }
            let half = 3 * sigma / wave.n.squareRoot()
            return Interval(centre - half, centre + half)
        })
    }
}
