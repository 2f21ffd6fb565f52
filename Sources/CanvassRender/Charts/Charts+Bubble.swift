extension Charts {
    /// One candidate on the target-segment bubble chart.
    struct Bubble {
        var label: String
        /// What the narrow layout writes beside the bubble (its rank), and the wide one before the label.
        var mark: String
        var x: Double
        var y: Double
        /// The bubble's area is proportional to this; nil or not above 0 draws a small fixed bubble.
        var area: Double?
        var highlighted: Bool
    }

    /// Size (x) against shortfall (y), each bubble's area proportional to the candidate's value;
    /// up and to the right is bigger and worse served. Labels sit beside the bubbles (rank and
    /// name when wide, the rank alone when narrow), moved apart where they would meet.
    func bubbles(_ points: [Bubble], title: String, xTitle: String, yTitle: String) -> String {
        responsive { layout in
            let wide = layout == .wide
            let width = wide ? 640.0 : Frame.narrowWidth, height = wide ? 380.0 : 300.0
            let bottom = 50.0, top = 16.0, right = wide ? 20.0 : 12.0
            let maxRadius = wide ? 30.0 : 20.0
            // Each axis spans the candidates, with room for the largest bubble, on whole ticks.
            let yDomain = Self.bubbleDomain(points.map(\.y), room: maxRadius / (height - bottom - top), steps: [0.1, 0.2, 0.25, 0.5, 1, 2])
            let yStep = Self.tickStep(span: yDomain.high - yDomain.low, length: height - bottom - top, gap: 24, steps: [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2])
            // Two-decimal tick labels need the room of the wide layout's margin to clear the axis title.
            let left = wide || yStep < 0.1 ? 56.0 : 44.0
            let xDomain = Self.bubbleDomain(points.map(\.x), room: maxRadius / (width - right - left), steps: [5, 10, 20, 25, 50])
            let x = LinearScale(domain: (xDomain.low, xDomain.high), range: (left, width - right))
            let y = LinearScale(domain: (yDomain.low, yDomain.high), range: (height - bottom, top))
            var svg = SVG(width: width, height: height)
            svg.rect(left, top, width - right - left, height - bottom - top, "chart-frame")
            let xStep = Self.tickStep(span: xDomain.high - xDomain.low, length: width - right - left, gap: 44, steps: [1, 2, 5, 10, 20, 25, 50])
            for tick in stride(from: (xDomain.low / xStep - 1e-9).rounded(.up) * xStep, through: xDomain.high + 1e-9, by: xStep) {
                svg.line(x(tick), top, x(tick), height - bottom, "chart-grid")
                svg.text(x(tick), height - bottom + 16, NumberFormat.fixed(tick, 0), "chart-axis", anchor: .middle)
            }
            for tick in stride(from: (yDomain.low / yStep - 1e-9).rounded(.up) * yStep, through: yDomain.high + 1e-9, by: yStep) {
                svg.line(left, y(tick), width - right, y(tick), "chart-grid")
                svg.text(left - 6, y(tick) + 4, NumberFormat.fixed(tick, yStep < 0.1 ? 2 : 1), "chart-axis", anchor: .end)
            }
            svg.text((left + width - right) / 2, height - 12, xTitle, "chart-axis-title", anchor: .middle)
            svg.text(14, (top + height - bottom) / 2, Self.shortened(yTitle, to: height - bottom - top), "chart-axis-title", anchor: .middle, rotation: -90)
            let largest = points.compactMap(\.area).filter { $0 > 0 }.max()
            func radius(_ point: Bubble) -> Double {
                guard let area = point.area, area > 0, let largest else { return 7 }
                return max(5, maxRadius * (area / largest).squareRoot())
            }
            // Largest first, so that a small bubble is never hidden behind a big one.
            let order = points.indices.sorted { (radius(points[$0]), $1) > (radius(points[$1]), $0) }
            for index in order {
                let point = points[index]
                let title = "\(point.mark). \(point.label): \(NumberFormat.fixed(point.x, 1)), \(NumberFormat.fixed(point.y))"
                svg.circle(x(point.x), y(point.y), radius(point), point.highlighted ? "target-bubble target-highlighted" : "target-bubble", title: title)
            }
            let labels = points.map { point -> (left: Double, right: Double, baseline: Double, anchor: SVG.Anchor, text: String) in
                let text = wide ? Self.shortened("\(point.mark) · \(point.label)", to: 230) : point.mark
                let px = x(point.x), r = radius(point), length = Self.textWidth(text)
                let baseline = y(point.y) + 4
                return px + r + 6 + length > width - right
                    ? (px - r - 6 - length, px - r - 6, baseline, .end, text)
                    : (px + r + 6, px + r + 6 + length, baseline, .start, text)
            }
            let baselines = Self.separatedBaselines(labels.map { ($0.left, $0.right, $0.baseline) })
            for (index, label) in labels.enumerated() {
                svg.text(label.anchor == .end ? label.right : label.left, min(baselines[index], height - bottom - 4), label.text, "chart-label", anchor: label.anchor)
            }
            let description = points.map { "\($0.mark). \($0.label): \(NumberFormat.fixed($0.x, 1)), \(NumberFormat.fixed($0.y))" }.joined(separator: "; ")
            return svg.render(title: title, description: description, className: "chart-bubbles chart-\(wide ? "wide" : "narrow")")
        }
    }

    /// An axis over `values` that leaves `room` (a fraction of the axis) and a tenth of their
    /// spread on each side, on multiples of the coarsest of `steps` that still gives a few ticks,
    /// and never below 0.
    static func bubbleDomain(_ values: [Double], room: Double, steps: [Double]) -> (low: Double, high: Double) {
        guard let low = values.min(), let high = values.max() else { return (0, steps[0]) }
        let spread = max(high - low, abs(high) * 0.1, steps[0])
        let pad = spread * 0.1 + spread * room / max(0.1, 1 - 2 * room)
        let step = steps.last { spread / $0 >= 3 } ?? steps[0]
        let lower = max(0, ((low - pad) / step).rounded(.down) * step)
        return (lower, max(lower + step, ((high + pad) / step).rounded(.up) * step))
    }
}
