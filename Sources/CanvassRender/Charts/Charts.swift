import CanvassCore

/// The survey charts (dumbbell, IPA, distributions, NPS, trends, competitors, service levels,
/// co-occurrence, bars), each an inline SVG with a title and a description; pages put the same
/// numbers in a table beside it. Each is drawn in a wide and a narrow layout (see `Layout`).
struct Charts {
    let strings: Strings

    private static let rowHeight = 34.0

    // MARK: - Dumbbell

    struct DumbbellRow {
        var label: String
        var expectation: Descriptives
        var perception: Descriptives
    }

    /// Expectation (hollow) and perception (filled) per dimension on the rating scale, CI whiskers on both.
    func dumbbell(_ rows: [DumbbellRow], scale: RatingScale) -> String {
        responsive { layout in
            let f = Frame(layout), top = 30.0, row = Self.rowHeight + f.labelLine
            let height = top + Double(rows.count) * row + 30
            let x = LinearScale(domain: (Double(scale.min), Double(scale.max)), range: (f.plotLeft, f.plotRight))
            var svg = SVG(width: f.width, height: height)
            for point in scale.min...scale.max {
                svg.line(x(Double(point)), top - 8, x(Double(point)), height - 24, "chart-grid")
                svg.text(x(Double(point)), height - 8, String(point), "chart-axis", anchor: .middle)
            }
            let legend = f.isWide ? f.plotLeft : f.plotLeft + 5
            svg.circle(legend, 12, 5, "mark-expectation")
            svg.text(legend + 10, 16, strings["chart_expectation"], "chart-legend")
            svg.circle(legend + 130, 12, 5, "mark-perception")
            svg.text(legend + 140, 16, strings["chart_perception"], "chart-legend")
            for (index, item) in rows.enumerated() {
                let rowTop = top + Double(index) * row
                f.rowLabel(&svg, item.label, rowTop: rowTop, wideBaseline: Self.rowHeight / 2 + 4)
                let y = rowTop + f.labelLine + Self.rowHeight / 2
                guard let e = item.expectation.mean, let p = item.perception.mean else { continue }
                svg.line(x(e), y, x(p), y, p < e ? "gap-line shortfall" : "gap-line")
                for (stats, offset) in [(item.expectation, -5.0), (item.perception, 5.0)] {
                    if let ci = stats.ci95 { svg.line(x(ci.lower), y + offset, x(ci.upper), y + offset, "whisker") }
                }
                svg.circle(x(e), y, 6, "mark-expectation", title: "\(item.label): \(strings["chart_expectation"]) \(NumberFormat.fixed(e))")
                svg.circle(x(p), y, 6, "mark-perception", title: "\(item.label): \(strings["chart_perception"]) \(NumberFormat.fixed(p))")
            }
            let description = rows.map {
                "\($0.label): \(strings["chart_expectation"]) \(NumberFormat.fixed($0.expectation.mean)), \(strings["chart_perception"]) \(NumberFormat.fixed($0.perception.mean))"
            }.joined(separator: "; ")
            return svg.render(title: strings["chart_dumbbell_title"], description: description, className: f.className("chart-dumbbell"))
        }
    }

    // MARK: - Importance–performance

    struct IPAPoint {
        var label: String
        var x: Double
        var y: Double
        /// The dimension's place in the config: its colour and marker, as on the trend charts.
        var style: Int? = nil
    }

