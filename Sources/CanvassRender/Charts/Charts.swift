import CanvassCore

/// The survey charts (issue: dumbbell, IPA, distributions, NPS, trends, competitors), each an
/// inline SVG with a title and a description; pages put the same numbers in a table beside it.
struct Charts {
    let strings: Strings

    private static let labelWidth = 170.0
    private static let rowHeight = 34.0

    // MARK: - Dumbbell

    struct DumbbellRow {
        var label: String
        var expectation: Descriptives
        var perception: Descriptives
    }

    /// Expectation (hollow) and perception (filled) per dimension on the rating scale, CI whiskers on both.
    func dumbbell(_ rows: [DumbbellRow], scale: RatingScale) -> String {
        let width = 640.0, top = 30.0
        let height = top + Double(rows.count) * Self.rowHeight + 30
        let x = LinearScale(domain: (Double(scale.min), Double(scale.max)), range: (Self.labelWidth, width - 20))
        var svg = SVG(width: width, height: height)
        for point in scale.min...scale.max {
            svg.line(x(Double(point)), top - 8, x(Double(point)), height - 24, "chart-grid")
            svg.text(x(Double(point)), height - 8, String(point), "chart-axis", anchor: .middle)
        }
        svg.circle(Self.labelWidth, 12, 5, "mark-expectation")
        svg.text(Self.labelWidth + 10, 16, strings["chart_expectation"], "chart-legend")
        svg.circle(Self.labelWidth + 130, 12, 5, "mark-perception")
        svg.text(Self.labelWidth + 140, 16, strings["chart_perception"], "chart-legend")
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * Self.rowHeight + Self.rowHeight / 2
            svg.text(8, y + 4, row.label)
            guard let e = row.expectation.mean, let p = row.perception.mean else { continue }
            svg.line(x(e), y, x(p), y, p < e ? "gap-line shortfall" : "gap-line")
            for (stats, offset) in [(row.expectation, -5.0), (row.perception, 5.0)] {
                if let ci = stats.ci95 { svg.line(x(ci.lower), y + offset, x(ci.upper), y + offset, "whisker") }
            }
            svg.circle(x(e), y, 6, "mark-expectation", title: "\(row.label): \(strings["chart_expectation"]) \(NumberFormat.fixed(e))")
            svg.circle(x(p), y, 6, "mark-perception", title: "\(row.label): \(strings["chart_perception"]) \(NumberFormat.fixed(p))")
        }
        let description = rows.map {
            "\($0.label): \(strings["chart_expectation"]) \(NumberFormat.fixed($0.expectation.mean)), \(strings["chart_perception"]) \(NumberFormat.fixed($0.perception.mean))"
        }.joined(separator: "; ")
        return svg.render(title: strings["chart_dumbbell_title"], description: description, className: "chart-dumbbell")
    }

    // MARK: - Importance–performance

    struct IPAPoint {
        var label: String
        var x: Double
        var y: Double
    }

    /// Importance (x) against performance (y), crosshair at the mean point, quadrant names in the corners.
    func ipa(_ points: [IPAPoint], crosshair: (x: Double, y: Double), xLabel: String) -> String {
        let width = 640.0, height = 420.0, left = 56.0, bottom = 50.0, top = 16.0, right = 20.0
        let xs = points.map(\.x) + [crosshair.x], ys = points.map(\.y) + [crosshair.y]
        let pad = 0.35
        let xDomain = ((xs.min()! - pad).rounded(.down), (xs.max()! + pad).rounded(.up))
        let yDomain = ((ys.min()! - pad).rounded(.down), (ys.max()! + pad).rounded(.up))
        let x = LinearScale(domain: xDomain, range: (left, width - right))
        let y = LinearScale(domain: yDomain, range: (height - bottom, top))
        var svg = SVG(width: width, height: height)
        svg.rect(left, top, width - right - left, height - bottom - top, "chart-frame")
        for tick in stride(from: xDomain.0, through: xDomain.1, by: 0.5) {
            svg.text(x(tick), height - bottom + 16, NumberFormat.fixed(tick, 1), "chart-axis", anchor: .middle)
        }
        for tick in stride(from: yDomain.0, through: yDomain.1, by: 0.5) {
            svg.text(left - 6, y(tick) + 4, NumberFormat.fixed(tick, 1), "chart-axis", anchor: .end)
        }
        svg.text((left + width - right) / 2, height - 12, xLabel, "chart-axis-title", anchor: .middle)
        svg.text(left + 4, top + 14, strings["quadrant_possible_overkill"], "quadrant-label")
        svg.text(width - right - 4, top + 14, strings["quadrant_keep_up"], "quadrant-label", anchor: .end)
        svg.text(left + 4, height - bottom - 8, strings["quadrant_low_priority"], "quadrant-label")
        svg.text(width - right - 4, height - bottom - 8, strings["quadrant_concentrate"], "quadrant-label", anchor: .end)
        svg.line(x(crosshair.x), top, x(crosshair.x), height - bottom, "crosshair")
        svg.line(left, y(crosshair.y), width - right, y(crosshair.y), "crosshair")
        for point in points {
            svg.circle(x(point.x), y(point.y), 6, "mark-perception",
                       title: "\(point.label): \(NumberFormat.fixed(point.x)), \(NumberFormat.fixed(point.y))")
            let anchor: SVG.Anchor = x(point.x) > width - 210 ? .end : .start
            svg.text(x(point.x) + (anchor == .end ? -10 : 10), y(point.y) + 4, point.label, "chart-label", anchor: anchor)
        }
        let description = points.map { "\($0.label): \(NumberFormat.fixed($0.x)), \(NumberFormat.fixed($0.y))" }.joined(separator: "; ")
        return svg.render(title: strings["chart_ipa_title"], description: description, className: "chart-ipa")
    }

    // MARK: - Distributions

    /// Diverging stacked bars: answers below the scale's midpoint to the left, above to the right.
    func distribution(_ rows: [(label: String, stats: Descriptives)], scale: RatingScale) -> String {
        let width = 640.0, top = 8.0
        let height = top + Double(rows.count) * Self.rowHeight + 26
        let centre = Self.labelWidth + (width - Self.labelWidth - 20) / 2
        let half = (width - Self.labelWidth - 20) / 2
        let midpoint = Double(scale.min + scale.max) / 2
        var svg = SVG(width: width, height: height)
        svg.line(centre, top, centre, height - 22, "chart-axis-line")
        svg.text(Self.labelWidth, height - 6, strings["chart_lower"], "chart-axis")
        svg.text(width - 20, height - 6, strings["chart_higher"], "chart-axis", anchor: .end)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * Self.rowHeight + 6
            svg.text(8, y + 15, row.label)
            guard row.stats.n > 0 else { continue }
            let total = Double(row.stats.n)
            // A midpoint answer is split half to each side.
            var left = centre, right = centre
            for point in (scale.min...scale.max).reversed() where Double(point) <= midpoint {
                let share = Double(row.stats.counts[point] ?? 0) / total * (Double(point) == midpoint ? 0.5 : 1)
                left -= share * half
                svg.rect(left, y, share * half, 20, "scale-\(level(point, scale))", title: "\(point): \(row.stats.counts[point] ?? 0)")
            }
            for point in scale.min...scale.max where Double(point) >= midpoint {
                let share = Double(row.stats.counts[point] ?? 0) / total * (Double(point) == midpoint ? 0.5 : 1)
                svg.rect(right, y, share * half, 20, "scale-\(level(point, scale))", title: "\(point): \(row.stats.counts[point] ?? 0)")
                right += share * half
            }
        }
        let description = rows.map { row in
            "\(row.label): " + (scale.min...scale.max).map { "\($0)=\(row.stats.counts[$0] ?? 0)" }.joined(separator: ", ")
        }.joined(separator: "; ")
        return svg.render(title: strings["chart_distribution_title"], description: description, className: "chart-distribution")
    }

    /// 0 (lowest) … 6 (highest): the shade class of a scale point.
    private func level(_ point: Int, _ scale: RatingScale) -> Int {
        let span = Double(scale.max - scale.min)
        return Int((Double(point - scale.min) / max(span, 1) * 6).rounded())
    }

    // MARK: - NPS

    /// Narrower than the other charts (480 units): it often sits in a half-width column, and its
    /// legend and shares must stay legible there (≥ 11 px; the browser check measures it).
    func nps(_ rows: [(label: String, result: NPSResult)]) -> String {
        let width = 480.0, top = 28.0, labelWidth = 196.0
        let height = top + Double(rows.count) * Self.rowHeight + 6
        let x = LinearScale(domain: (0, 1), range: (labelWidth, width - 12))
        var svg = SVG(width: width, height: height)
        let parts = [("nps-detractors", strings["nps_detractors"]), ("nps-passives", strings["nps_passives"]), ("nps-promoters", strings["nps_promoters"])]
        var legendX = 8.0
        for (cls, label) in parts {
            svg.rect(legendX, 6, 12, 12, cls)
            svg.text(legendX + 16, 16, label, "chart-legend")
            legendX += 130
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * Self.rowHeight
            svg.text(8, y + 16, row.label)
            guard row.result.n > 0 else { continue }
            var start = 0.0
            for ((cls, label), count) in zip(parts, [row.result.detractors, row.result.passives, row.result.promoters]) {
                let share = Double(count) / Double(row.result.n)
                svg.rect(x(start), y + 2, x(start + share) - x(start), 20, cls, title: "\(label): \(count) (\(NumberFormat.percent(share * 100)))")
                if share >= 0.12 { svg.text((x(start) + x(start + share)) / 2, y + 16, NumberFormat.percent(share * 100, 0), "bar-value \(cls)-text", anchor: .middle) }
                start += share
            }
        }
        let description = rows.map {
            "\($0.label): NPS \(NumberFormat.fixed($0.result.score, 1)), \($0.result.promoters) \(strings["nps_promoters"]), \($0.result.passives) \(strings["nps_passives"]), \($0.result.detractors) \(strings["nps_detractors"])"
        }.joined(separator: "; ")
        return svg.render(title: strings["chart_nps_title"], description: description, className: "chart-nps")
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
    /// square, lines alternate dashes; `yTitle` names the vertical axis.
    func trend(_ series: [Series], waves: [String], title: String, zeroLine: Bool, yTitle: String? = nil) -> String {
        let width = 640.0, height = 300.0, left = 72.0, right = 170.0, top = 16.0, bottom = 36.0
        let values = series.flatMap(\.values).compactMap { $0 } + (zeroLine ? [0] : [])
            + series.flatMap(\.intervals).compactMap { $0 }.flatMap { [$0.lower, $0.upper] }
        guard let low = values.min(), let high = values.max(), waves.count > 1 else { return "" }
        let padding = max((high - low) * 0.15, 0.1)
        let y = LinearScale(domain: (low - padding, high + padding), range: (height - bottom, top))
        let x = LinearScale(domain: (0, Double(waves.count - 1)), range: (left + 20, width - right - 20))
        var svg = SVG(width: width, height: height)
        svg.rect(left, top, width - right - left, height - bottom - top, "chart-frame")
        if zeroLine { svg.line(left, y(0), width - right, y(0), "chart-axis-line") }
        for (index, wave) in waves.enumerated() {
            svg.text(x(Double(index)), height - bottom + 18, wave, "chart-axis", anchor: .middle)
        }
        for tick in [low - padding, (low + high) / 2, high + padding] {
            svg.text(left - 6, y(tick) + 4, NumberFormat.fixed(tick, 1), "chart-axis", anchor: .end)
        }
        if let yTitle {
            svg.text(14, (top + height - bottom) / 2, yTitle, "chart-axis-title", anchor: .middle, rotation: -90)
        }
        var endLabels: [(y: Double, text: String)] = []
        for (position, line) in series.enumerated() {
            let index = line.style ?? position
            let points = line.values.enumerated().compactMap { i, v in v.map { (x(Double(i)), y($0)) } }
            for (i, interval) in line.intervals.enumerated() {
                guard let interval else { continue }
                // Side by side, so the whiskers of close lines do not hide each other.
                let at = x(Double(i)) + (Double(position) - Double(series.count - 1) / 2) * 5
                svg.line(at, y(interval.lower), at, y(interval.upper), "trend-whisker trend-\(index % 5)")
            }
            svg.polyline(points, "trend-line trend-\(index % 5)")
            for (i, v) in line.values.enumerated() {
                guard let v else { continue }
                let interval = i < line.intervals.count ? line.intervals[i] : nil
                let title = "\(line.label), \(waves[i]): \(NumberFormat.fixed(v))"
                    + (interval.map { " " + NumberFormat.interval($0.lower, $0.upper) } ?? "")
                if index % 2 == 0 { svg.circle(x(Double(i)), y(v), 4.5, "trend-mark trend-\(index % 5)", title: title) }
                else { svg.square(x(Double(i)), y(v), 8, "trend-mark trend-\(index % 5)", title: title) }
            }
            if let last = points.last { endLabels.append((last.1 + 4, line.label)) }
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
        return svg.render(title: title, description: description, className: "chart-trend")
    }

    // MARK: - Competitors

    /// Our perception and a competitor's, per dimension, as paired bars with CI whiskers.
    func competitor(_ rows: [(label: String, ours: Descriptives, theirs: Descriptives)], competitor: String, scale: RatingScale) -> String {
        let width = 640.0, top = 28.0, band = 44.0
        let height = top + Double(rows.count) * band + 26
        let x = LinearScale(domain: (Double(scale.min), Double(scale.max)), range: (Self.labelWidth, width - 20))
        var svg = SVG(width: width, height: height)
        svg.rect(Self.labelWidth, 6, 12, 12, "bar-ours")
        svg.text(Self.labelWidth + 16, 16, strings["chart_us"], "chart-legend")
        svg.rect(Self.labelWidth + 130, 6, 12, 12, "bar-theirs")
        svg.text(Self.labelWidth + 146, 16, competitor, "chart-legend")
        for point in scale.min...scale.max {
            svg.text(x(Double(point)), height - 6, String(point), "chart-axis", anchor: .middle)
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * band
            svg.text(8, y + 22, row.label)
            for (stats, offset, cls, name) in [(row.ours, 4.0, "bar-ours", strings["chart_us"]), (row.theirs, 22.0, "bar-theirs", competitor)] {
                guard let mean = stats.mean else { continue }
                svg.rect(x(Double(scale.min)), y + offset, x(mean) - x(Double(scale.min)), 14, cls, title: "\(name): \(NumberFormat.fixed(mean)) (n = \(stats.n))")
                if let ci = stats.ci95 { svg.line(x(ci.lower), y + offset + 7, x(ci.upper), y + offset + 7, "whisker") }
            }
        }
        let description = rows.map {
            "\($0.label): \(strings["chart_us"]) \(NumberFormat.fixed($0.ours.mean)), \(competitor) \(NumberFormat.fixed($0.theirs.mean))"
        }.joined(separator: "; ")
        return svg.render(title: strings.format("chart_competitor_title", ["competitor": competitor]), description: description, className: "chart-competitor")
    }

    // MARK: - A group's gaps against everyone's

    struct GapRow {
        var label: String
        var gap: PairedGap?
        var overall: Double?
    }

    /// Bars of a group's gap per dimension from zero, CI whiskers, and a tick at everyone's gap.
    func gapComparison(_ rows: [GapRow]) -> String {
        let width = 640.0, top = 28.0
        let height = top + Double(rows.count) * Self.rowHeight + 26
        var values: [Double] = [0]
        for row in rows {
            let candidates: [Double?] = [row.gap?.ci95?.lower, row.gap?.ci95?.upper, row.gap?.mean, row.overall]
            values += candidates.compactMap { $0 }
        }
        let low = (values.min()! - 0.25).rounded(.down), high = max((values.max()! + 0.25).rounded(.up), 0.5)
        let x = LinearScale(domain: (low, high), range: (Self.labelWidth, width - 20))
        var svg = SVG(width: width, height: height)
        svg.rect(Self.labelWidth, 8, 12, 12, "bar-ours")
        svg.text(Self.labelWidth + 16, 18, strings["chart_this_persona"], "chart-legend")
        svg.line(Self.labelWidth + 150, 6, Self.labelWidth + 150, 20, "overall-tick")
        svg.text(Self.labelWidth + 158, 18, strings["chart_everyone"], "chart-legend")
        for tick in stride(from: low, through: high, by: 0.5) {
            svg.line(x(tick), top - 4, x(tick), height - 22, tick == 0 ? "chart-axis-line" : "chart-grid")
            svg.text(x(tick), height - 6, NumberFormat.fixed(tick, 1), "chart-axis", anchor: .middle)
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * Self.rowHeight
            svg.text(8, y + 18, row.label)
            if let gap = row.gap, let mean = gap.mean {
                svg.rect(min(x(0), x(mean)), y + 6, abs(x(mean) - x(0)), 16, mean < 0 ? "bar-ours shortfall-bar" : "bar-ours",
                         title: "\(row.label): \(NumberFormat.signed(mean)) (n = \(gap.n))")
                if let ci = gap.ci95 { svg.line(x(ci.lower), y + 14, x(ci.upper), y + 14, "whisker") }
            }
            if let overall = row.overall { svg.line(x(overall), y + 2, x(overall), y + 26, "overall-tick") }
        }
        let description = rows.map { "\($0.label): \(NumberFormat.signed($0.gap?.mean)) (\(strings["chart_everyone"]) \(NumberFormat.signed($0.overall)))" }
            .joined(separator: "; ")
        return svg.render(title: strings["chart_gap_comparison_title"], description: description, className: "chart-gap-comparison")
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
        let width = 640.0, top = 28.0, band = 44.0
        let height = top + Double(rows.count) * band + 26
        let maxRatio = max(2, (rows.compactMap { r in r.p90.map { $0 / r.committed } }.max() ?? 1).rounded(.up))
        let x = LinearScale(domain: (0, maxRatio), range: (Self.labelWidth, width - 20))
        var svg = SVG(width: width, height: height)
        svg.rect(Self.labelWidth, 6, 12, 12, "bar-ours")
        svg.text(Self.labelWidth + 16, 16, strings["chart_median"], "chart-legend")
        svg.rect(Self.labelWidth + 110, 6, 12, 12, "bar-theirs")
        svg.text(Self.labelWidth + 126, 16, strings["chart_p90"], "chart-legend")
        svg.line(Self.labelWidth + 230, 4, Self.labelWidth + 230, 20, "overall-tick")
        svg.text(Self.labelWidth + 238, 16, strings["chart_commitment"], "chart-legend")
        for tick in stride(from: 0.0, through: maxRatio, by: maxRatio > 4 ? 1 : 0.5) {
            svg.line(x(tick), top - 4, x(tick), height - 22, "chart-grid")
            svg.text(x(tick), height - 6, NumberFormat.fixed(tick, tick == tick.rounded() ? 0 : 1) + "×", "chart-axis", anchor: .middle)
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * band
            svg.text(8, y + 18, "\(row.label) (\(row.committedText))")
            if let p90 = row.p90 {
                svg.rect(x(0), y + 20, x(min(p90 / row.committed, maxRatio)) - x(0), 14, "bar-theirs", title: "\(strings["chart_p90"]): \(row.p90Text)")
            }
            if let median = row.median {
                svg.rect(x(0), y + 4, x(min(median / row.committed, maxRatio)) - x(0), 14, "bar-ours", title: "\(strings["chart_median"]): \(row.medianText)")
            }
            svg.line(x(1), y, x(1), y + 38, "overall-tick")
        }
        let description = rows.map { "\($0.label): \(strings["chart_commitment"]) \($0.committedText), \(strings["chart_median"]) \($0.medianText), \(strings["chart_p90"]) \($0.p90Text)" }
            .joined(separator: "; ")
        return svg.render(title: strings["chart_service_title"], description: description, className: "chart-service")
    }

    // MARK: - Co-occurrence

    /// A symmetric matrix of counts as shaded cells with the number in each (shade is a lightness
    /// ramp, so it survives greyscale).
    func matrix(labels: [String], counts: [[Int]]) -> String {
        let cell = 34.0, left = 230.0, top = 160.0
        let width = left + cell * Double(labels.count) + 130, height = top + cell * Double(labels.count) + 10
        // Long labels are shortened on the axes; cell tooltips and the description keep them whole.
        let short = labels.map { $0.count > 28 ? String($0.prefix(27)) + "…" : $0 }
        let maxCount = max(1, counts.flatMap { $0 }.max() ?? 1)
        var svg = SVG(width: width, height: height)
        for (i, label) in short.enumerated() {
            svg.text(left - 8, top + cell * Double(i) + cell / 2 + 4, label, "chart-label", anchor: .end)
            svg.text(left + cell * Double(i) + cell / 2 + 4, top - 6, label, "chart-label matrix-column", anchor: .start, rotation: -55)
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
        return svg.render(title: strings["chart_cooccurrence_title"], description: pairs.joined(separator: "; "), className: "chart-matrix")
    }

    // MARK: - Bars

    /// Plain horizontal bars with their value written beside them.
    func bars(_ rows: [(label: String, value: Double, text: String)], title: String) -> String {
        let width = 640.0, top = 8.0
        let height = top + Double(rows.count) * Self.rowHeight + 8
        let largest = max(rows.map(\.value).max() ?? 1, 1)
        let x = LinearScale(domain: (0, largest), range: (Self.labelWidth + 20, width - 110))
        var svg = SVG(width: width, height: height)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * Self.rowHeight
            svg.text(8, y + 18, row.label.count > 26 ? String(row.label.prefix(25)) + "…" : row.label)
            svg.rect(x(0), y + 6, x(row.value) - x(0), 18, "bar-ours", title: "\(row.label): \(row.text)")
            svg.text(x(row.value) + 6, y + 19, row.text, "chart-axis")
        }
        return svg.render(title: title, description: rows.map { "\($0.label): \($0.text)" }.joined(separator: "; "), className: "chart-bars")
    }
}
