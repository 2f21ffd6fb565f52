/// What to do about a dimension, read from its importance and its gap together.
///
/// The importance–performance quadrant (SPEC §4.4) places a dimension against the *other*
/// dimensions: a dimension can be rated above the mean of all dimensions and still fall clearly
/// short of what customers expected of it. The verdict shown to a reader therefore takes the
/// importance half from the quadrant and the performance half from the gap, so that it never
/// contradicts the gap printed beside it: a gap whose 95 % interval lies below zero is a shortfall,
/// one whose interval lies above zero exceeds expectations, anything else meets them. Without an
/// interval (n < 2) the sign of the gap decides.
public enum Verdict: String, Sendable, CaseIterable, Hashable {
    /// Important, and clearly below expectations.
    case concentrateHere = "concentrate here"
    /// Less important than the others, but clearly below expectations.
    case fixLater = "fix later"
    /// Important, and meeting or exceeding expectations.
    case keepUpTheGoodWork = "keep up the good work"
    /// Less important, and meeting expectations.
    case lowPriority = "low priority"
    /// Less important, and clearly above expectations.
    case possibleOverkill = "possible overkill"

    /// How a gap stands against zero.
    public enum GapStanding: Sendable, Hashable {
        case shortfall, meets, exceeds

        public init?(_ gap: PairedGap) {
            if let ci = gap.ci95 {
                self = ci.upper < 0 ? .shortfall : ci.lower > 0 ? .exceeds : .meets
            } else if let mean = gap.mean {
                self = mean < 0 ? .shortfall : mean > 0 ? .exceeds : .meets
            } else {
                return nil
            }
        }
    }

    /// The verdict for a dimension in `quadrant` with `gap`; nil without a quadrant. A dimension
    /// without a gap (no paired answers) keeps its quadrant's name.
    public static func of(quadrant: Quadrant?, gap: PairedGap) -> Verdict? {
        guard let quadrant else { return nil }
        let important = quadrant == .concentrateHere || quadrant == .keepUpTheGoodWork
        guard let standing = GapStanding(gap) else {
            switch quadrant {
            case .concentrateHere: return .concentrateHere
            case .keepUpTheGoodWork: return .keepUpTheGoodWork
            case .lowPriority: return .lowPriority
            case .possibleOverkill: return .possibleOverkill
            }
        }
        switch (important, standing) {
        case (true, .shortfall): return .concentrateHere
        case (true, _): return .keepUpTheGoodWork
        case (false, .shortfall): return .fixLater
        case (false, .meets): return .lowPriority
        case (false, .exceeds): return .possibleOverkill
        }
    }
}

extension DimensionResult {
    /// The verdict shown beside the dimension's gap (see `Verdict`).
    public var verdict: Verdict? { Verdict.of(quadrant: quadrant, gap: gap) }
}