    /// Importance (x) against performance (y), crosshair at the mean point, quadrant names in the
    /// corners; each dimension has the colour and marker it has on the trend charts.
    func ipa(_ points: [IPAPoint], crosshair: (x: Double, y: Double), xLabel: String) -> String {
        responsive { layout in
            let wide = layout == .wide
            let width = wide ? 640.0 : Frame.narrowWidth, height = wide ? 420.0 : 340.0
            let left = wide ? 56.0 : 44.0, bottom = 50.0, top = wide ? 16.0 : 12.0, right = wide ? 20.0 : 12.0
            let xs = points.map(\.x) + [crosshair.x], ys = points.map(\.y) + [crosshair.y]
            let pad = 0.35
            let xDomain = ((xs.min()! - pad).rounded(.down), (xs.max()! + pad).rounded(.up))
            let yDomain = ((ys.min()! - pad).rounded(.down), (ys.max()! + pad).rounded(.up))
            let x = LinearScale(domain: xDomain, range: (left, width - right))
            let y = LinearScale(domain: yDomain, range: (height - bottom, top))
            var svg = SVG(width: width, height: height)
            svg.rect(left, top, width - right - left, height - bottom - top, "chart-frame")
            let xStep = Self.tickStep(span: xDomain.1 - xDomain.0, length: width - right - left)
            for tick in stride(from: xDomain.0, through: xDomain.1, by: xStep) {
                svg.text(x(tick), height - bottom + (wide ? 16 : 20), NumberFormat.fixed(tick, 1), "chart-axis", anchor: .middle)
            }
            let yStep = Self.tickStep(span: yDomain.1 - yDomain.0, length: height - bottom - top, gap: 24)
            for tick in stride(from: yDomain.0, through: yDomain.1, by: yStep) {
                svg.text(left - 6, y(tick) + 4, NumberFormat.fixed(tick, 1), "chart-axis", anchor: .end)
            }
            svg.text((left + width - right) / 2, height - 12, xLabel, "chart-axis-title", anchor: .middle)
            svg.text(left + 4, top + 14, strings["quadrant_possible_overkill"], "quadrant-label")
            svg.text(width - right - 4, top + 14, strings["quadrant_keep_up"], "quadrant-label", anchor: .end)
            svg.text(left + 4, height - bottom - 8, strings["quadrant_low_priority"], "quadrant-label")
            svg.text(width - right - 4, height - bottom - 8, strings["quadrant_concentrate"], "quadrant-label", anchor: .end)
            svg.line(x(crosshair.x), top, x(crosshair.x), height - bottom, "crosshair")
            svg.line(left, y(crosshair.y), width - right, y(crosshair.y), "crosshair")
            // Each label beside its mark, on the side with room; close points' labels are moved apart.
            let labels = points.map { point -> (left: Double, right: Double, baseline: Double, anchor: SVG.Anchor) in
                let px = x(point.x), length = Self.textWidth(point.label)
                return px > width - (wide ? 210 : 130) ? (px - 10 - length, px - 10, y(point.y) + 4, .end) : (px + 10, px + 10 + length, y(point.y) + 4, .start)
            }
            let baselines = Self.separatedBaselines(labels.map { ($0.left, $0.right, $0.baseline) })
            for (position, point) in points.enumerated() {
                let style = (point.style ?? position) % 5
                let title = "\(point.label): \(NumberFormat.fixed(point.x)), \(NumberFormat.fixed(point.y))"
                if style % 2 == 0 { svg.circle(x(point.x), y(point.y), 6, "ipa-mark dim-\(style)", title: title) }
                else { svg.square(x(point.x), y(point.y), 11, "ipa-mark dim-\(style)", title: title) }
                let label = labels[position]
                svg.text(label.anchor == .end ? label.right : label.left, baselines[position], point.label, "chart-label", anchor: label.anchor)
            }
            let description = points.map { "\($0.label): \(NumberFormat.fixed($0.x)), \(NumberFormat.fixed($0.y))" }.joined(separator: "; ")
            return svg.render(title: strings["chart_ipa_title"], description: description, className: "chart-ipa chart-\(wide ? "wide" : "narrow")")
        }
    }

    // MARK: - Distributions

    /// Diverging stacked bars: answers below the scale's midpoint to the left, above to the right.
    func distribution(_ rows: [(label: String, stats: Descriptives)], scale: RatingScale) -> String {
        responsive { layout in
            let f = Frame(layout), top = 8.0, row = Self.rowHeight + f.labelLine
            let height = top + Double(rows.count) * row + 26
            let centre = (f.plotLeft + f.plotRight) / 2, half = f.plotWidth / 2
            let midpoint = Double(scale.min + scale.max) / 2
            var svg = SVG(width: f.width, height: height)
            svg.line(centre, top, centre, height - 22, "chart-axis-line")
            svg.text(f.plotLeft, height - 6, strings["chart_lower"], "chart-axis")
            svg.text(f.plotRight, height - 6, strings["chart_higher"], "chart-axis", anchor: .end)
            for (index, item) in rows.enumerated() {
                let rowTop = top + Double(index) * row
                f.rowLabel(&svg, item.label, rowTop: rowTop, wideBaseline: 21)
                let y = rowTop + f.labelLine + 6
                guard item.stats.n > 0 else { continue }
                let total = Double(item.stats.n)
                // A midpoint answer is split half to each side.
                var left = centre, right = centre
                for point in (scale.min...scale.max).reversed() where Double(point) <= midpoint {
                    let share = Double(item.stats.counts[point] ?? 0) / total * (Double(point) == midpoint ? 0.5 : 1)
                    left -= share * half
                    svg.rect(left, y, share * half, 20, "scale-\(level(point, scale))", title: "\(point): \(item.stats.counts[point] ?? 0)")
                }
                for point in scale.min...scale.max where Double(point) >= midpoint {
                    let share = Double(item.stats.counts[point] ?? 0) / total * (Double(point) == midpoint ? 0.5 : 1)
                    svg.rect(right, y, share * half, 20, "scale-\(level(point, scale))", title: "\(point): \(item.stats.counts[point] ?? 0)")
                    right += share * half
                }
            }
            let description = rows.map { item in
                "\(item.label): " + (scale.min...scale.max).map { "\($0)=\(item.stats.counts[$0] ?? 0)" }.joined(separator: ", ")
            }.joined(separator: "; ")
            return svg.render(title: strings["chart_distribution_title"], description: description, className: f.className("chart-distribution"))
        }
    }

