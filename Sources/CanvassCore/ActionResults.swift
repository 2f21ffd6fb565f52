/// What each improvement action did to its figures: the wave before it started against the
/// latest wave after, with a test fit for the metric, and whether it is overdue.
public struct ActionResults: Sendable {
    /// The day overdue is judged on: `asOf` in canvass.yml, else the study's latest date.
    public var asOf: CalendarDate?
    public var actions: [ActionResult]

    public init(asOf: CalendarDate?, actions: [ActionResult]) {
        self.asOf = asOf
        self.actions = actions
    }

    public func action(id: String) -> ActionResult? { actions.first { $0.action.id == id } }

    /// The actions that address `kind:id`.
    public func addressing(_ kind: ImprovementAction.Addressed.Kind, _ id: String) -> [ActionResult] {
        actions.filter { $0.action.addresses.contains { $0.kind == kind && $0.id == id } }
    }
}

public struct ActionResult: Sendable {
    public var action: ImprovementAction
    public var effects: [ActionEffect]
    /// Due before `asOf` and neither done nor dropped.
    public var overdue: Bool

    public init(action: ImprovementAction, effects: [ActionEffect], overdue: Bool) {
        self.action = action
        self.effects = effects
        self.overdue = overdue
    }

    /// One verdict for the action: worse if any figure got worse, else improved if any improved,
    /// else no detectable change if any could be measured, else why none could be.
    public var verdict: EffectVerdict? {
        let verdicts = effects.map(\.verdict)
        if verdicts.contains(.worse) { return .worse }
        if verdicts.contains(.improved) { return .improved }
        if verdicts.contains(.noDetectableChange) { return .noDetectableChange }
        return verdicts.first
    }
}

/// Whether a figure moved between the wave before an action and the latest wave after it.
public enum EffectVerdict: String, Sendable, Hashable {
    case improved
    case noDetectableChange = "no-detectable-change"
    case worse
    /// Not yet measurable: no wave before the start to compare with.
    case noWaveBefore = "no-wave-before"
    /// Not yet measurable: no wave has been fielded since the start.
    case noWaveAfter = "no-wave-after"
    /// Not yet measurable: a side has fewer answers than a test needs (`ActionEffect.minimumN`).
    case tooFewAnswers = "too-few-answers"

    public var isMeasured: Bool { self == .improved || self == .noDetectableChange || self == .worse }
}

public struct ActionEffect: Sendable {
    /// One wave's figure for the target's respondents.
    public struct Side: Sendable, Hashable {
        public var wave: String
        public var n: Int
        public var effectiveN: Double
        public var value: Double?
        public var ci95: Interval?
        public init(wave: String, n: Int, effectiveN: Double, value: Double?, ci95: Interval?) {
            self.wave = wave
            self.n = n
            self.effectiveN = effectiveN
            self.value = value
            self.ci95 = ci95
        }
    }

    /// The test of after − before: Welch's t for means, the two-proportion z for shares, z on
    /// the NPS difference's standard error for NPS.
    public struct Test: Sendable, Hashable {
        public enum Kind: String, Sendable { case welch = "welch-t", twoProportions = "two-proportion-z", nps = "nps-z" }
        public var kind: Kind
        public var statistic: Double
        /// Welch–Satterthwaite degrees of freedom; nil for z tests.
        public var degreesOfFreedom: Double?
        public var p: Double
        public init(kind: Kind, statistic: Double, degreesOfFreedom: Double?, p: Double) {
            self.kind = kind
            self.statistic = statistic
            self.degreesOfFreedom = degreesOfFreedom
            self.p = p
        }
    }

    /// Fewer effective answers than this on either side and the verdict is `tooFewAnswers`.
    public static let minimumN = 30.0

    public var target: ImprovementAction.Target
    public var before: Side?
    public var after: Side?
    /// After − before, with its 95% interval (Welch t, Newcombe's hybrid score, or NPS ± 1.96 SE).
    public var difference: Double?
    public var ci95: Interval?
    public var test: Test?
    public var verdict: EffectVerdict
    /// The latest wave after the start reaches the target; nil without one.
    public var targetMet: Bool?

    public init(
        target: ImprovementAction.Target, before: Side?, after: Side?, difference: Double?, ci95: Interval?, test: Test?,
        verdict: EffectVerdict, targetMet: Bool?
    ) {
        self.target = target
        self.before = before
        self.after = after
        self.difference = difference
        self.ci95 = ci95
        self.test = test
        self.verdict = verdict
        self.targetMet = targetMet
    }
}
