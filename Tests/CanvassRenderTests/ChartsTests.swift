import CanvassCore
import Testing
@testable import CanvassRender

/// Charts come in a wide and a narrow layout (the stylesheet picks one by the figure's width);
/// these tests read the SVG a page would carry.
@Suite struct ChartsTests {
    let charts = Charts(strings: Strings(language: .english, table: [:]))
    let scale = RatingScale(min: 1, max: 5)

    /// The `<svg>` elements of a chart's markup, in order.
    func svgs(_ markup: String) -> [String] {
        markup.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0 }
    }

    func viewBoxWidth(_ svg: String) -> Double? {
        svg.components(separatedBy: "viewBox=\"0 0 ").dropFirst().first?.split(separator: " ").first.flatMap { Double($0) }
    }

    /// The text of every `<text>` element of an SVG.
    func texts(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text ").dropFirst().compactMap { $0.split(separator: ">", maxSplits: 1).last?.components(separatedBy: "</text").first }
    }

    func stats(_ mean: Double) -> Descriptives {
        Descriptives(n: 40, mean: mean, sd: 1, ci95: Interval(mean - 0.3, mean + 0.3), counts: [1: 4, 2: 6, 3: 10, 4: 12, 5: 8])
    }

    @Test func everyChartIsDrawnWideAndNarrowWithTheSameDescription() {
        let nps = NPSResult(n: 10, promoters: 5, passives: 3, detractors: 2, score: 30, moe95: 25)
        let gap = PairedGap(n: 40, mean: -0.8, sd: 1, ci95: Interval(-1.1, -0.5), t: -5, p: 0.001)
        let all = [
            charts.dumbbell([.init(label: "Price", expectation: stats(4.2), perception: stats(3.1))], scale: scale),
            charts.ipa([.init(label: "Price", x: 4.2, y: 3.1, style: 1)], crosshair: (4, 3.5), xLabel: "Importance"),
            charts.distribution([("Price", stats(3.1))], scale: scale),
            charts.nps([("All respondents", nps)]),
            charts.trend([.init(label: "Price", values: [-0.5, -0.2])], waves: ["Q1", "Q2"], title: "Gaps", zeroLine: true),
            charts.competitor([("Price", stats(3.1), stats(3.4))], competitor: "Acme", scale: scale),
            charts.gapComparison([.init(label: "Price", gap: gap, overall: -0.4)]),
            charts.service([.init(label: "P1", committed: 4, median: 3, p90: 9, committedText: "4 h", medianText: "3 h", p90Text: "9 h")]),
            charts.matrix(labels: ["Onboarding", "Pricing"], counts: [[0, 2], [2, 0]]),
            charts.bars([("Onboarding", 3, "3 excerpts")], title: "Themes"),
        ]
        for markup in all {
            let drawn = svgs(markup)
            #expect(drawn.count == 2, "\(markup.prefix(80))")
            guard drawn.count == 2 else { continue }
            #expect(drawn[0].contains(" chart-wide\"") && drawn[1].contains(" chart-narrow\""))
            #expect(viewBoxWidth(drawn[1]) == 340, "the narrow layout is 340 units wide: \(drawn[1].prefix(80))")
            func description(_ svg: String) -> String? { svg.components(separatedBy: "<desc>").dropFirst().first?.components(separatedBy: "</desc>").first }
            #expect(description(drawn[0]) != nil && description(drawn[0]) == description(drawn[1]))
        }
    }

    /// Narrow, a row's label sits on its own line above the row, starting where the bars do, and
    /// a long one is shortened to the chart's width; the description keeps it whole.
    @Test func narrowRowsCarryTheirLabelAboveAndShortenLongOnes() throws {
        let long = "Speed of the appointment book during the morning rush on older tablets"
        let markup = charts.distribution([(long, stats(3.1)), ("价格与价值", stats(3.4))], scale: scale)
        let narrow = try #require(svgs(markup).last)
        let labels = texts(narrow).filter { $0.hasPrefix("Speed") || $0.hasPrefix("价格") }
        #expect(labels.count == 2)
        let shortened = try #require(labels.first)
        #expect(shortened.hasSuffix("…") && shortened.count < long.count && long.hasPrefix(String(shortened.dropLast())))
        #expect(labels.last == "价格与价值")
        #expect(narrow.contains("<desc>\(long): "))
        #expect(narrow.contains("x=\"12\" y=\"21\" text-anchor=\"start\">Speed"), "the first label's baseline is above its bar, which starts at y = 32")
        #expect(narrow.contains(" y=\"32\" width=\""), "the first row's bars start below its label")
    }

    /// Tick labels stand at least 40 units apart: half points while they fit, whole ones after.
    @Test func ticksThinOutWhenTheyWouldCollide() {
        #expect(Charts.tickStep(span: 3, length: 450) == 0.5)
        #expect(Charts.tickStep(span: 3, length: 316) == 0.5)
        #expect(Charts.tickStep(span: 5, length: 316) == 1)
        #expect(Charts.tickStep(span: 30, length: 316) == 5)
        #expect(Charts.tickStep(span: 1000, length: 316) == 10, "past the coarsest step, the coarsest")
    }

    /// Wave names never run into each other: four quarters are all named in both layouts; a year
    /// of monthly waves is named every second month when wide and every third on a phone.
    @Test func trendNamesEveryWaveOnlyWhileTheNamesFit() throws {
        func waveNames(_ waves: [String]) throws -> [[String]] {
            let markup = charts.trend([.init(label: "Price", values: waves.indices.map { Double($0) / 10 })], waves: waves, title: "Gaps", zeroLine: false)
            let drawn = svgs(markup)
            try #require(drawn.count == 2)
            return drawn.map { svg in texts(svg).filter { waves.contains($0) } }
        }
        let quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
        #expect(try waveNames(quarters) == [quarters, quarters])
        let months = (1...12).map { String(format: "2026-%02d", $0) }
        let named = try waveNames(months)
        #expect(named.first == stride(from: 0, to: 12, by: 2).map { months[$0] })
        #expect(named.last == stride(from: 0, to: 12, by: 3).map { months[$0] })
    }

    /// Labels of close points are moved apart, from the top down; labels side by side stay put.
    @Test func closeLabelsAreMovedApart() {
        let baselines = Charts.separatedBaselines([
            (left: 100, right: 200, baseline: 50), (left: 150, right: 260, baseline: 56), (left: 300, right: 380, baseline: 52),
            (left: 120, right: 180, baseline: 60),
        ])
        #expect(baselines == [50, 65, 52, 80])
        #expect(Charts.separatedBaselines([]) == [])
    }

    /// A label moved a line below another whose sum rounds a hair short of a line apart is
    /// placed, not moved for ever (these baselines hung a build's control chart).
    @Test func labelsALineApartAfterRoundingArePlaced() {
        let baselines = Charts.separatedBaselines([(left: 536, right: 640, baseline: 130.50985926772984), (left: 536, right: 640, baseline: 118.26114049852755)])
        #expect(baselines[1] == 118.26114049852755)
        #expect(abs(baselines[0] - (118.26114049852755 + 15)) < 1e-9)
    }

    /// A dimension keeps its colour and marker on the IPA map: style 1 is a square of colour 1.
    @Test func ipaMarksCarryTheDimensionsStyle() {
        let markup = charts.ipa([.init(label: "Price", x: 4.2, y: 3.1, style: 1), .init(label: "Ease", x: 3.8, y: 4.0, style: 2)],
                                crosshair: (4, 3.5), xLabel: "Importance")
        #expect(markup.contains("<rect class=\"ipa-mark dim-1\""))
        #expect(markup.contains("<circle class=\"ipa-mark dim-2\""))
    }
}