    /// 0 (lowest) … 6 (highest): the shade class of a scale point.
    private func level(_ point: Int, _ scale: RatingScale) -> Int {
        let span = Double(scale.max - scale.min)
        return Int((Double(point - scale.min) / max(span, 1) * 6).rounded())
    }

    // MARK: - NPS

    /// Narrower than the other charts when wide (480 units): it often sits in a half-width column.
    func nps(_ rows: [(label: String, result: NPSResult)]) -> String {
        responsive { layout in
            let f = Frame(layout, wideWidth: 480, labelWidth: 196, rightMargin: 12)
            let top = 28.0, row = Self.rowHeight + f.labelLine
            let height = top + Double(rows.count) * row + 6
            let x = LinearScale(domain: (0, 1), range: (f.plotLeft, f.plotRight))
            var svg = SVG(width: f.width, height: height)
            let parts = [("nps-detractors", strings["nps_detractors"]), ("nps-passives", strings["nps_passives"]), ("nps-promoters", strings["nps_promoters"])]
            var legendX = f.isWide ? 8.0 : f.plotLeft
            for (cls, label) in parts {
                svg.rect(legendX, 6, 12, 12, cls)
                svg.text(legendX + 16, 16, label, "chart-legend")
                legendX += f.isWide ? 130 : 110
            }
            for (index, item) in rows.enumerated() {
                let rowTop = top + Double(index) * row
                f.rowLabel(&svg, item.label, rowTop: rowTop, wideBaseline: 16)
                let y = rowTop + f.labelLine
                guard item.result.n > 0 else { continue }
                var start = 0.0
                for ((cls, label), count) in zip(parts, [item.result.detractors, item.result.passives, item.result.promoters]) {
                    let share = Double(count) / Double(item.result.n)
                    svg.rect(x(start), y + 2, x(start + share) - x(start), 20, cls, title: "\(label): \(count) (\(NumberFormat.percent(share * 100)))")
                    if share >= 0.12 { svg.text((x(start) + x(start + share)) / 2, y + 16, NumberFormat.percent(share * 100, 0), "bar-value \(cls)-text", anchor: .middle) }
                    start += share
                }
            }
            let description = rows.map {
                "\($0.label): NPS \(NumberFormat.fixed($0.result.score, 1)), \($0.result.promoters) \(strings["nps_promoters"]), \($0.result.passives) \(strings["nps_passives"]), \($0.result.detractors) \(strings["nps_detractors"])"
            }.joined(separator: "; ")
            return svg.render(title: strings["chart_nps_title"], description: description, className: f.className("chart-nps"))
        }
    }

    // MARK: - Trends

    struct Series {
        var label: String
        var values: [Double?]
        /// 95% intervals per wave, drawn as whiskers; empty when there are none.
        var intervals: [Interval?] = []
        /// The style (colour, dash, marker) of the line: a dimension's place in the config, so a
        /// dimension looks the same on every trend chart; nil uses the series' place in the chart.
        var style: Int? = nil
    }

