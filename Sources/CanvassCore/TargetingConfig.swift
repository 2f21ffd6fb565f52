/// `targeting:` in canvass.yml: what makes a persona or segment worth serving first. Each
/// criterion is measured per candidate; `weights` say how much each counts in the
/// attractiveness score (relative, normalised to sum 1 over the criteria that count).
public struct TargetingConfig: Sendable, Equatable {
    public enum Criterion: String, Sendable, Hashable, CaseIterable {
        /// The candidate's (weighted) share of the respondents.
        case size
        /// The mean of a mapped numeric attribute, e.g. annual revenue.
        case value
        /// How far perception falls short of expectation: −(overall gap), at least 0.
        case shortfall
        /// The mean of a mapped attribute saying how reachable a customer is (e.g. 0/1 opted in).
        case reach
        /// The mean of a mapped attribute of expected growth (may be negative).
        case growth
    }

    /// Numeric survey attributes measuring `value`, `reach` and `growth`; nil when not mapped.
    public var value: String?
    public var reach: String?
    public var growth: String?
    /// Attributes whose values are the candidate segments; nil means the `breakdowns`.
    public var segments: [String]?
    /// Relative weights as written; a criterion left out counts 1 when it is measured.
    public var weights: [Criterion: Double] = [:]
    public var location: SourceLocation?

    public init() {}

    /// The attribute a criterion reads, for those measured by one.
    public func attribute(for criterion: Criterion) -> String? {
        switch criterion {
        case .size, .shortfall: return nil
        case .value: return value
        case .reach: return reach
        case .growth: return growth
        }
    }

    /// Whether the study measures `criterion`: size and shortfall always, the others when mapped.
    public func measures(_ criterion: Criterion) -> Bool {
        criterion == .size || criterion == .shortfall || attribute(for: criterion) != nil
    }

    /// The measured criteria with their weights normalised to sum 1; those weighted 0 are kept
    /// (shown, not counted).
    public var normalisedWeights: [(criterion: Criterion, weight: Double)] {
        let measured = Criterion.allCases.filter(measures)
        let raw = measured.map { weights[$0] ?? 1 }
        let total = raw.reduce(0, +)
        return zip(measured, raw).map { ($0, total > 0 ? $1 / total : 0) }
    }
}
