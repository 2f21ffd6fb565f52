import CanvassCore

extension Charts {
    /// One wave on a control chart.
    struct ControlPoint {
        var wave: String
        var value: Double?
        var interval: Interval?
        var limits: Interval?
        var outside: Bool
    }

    /// A metric across waves: its figure with 95% whiskers, the centre line, the 3-sigma limits
    /// (dotted, stepping with each wave's size) and the target (dashed). A wave outside its
    /// limits is drawn as a red square. `digits` is how the axis rounds.
    func control(_ points: [ControlPoint], centre: Double?, target: Double?, title: String, yTitle: String, digits: Int) -> String {
        let values = points.flatMap { p in [p.value, p.interval?.lower, p.interval?.upper, p.limits?.lower, p.limits?.upper] }.compactMap { $0 }
            + [centre, target].compactMap { $0 }
        guard let low = values.min(), let high = values.max(), !points.isEmpty else { return "" }
        let padding = max((high - low) * 0.12, digits == 0 ? 1 : 0.05)
        return responsive { layout in
            let wide = layout == .wide
            let width = wide ? 640.0 : Frame.narrowWidth, plotBottom = wide ? 236.0 : 200.0
            let left = wide ? 72.0 : 58.0, right = wide ? 110.0 : 12.0, top = 14.0
            let legendTop = plotBottom + 42
            let height = wide ? 272.0 : legendTop + 3 * 18
            let y = LinearScale(domain: (low - padding, high + padding), range: (plotBottom, top))
            let x = LinearScale(domain: (0, Double(max(1, points.count - 1))), range: (left + 24, width - right - 24))
            func at(_ index: Int) -> Double { points.count == 1 ? (left + width - right) / 2 : x(Double(index)) }
            var svg = SVG(width: width, height: height)
            svg.rect(left, top, width - right - left, plotBottom - top, "chart-frame")
            let spacing = points.count > 1 ? (width - right - left - 48) / Double(points.count - 1) : width
            let longest = Double(points.map(\.wave.count).max() ?? 0) * 7 + 10
            let every = max(1, Int((longest / spacing).rounded(.up)))
            for (index, point) in points.enumerated() where index % every == 0 {
                svg.text(at(index), plotBottom + 18, point.wave, "chart-axis", anchor: .middle)
            }
            for tick in [low - padding, (low + high) / 2, high + padding] {
                svg.text(left - 6, y(tick) + 4, NumberFormat.fixed(tick, digits), "chart-axis", anchor: .end)
            }
            svg.text(14, (top + plotBottom) / 2, Self.shortened(yTitle, to: plotBottom - top), "chart-axis-title", anchor: .middle, rotation: -90)
            // Limits step with the waves: each wave's pair spans half the way to its neighbours.
            for (index, point) in points.enumerated() {
                guard let limits = point.limits else { continue }
                let half = points.count > 1 ? spacing / 2 : 40
                for bound in [limits.lower, limits.upper] {
                    svg.line(max(left, at(index) - half), y(bound), min(width - right, at(index) + half), y(bound), "control-limit")
                }
            }
            var legend: [(String, String)] = []
            if let centre {
                svg.line(left, y(centre), width - right, y(centre), "control-centre")
                legend.append(("control-centre", strings.format("chart_control_centre", ["value": NumberFormat.fixed(centre, digits)])))
            }
            if points.contains(where: { $0.limits != nil }) { legend.append(("control-limit", strings["chart_control_limits"])) }
            if let target {
                svg.line(left, y(target), width - right, y(target), "control-target")
                legend.append(("control-target", strings.format("chart_control_target", ["value": NumberFormat.fixed(target, digits)])))
            }
            for (index, point) in points.enumerated() {
                if let interval = point.interval { svg.line(at(index), y(interval.lower), at(index), y(interval.upper), "whisker") }
            }
            svg.polyline(points.enumerated().compactMap { i, p in p.value.map { (at(i), y($0)) } }, "trend-line trend-0")
            for (index, point) in points.enumerated() {
                guard let value = point.value else { continue }
                let title = "\(point.wave): \(NumberFormat.fixed(value, digits))" + (point.outside ? " — " + strings["chart_control_outside"] : "")
                if point.outside { svg.square(at(index), y(value), 10, "control-outside", title: title) }
                else { svg.circle(at(index), y(value), 4.5, "trend-mark trend-0", title: title) }
            }
            // The lines' names: beside their lines at the right when wide (moved apart where they
            // would meet), in rows below when narrow.
            if wide {
                let baselines = legend.map { item -> Double in
                    switch item.0 {
                    case "control-centre": return y(centre!) + 4
                    case "control-target": return y(target!) + 4
                    default: return y(points.compactMap { $0.limits?.upper }.max() ?? high) + 4
                    }
                }
                let placed = Self.separatedBaselines(baselines.map { (width - right + 6, width, $0) })
                for (item, baseline) in zip(legend, placed) {
                    svg.text(width - right + 6, baseline, Self.shortened(item.1, to: right - 8), "chart-legend")
                }
            } else {
                for (row, item) in legend.enumerated() {
                    let rowY = legendTop + Double(row) * 18
                    svg.line(left, rowY, left + 28, rowY, item.0)
                    svg.text(left + 36, rowY + 4, Self.shortened(item.1, to: width - left - 48), "chart-legend")
                }
            }
            let description = points.map { "\($0.wave) \(NumberFormat.fixed($0.value, digits))\($0.outside ? " (" + strings["chart_control_outside"] + ")" : "")" }
                .joined(separator: ", ") + (target.map { "; " + strings.format("chart_control_target", ["value": NumberFormat.fixed($0, digits)]) } ?? "")
            return svg.render(title: title, description: description, className: "chart-control chart-\(wide ? "wide" : "narrow")")
        }
    }
}