    /// One line per series across waves with its 95% whiskers; markers alternate circle and
    /// square, lines alternate dashes; `yTitle` names the vertical axis. Wide, each line is named
    /// at its right end; narrow, in a legend below the plot.
    func trend(_ series: [Series], waves: [String], title: String, zeroLine: Bool, yTitle: String? = nil) -> String {
        let values = series.flatMap(\.values).compactMap { $0 } + (zeroLine ? [0] : [])
            + series.flatMap(\.intervals).compactMap { $0 }.flatMap { [$0.lower, $0.upper] }
        guard let low = values.min(), let high = values.max(), waves.count > 1 else { return "" }
        let padding = max((high - low) * 0.15, 0.1)
        return responsive { layout in
            let wide = layout == .wide
            let width = wide ? 640.0 : Frame.narrowWidth, plotBottom = wide ? 264.0 : 212.0
            let left = wide ? 72.0 : 58.0, right = wide ? 170.0 : 12.0, top = wide ? 16.0 : 12.0
            let legendTop = plotBottom + 40, legendRow = 18.0
            let height = wide ? 300.0 : legendTop + Double(series.count) * legendRow
            let y = LinearScale(domain: (low - padding, high + padding), range: (plotBottom, top))
            let x = LinearScale(domain: (0, Double(waves.count - 1)), range: (left + 20, width - right - 20))
            var svg = SVG(width: width, height: height)
            svg.rect(left, top, width - right - left, plotBottom - top, "chart-frame")
            if zeroLine { svg.line(left, y(0), width - right, y(0), "chart-axis-line") }
            // Every wave is named while the names fit side by side; past that, every second or third.
            let spacing = (width - right - left - 40) / Double(waves.count - 1)
            let longest = Double(waves.map(\.count).max() ?? 0) * 7 + 10
            let every = max(1, Int((longest / spacing).rounded(.up)))
            for (index, wave) in waves.enumerated() where index % every == 0 {
                svg.text(x(Double(index)), plotBottom + 18, wave, "chart-axis", anchor: .middle)
            }
            for tick in [low - padding, (low + high) / 2, high + padding] {
                svg.text(left - 6, y(tick) + 4, NumberFormat.fixed(tick, 1), "chart-axis", anchor: .end)
            }
            if let yTitle {
                svg.text(14, (top + plotBottom) / 2, yTitle, "chart-axis-title", anchor: .middle, rotation: -90)
            }
            var endLabels: [(y: Double, text: String)] = []
            for (position, line) in series.enumerated() {
                let style = (line.style ?? position) % 5
                let points = line.values.enumerated().compactMap { i, v in v.map { (x(Double(i)), y($0)) } }
                for (i, interval) in line.intervals.enumerated() {
                    guard let interval else { continue }
                    // Side by side, so the whiskers of close lines do not hide each other.
                    let at = x(Double(i)) + (Double(position) - Double(series.count - 1) / 2) * 5
                    svg.line(at, y(interval.lower), at, y(interval.upper), "trend-whisker trend-\(style)")
                }
                svg.polyline(points, "trend-line trend-\(style)")
                for (i, v) in line.values.enumerated() {
                    guard let v else { continue }
                    let interval = i < line.intervals.count ? line.intervals[i] : nil
                    let title = "\(line.label), \(waves[i]): \(NumberFormat.fixed(v))"
                        + (interval.map { " " + NumberFormat.interval($0.lower, $0.upper) } ?? "")
                    trendMark(&svg, x(Double(i)), y(v), style: style, title: title)
                }
                if wide {
                    if let last = points.last { endLabels.append((last.1 + 4, line.label)) }
                } else {
                    let rowY = legendTop + Double(position) * legendRow
                    svg.line(left, rowY, left + 28, rowY, "trend-line trend-\(style)")
                    trendMark(&svg, left + 14, rowY, style: style, title: nil)
                    svg.text(left + 38, rowY + 4, Self.shortened(line.label, to: width - left - 50), "chart-label")
                }
            }
            // Labels at the right end, pushed apart so close lines keep readable names.
            endLabels.sort { $0.y < $1.y }
            var previous = -Double.infinity
            for label in endLabels {
                let placed = max(label.y, previous + 15)
                svg.text(width - right + 8, placed, label.text, "chart-label")
                previous = placed
            }
            let description = series.map { line in
                "\(line.label): " + zip(waves, line.values).map { "\($0) \(NumberFormat.fixed($1))" }.joined(separator: ", ")
            }.joined(separator: "; ")
            return svg.render(title: title, description: description, className: "chart-trend chart-\(wide ? "wide" : "narrow")")
        }
    }

