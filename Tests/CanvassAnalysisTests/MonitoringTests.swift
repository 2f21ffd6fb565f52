import CanvassCore
import Testing
@testable import CanvassAnalysis

/// KPIs as shares, control charts over waves and the monitoring alerts. Figures by hand.
@Suite struct MonitoringTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    /// p̄ = (0.5·100 + 0.6·100 + 0.25·50) / 250 = 0.49; limits 0.49 ± 3·√(0.49·0.51/n).
    @Test func pChartLimitsDependOnEachWavesSize() throws {
        let chart = ControlChart.p([.init(mean: 0.5, sd: nil, n: 100), .init(mean: 0.6, sd: nil, n: 100), .init(mean: 0.25, sd: nil, n: 50)])
        #expect(close(chart.centre, 0.49))
        let wide = 3 * (0.49 * 0.51 / 50).squareRoot(), narrow = 3 * (0.49 * 0.51 / 100).squareRoot()
        #expect(close(chart.limits[0]?.lower, 0.49 - narrow) && close(chart.limits[0]?.upper, 0.49 + narrow))
        #expect(close(chart.limits[2]?.lower, 0.49 - wide) && close(chart.limits[2]?.upper, 0.49 + wide))
        #expect(0.25 < chart.limits[2]!.lower, "the third wave falls below its limit")
        // Edge cases: one wave shows no change; a wave without answers has no limits; all 0 collapses.
        #expect(ControlChart.p([.init(mean: 0.5, sd: nil, n: 10)]).centre == nil)
        let gap = ControlChart.p([.init(mean: 0.5, sd: nil, n: 10), .init(mean: nil, sd: nil, n: 0), .init(mean: 0.5, sd: nil, n: 10)])
        #expect(gap.limits[1] == nil && gap.centre == 0.5)
        #expect(ControlChart.p([.init(mean: 0, sd: nil, n: 10), .init(mean: 0, sd: nil, n: 20)]).limits == [Interval(0, 0), Interval(0, 0)])
    }

    /// x̿ = (5·10 + 6·20) / 30; σ̂ = √((9·1² + 19·2²) / 28); limits x̿ ± 3σ̂/√n.
    @Test func xbarChartPoolsTheWithinWaveSpread() throws {
        let chart = ControlChart.xbar([.init(mean: 5, sd: 1, n: 10), .init(mean: 6, sd: 2, n: 20)])
        let centre = 170.0 / 30, sigma = (85.0 / 28).squareRoot()
        #expect(close(chart.centre, centre) && close(chart.sigma, sigma))
        #expect(close(chart.limits[0]?.lower, centre - 3 * sigma / 10.0.squareRoot()) && close(chart.limits[1]?.upper, centre + 3 * sigma / 20.0.squareRoot()))
        // All answers equal: σ̂ = 0, the limits close on the centre, and a wave on it is not outside.
        let flat = ControlChart.xbar([.init(mean: 4, sd: 0, n: 5), .init(mean: 4, sd: 0, n: 7)])
        #expect(flat.sigma == 0 && flat.limits == [Interval(4, 4), Interval(4, 4)])
        #expect(ControlChart.xbar([.init(mean: 4, sd: nil, n: 1), .init(mean: 5, sd: nil, n: 1)]).sigma == nil, "no spread to pool")
    }

    /// Three waves of four respondents: NPS answers, a yes/no KPI (`renew`), a 1–5 rating KPI
    /// (top-2-box) and one dimension. W3 has no KPI answers.
    static func survey(targets: [MetricTarget] = []) -> (ProjectConfig, [SurveyData]) {
        var survey = SurveyConfig(file: "s.csv", idColumn: "id")
        survey.wave = .column("wave")
        survey.nps = "nps"
        survey.pairs = [.init(dimension: "d", expectation: "e", perception: "p")]
        survey.kpis = [
            .init(id: "renewal", label: "Will renew", column: "renew", rule: .yes(["yes", "Y"])),
            .init(id: "advocacy", label: "Would advocate", column: "adv", rule: .topBox(scale: RatingScale(min: 1, max: 5), top: 2)),
        ]
        let waves: [String?] = ["W1", "W1", "W1", "W1", "W2", "W2", "W2", "W2", "W3", "W3", "W3", "W3"]
        let numbers: [String: [Double?]] = [
            "nps": [10, 9, 7, 3, 10, 6, 5, 8, 9, 9, 10, 2],
            "adv": [5, 4, 3, nil, 2, 2, 4, 1, nil, nil, nil, nil],
            "e": [5, 5, 5, 5, 6, 6, 6, 6, 5, 5, 5, 5], "p": [4, 5, 6, 5, 4, 4, 5, 3, 5, 5, 5, 5],
        ]
        let renew: [String?] = ["yes", " YES ", "no", nil, "y", "no", "no", "maybe", nil, "", nil, nil]
        let n = waves.count
        let data = SurveyData(
            config: survey, path: "content/s.csv", ids: (0..<n).map { "r\($0)" }, lines: (0..<n).map { $0 + 2 },
            waves: waves, numbers: numbers, texts: ["renew": renew, "wave": waves],
            emptyCounts: [:], mappedColumns: ["id", "wave", "nps", "adv", "e", "p", "renew"], findings: [])
        var config = ProjectConfig(title: "t")
        config.dimensions = [Dimension(id: "d", label: "D")]
        config.surveys = [survey]
        config.targets = targets
        return (config, [data])
    }

    @Test func kpisAreSharesOfTheAnswersThatCount() throws {
        let (config, surveys) = Self.survey()
        let results = try #require(SurveyAnalyzer(config: config, surveys: surveys).analyse())
        #expect(results.kpis.map(\.id) == ["renewal", "advocacy"])
        let renewal = results.kpis[0].share, advocacy = results.kpis[1].share
        // Renewal: yes, YES (case and spaces ignored), no | y, no, no, maybe | nothing: 3 of 7.
        #expect(renewal.overall.n == 7 && renewal.overall.hits == 3)
        #expect(renewal.byWave.map(\.value.n) == [3, 4, 0])
        #expect(renewal.byWave.map(\.value.hits) == [2, 1, 0])
        #expect(renewal.byWave[2].value.score == nil && renewal.byWave[2].value.ci95 == nil, "a wave with no answers has no share, not 0")
        // Advocacy: 5, 4, 3 | 2, 2, 4, 1 → 4s and 5s: 3 of 7.
        #expect(advocacy.overall.hits == 3 && advocacy.overall.n == 7 && close(advocacy.overall.score, 300.0 / 7))
        let wilson = try #require(Estimators.wilson(hits: 3, of: 7))
        #expect(advocacy.overall.ci95 == Interval(100 * wilson.lower, 100 * wilson.upper))
    }

    @Test func eachWaveOfAMetricIsTheFigureThePagesShowForIt() throws {
        let (config, surveys) = Self.survey()
        let results = try #require(SurveyAnalyzer(config: config, surveys: surveys).analyse())
        let monitoring = try #require(results.monitoring)
        #expect(monitoring.metrics.map(\.metric.id) == ["nps", "kpi.renewal", "kpi.advocacy", "gap.d"])
        let nps = monitoring.metrics[0]
        #expect(nps.points.map(\.wave) == ["W1", "W2", "W3"])
        for (point, wave) in zip(nps.points, results.nps!.byWave) {
            #expect(close(point.value, wave.value.score!, 1e-9))
            #expect(close(point.ci95.map { ($0.upper - $0.lower) / 2 }, wave.value.moe95!, 1e-9))
        }
        let gap = monitoring.metrics[3]
        for (point, wave) in zip(gap.points, results.dimensions[0].byWave) {
            #expect(close(point.value, wave.value.mean!, 1e-12) && point.ci95 == wave.value.ci95)
        }
        // W3 has no renewal answers: no figure, no limits, and the chart is made of W1 and W2.
        let renewal = monitoring.metrics[1]
        #expect(renewal.points[2].value == nil && renewal.points[2].n == 0 && renewal.points[2].limits == nil)
        #expect(close(renewal.centre, 300.0 / 7), "p̄ = (2/3·3 + 1/4·4) / 7")
    }

    @Test func aTargetMissedInTheLatestTwoWavesIsAnAlert() throws {
        // NPS per wave: W1 (2 P, 1 D of 4) 25, W2 (1 P, 2 D) −25, W3 (3 P, 1 D) 50.
        let missed = [MetricTarget(metric: .nps, value: 30), MetricTarget(metric: .gap("d"), value: 0)]
        let (config, surveys) = Self.survey(targets: missed)
        let monitoring = try #require(SurveyAnalyzer(config: config, surveys: surveys).analyse()?.monitoring)
        let nps = try #require(monitoring.metrics.first { $0.metric == .nps })
        #expect(nps.points.map(\.value) == [25, -25, 50])
        #expect(nps.points.map(\.targetMet) == [false, false, true])
        #expect(nps.alerts.isEmpty && nps.onTrack == true, "missed twice, but not in the latest two waves")
        // Gap per wave: W1 (−1 + 0 + 1 + 0) / 4 = 0, W2 −2, W3 0: target 0 met but in W2.
        let gap = try #require(monitoring.metrics.first { $0.metric == .gap("d") })
        #expect(gap.points.map(\.value) == [0, -2, 0] && gap.points.map(\.targetMet) == [true, false, true])
        // W3's answers are all equal (sd 0) and W2 lies far from the centre: outside its limits.
        #expect(gap.alerts.contains(.outsideLimits(wave: "W2", above: false)))
        let late = [MetricTarget(metric: .kpi("advocacy"), value: 50)]
        let (lateConfig, lateSurveys) = Self.survey(targets: late)
        let advocacy = try #require(SurveyAnalyzer(config: lateConfig, surveys: lateSurveys).analyse()?.monitoring?.metrics.first { $0.metric == .kpi("advocacy") })
        // 2 of 3 (67%) then 1 of 4 (25%), W3 without answers: the latest two with answers are W1, W2.
        #expect(advocacy.points.map(\.targetMet) == [true, false, nil])
        #expect(advocacy.alerts.isEmpty, "only one of the two latest waves with answers missed")
        #expect(advocacy.onTrack == false)
    }

    @Test func metricsAreWrittenAndReadBack() {
        for text in ["nps", "csat", "kpi.renewal", "gap.service", "perception.price"] { #expect(Metric(text)?.id == text) }
        for text in ["", "kpi", "kpi.", ".x", "gaps.price", "NPS"] { #expect(Metric(text) == nil, "\(text)") }
        #expect(Metric.csat.isShare && Metric.kpi("x").isShare && !Metric.nps.isShare && !Metric.gap("x").isShare)
    }
}