    /// A trend line's marker: a circle for even styles, a square for odd ones.
    private func trendMark(_ svg: inout SVG, _ x: Double, _ y: Double, style: Int, title: String?) {
        if style % 2 == 0 { svg.circle(x, y, 4.5, "trend-mark trend-\(style)", title: title) }
        else { svg.square(x, y, 8, "trend-mark trend-\(style)", title: title) }
    }

    // MARK: - Competitors

    /// Our perception and a competitor's, per dimension, as paired bars with CI whiskers.
    func competitor(_ rows: [(label: String, ours: Descriptives, theirs: Descriptives)], competitor: String, scale: RatingScale) -> String {
        responsive { layout in
            let f = Frame(layout), top = 28.0, band = 44.0 + f.labelLine
            let height = top + Double(rows.count) * band + 26
            let x = LinearScale(domain: (Double(scale.min), Double(scale.max)), range: (f.plotLeft, f.plotRight))
            var svg = SVG(width: f.width, height: height)
            svg.rect(f.plotLeft, 6, 12, 12, "bar-ours")
            svg.text(f.plotLeft + 16, 16, strings["chart_us"], "chart-legend")
            svg.rect(f.plotLeft + 130, 6, 12, 12, "bar-theirs")
            svg.text(f.plotLeft + 146, 16, competitor, "chart-legend")
            for point in scale.min...scale.max {
                svg.text(x(Double(point)), height - 6, String(point), "chart-axis", anchor: .middle)
            }
            for (index, item) in rows.enumerated() {
                let rowTop = top + Double(index) * band
                f.rowLabel(&svg, item.label, rowTop: rowTop, wideBaseline: 22)
                let y = rowTop + f.labelLine
                for (stats, offset, cls, name) in [(item.ours, 4.0, "bar-ours", strings["chart_us"]), (item.theirs, 22.0, "bar-theirs", competitor)] {
                    guard let mean = stats.mean else { continue }
                    svg.rect(x(Double(scale.min)), y + offset, x(mean) - x(Double(scale.min)), 14, cls, title: "\(name): \(NumberFormat.fixed(mean)) (n = \(stats.n))")
                    if let ci = stats.ci95 { svg.line(x(ci.lower), y + offset + 7, x(ci.upper), y + offset + 7, "whisker") }
                }
            }
            let description = rows.map {
                "\($0.label): \(strings["chart_us"]) \(NumberFormat.fixed($0.ours.mean)), \(competitor) \(NumberFormat.fixed($0.theirs.mean))"
            }.joined(separator: "; ")
            return svg.render(title: strings.format("chart_competitor_title", ["competitor": competitor]), description: description,
                              className: f.className("chart-competitor"))
        }
    }

    // MARK: - A group's gaps against everyone's

    struct GapRow {
        var label: String
        var gap: PairedGap?
        var overall: Double?
    }

    /// Bars of a group's gap per dimension from zero, CI whiskers, and a tick at everyone's gap.
    func gapComparison(_ rows: [GapRow]) -> String {
        var values: [Double] = [0]
        for row in rows {
            let candidates: [Double?] = [row.gap?.ci95?.lower, row.gap?.ci95?.upper, row.gap?.mean, row.overall]
            values += candidates.compactMap { $0 }
        }
        let low = (values.min()! - 0.25).rounded(.down), high = max((values.max()! + 0.25).rounded(.up), 0.5)
        return responsive { layout in
            let f = Frame(layout), top = 28.0, row = Self.rowHeight + f.labelLine
            let height = top + Double(rows.count) * row + 26
            let x = LinearScale(domain: (low, high), range: (f.plotLeft, f.plotRight))
            var svg = SVG(width: f.width, height: height)
            svg.rect(f.plotLeft, 8, 12, 12, "bar-ours")
            svg.text(f.plotLeft + 16, 18, strings["chart_this_persona"], "chart-legend")
            svg.line(f.plotLeft + 150, 6, f.plotLeft + 150, 20, "overall-tick")
            svg.text(f.plotLeft + 158, 18, strings["chart_everyone"], "chart-legend")
            for tick in stride(from: low, through: high, by: Self.tickStep(span: high - low, length: f.plotWidth)) {
                svg.line(x(tick), top - 4, x(tick), height - 22, tick == 0 ? "chart-axis-line" : "chart-grid")
                svg.text(x(tick), height - 6, NumberFormat.fixed(tick, 1), "chart-axis", anchor: .middle)
            }
            for (index, item) in rows.enumerated() {
                let rowTop = top + Double(index) * row
                f.rowLabel(&svg, item.label, rowTop: rowTop, wideBaseline: 18)
                let y = rowTop + f.labelLine
                if let gap = item.gap, let mean = gap.mean {
                    svg.rect(min(x(0), x(mean)), y + 6, abs(x(mean) - x(0)), 16, mean < 0 ? "bar-ours shortfall-bar" : "bar-ours",
                             title: "\(item.label): \(NumberFormat.signed(mean)) (n = \(gap.n))")
                    if let ci = gap.ci95 { svg.line(x(ci.lower), y + 14, x(ci.upper), y + 14, "whisker") }
                }
                if let overall = item.overall { svg.line(x(overall), y + 2, x(overall), y + 26, "overall-tick") }
            }
            let description = rows.map { "\($0.label): \(NumberFormat.signed($0.gap?.mean)) (\(strings["chart_everyone"]) \(NumberFormat.signed($0.overall)))" }
                .joined(separator: "; ")
            return svg.render(title: strings["chart_gap_comparison_title"], description: description, className: f.className("chart-gap-comparison"))
        }
    }

    // MARK: - Service levels

    struct ServiceRow {
        var label: String
        var committed: Double
        var median: Double?
        var p90: Double?
        var committedText: String
        var medianText: String
        var p90Text: String
    }

    /// Median and 90th-percentile first response as multiples of each priority's commitment, so
    /// a 4-hour and a 3-day promise share one axis; the commitment is the line at 1×.
    func service(_ rows: [ServiceRow]) -> String {
        let maxRatio = max(2, (rows.compactMap { r in r.p90.map { $0 / r.committed } }.max() ?? 1).rounded(.up))
        return responsive { layout in
            let f = Frame(layout), top = 28.0, band = 44.0 + f.labelLine
            let height = top + Double(rows.count) * band + 26
            let x = LinearScale(domain: (0, maxRatio), range: (f.plotLeft, f.plotRight))
            var svg = SVG(width: f.width, height: height)
            svg.rect(f.plotLeft, 6, 12, 12, "bar-ours")
            svg.text(f.plotLeft + 16, 16, strings["chart_median"], "chart-legend")
            svg.rect(f.plotLeft + 110, 6, 12, 12, "bar-theirs")
            svg.text(f.plotLeft + 126, 16, strings["chart_p90"], "chart-legend")
            svg.line(f.plotLeft + 230, 4, f.plotLeft + 230, 20, "overall-tick")
            svg.text(f.plotLeft + 238, 16, strings["chart_commitment"], "chart-legend")
            let steps = maxRatio > 4 ? [1.0, 2, 5, 10] : [0.5, 1, 2, 5, 10]
            for tick in stride(from: 0.0, through: maxRatio, by: Self.tickStep(span: maxRatio, length: f.plotWidth, steps: steps)) {
                svg.line(x(tick), top - 4, x(tick), height - 22, "chart-grid")
                svg.text(x(tick), height - 6, NumberFormat.fixed(tick, tick == tick.rounded() ? 0 : 1) + "×", "chart-axis", anchor: .middle)
            }
            for (index, item) in rows.enumerated() {
                let rowTop = top + Double(index) * band
                f.rowLabel(&svg, "\(item.label) (\(item.committedText))", rowTop: rowTop, wideBaseline: 18)
                let y = rowTop + f.labelLine
                if let p90 = item.p90 {
                    svg.rect(x(0), y + 20, x(min(p90 / item.committed, maxRatio)) - x(0), 14, "bar-theirs", title: "\(strings["chart_p90"]): \(item.p90Text)")
                }
                if let median = item.median {
                    svg.rect(x(0), y + 4, x(min(median / item.committed, maxRatio)) - x(0), 14, "bar-ours", title: "\(strings["chart_median"]): \(item.medianText)")
                }
                svg.line(x(1), y, x(1), y + 38, "overall-tick")
            }
            let description = rows.map { "\($0.label): \(strings["chart_commitment"]) \($0.committedText), \(strings["chart_median"]) \($0.medianText), \(strings["chart_p90"]) \($0.p90Text)" }
                .joined(separator: "; ")
            return svg.render(title: strings["chart_service_title"], description: description, className: f.className("chart-service"))
        }
    }

    // MARK: - Co-occurrence

    /// A symmetric matrix of counts as shaded cells with the number in each (shade is a lightness
    /// ramp, so it survives greyscale). Rows and columns are numbered; wide, each row is named at
    /// its left, narrow, in a numbered key below the matrix.
    func matrix(labels: [String], counts: [[Int]]) -> String {
        let maxCount = max(1, counts.flatMap { $0 }.max() ?? 1)
        let n = Double(labels.count)
        return responsive { layout in
            let wide = layout == .wide
            // Wide, the names column is as wide as the longest numbered name, up to 260 units.
            let longest = labels.enumerated().map { Self.textWidth("\($0.offset + 1). \($0.element)") }.max() ?? 0
            // Whole units: the wide matrix is drawn at its own size, so a fraction would scale its text below 11 px.
            let left = wide ? min(260, max(120, (longest + 20).rounded(.up))) : 30.0, top = 28.0
            let cell = (wide ? min(34, max(26, 340 / n)) : min(30, max(20, 298 / n))).rounded(.down)
            let keyTop = top + cell * n + 24, keyRow = 18.0
            let width = max(left + cell * n + (wide ? 10 : 12), wide ? 0 : Frame.narrowWidth)
            let height = wide ? top + cell * n + 10 : keyTop + n * keyRow
            var svg = SVG(width: width, height: height)
            for (i, label) in labels.enumerated() {
                let number = String(i + 1)
                let rowY = top + cell * Double(i) + cell / 2 + 4
                if wide {
                    svg.text(8, rowY, "\(number). " + Self.shortened(label, to: left - 16 - Self.textWidth("\(number). ")), "chart-label")
                } else {
                    svg.text(left - 8, rowY, number, "chart-axis", anchor: .end)
                    svg.text(12, keyTop + Double(i) * keyRow, "\(number). " + Self.shortened(label, to: width - 44), "chart-label")
                }
                svg.text(left + cell * Double(i) + cell / 2 - 1, top - 8, number, "chart-axis", anchor: .middle)
            }
            for (i, row) in counts.enumerated() {
                for (j, count) in row.enumerated() {
                    let x = left + cell * Double(j), y = top + cell * Double(i)
                    guard i != j else { svg.rect(x, y, cell - 2, cell - 2, "matrix-self"); continue }
                    let level = count == 0 ? 0 : 1 + Int((Double(count) / Double(maxCount) * 5).rounded(.up))
                    svg.rect(x, y, cell - 2, cell - 2, "matrix-\(min(level, 6))", title: "\(labels[i]) + \(labels[j]): \(count)")
                    if count > 0 { svg.text(x + cell / 2 - 1, y + cell / 2 + 3, String(count), level >= 4 ? "matrix-value-dark" : "matrix-value", anchor: .middle) }
                }
            }
            var pairs: [String] = []
            for i in 0..<labels.count { for j in (i + 1)..<labels.count where counts[i][j] > 0 { pairs.append("\(labels[i]) + \(labels[j]): \(counts[i][j])") } }
            return svg.render(title: strings["chart_cooccurrence_title"], description: pairs.joined(separator: "; "),
                              className: "chart-matrix chart-\(wide ? "wide" : "narrow")", intrinsicSize: wide)
        }
    }

    // MARK: - Bars

    /// Plain horizontal bars with their value written beside them.
    func bars(_ rows: [(label: String, value: Double, text: String)], title: String) -> String {
        let largest = max(rows.map(\.value).max() ?? 1, 1)
        return responsive { layout in
            let f = Frame(layout), top = 8.0, row = Self.rowHeight + f.labelLine
            let height = top + Double(rows.count) * row + 8
            let x = LinearScale(domain: (0, largest), range: (f.isWide ? f.plotLeft + 20 : f.plotLeft, f.plotRight - 90))
            var svg = SVG(width: f.width, height: height)
            for (index, item) in rows.enumerated() {
                let rowTop = top + Double(index) * row
                f.rowLabel(&svg, f.isWide && item.label.count > 26 ? String(item.label.prefix(25)) + "…" : item.label, rowTop: rowTop, wideBaseline: 18)
                let y = rowTop + f.labelLine
                svg.rect(x(0), y + 6, x(item.value) - x(0), 18, "bar-ours", title: "\(item.label): \(item.text)")
                svg.text(x(item.value) + 6, y + 19, item.text, "chart-axis")
            }
            return svg.render(title: title, description: rows.map { "\($0.label): \($0.text)" }.joined(separator: "; "), className: f.className("chart-bars"))
        }
    }
}
