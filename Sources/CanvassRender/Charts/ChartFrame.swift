extension Charts {
    /// Every chart is drawn in two layouts and the stylesheet shows the one that fits its figure
    /// (a container query on `.chart-figure`): `wide` for a figure of 40rem or more, with row
    /// labels in a column at the left, and `narrow` for phones and half-width columns, with each
    /// row's label on a line above it and legends below. Both keep chart text at 11 px or more
    /// where they are shown (the browser check measures it).
    enum Layout: CaseIterable {
        case wide, narrow
    }

    /// Where a chart puts its parts in one layout.
    struct Frame {
        let layout: Layout
        let width: Double
        /// The two ends of the plotting area.
        let plotLeft: Double
        let plotRight: Double
        /// The height of a row label's own line in the narrow layout; 0 when wide.
        let labelLine: Double

        static let narrowWidth = 340.0

        init(_ layout: Layout, wideWidth: Double = 640, labelWidth: Double = 170, rightMargin: Double = 20) {
            self.layout = layout
            switch layout {
            case .wide:
                (width, plotLeft, plotRight, labelLine) = (wideWidth, labelWidth, wideWidth - rightMargin, 0)
            case .narrow:
                (width, plotLeft, plotRight, labelLine) = (Self.narrowWidth, 12, Self.narrowWidth - 12, 18)
            }
        }

        var isWide: Bool { layout == .wide }
        var plotWidth: Double { plotRight - plotLeft }

        /// The chart's classes: its kind and its layout.
        func className(_ kind: String) -> String { "\(kind) chart-\(isWide ? "wide" : "narrow")" }

        /// A row's label: left of the row when wide (its baseline `wideBaseline` below the row's
        /// top), on its own line above the row when narrow, shortened to the plot's width.
        func rowLabel(_ svg: inout SVG, _ text: String, rowTop: Double, wideBaseline: Double) {
            if isWide { svg.text(8, rowTop + wideBaseline, text) }
            else { svg.text(plotLeft, rowTop + 13, Charts.shortened(text, to: plotWidth)) }
        }
    }

    /// The chart drawn in each layout, one after the other.
    func responsive(_ draw: (Layout) -> String) -> String {
        Layout.allCases.map(draw).joined()
    }

    /// The rough width of a character at the 13-unit label size: a CJK character is about 13
    /// units wide, others about 7.2 on average.
    private static func width(_ c: Character) -> Double { (c.unicodeScalars.first?.value ?? 0) >= 0x2E80 ? 13 : 7.2 }

    /// The rough width of `text` at the 13-unit label size.
    static func textWidth(_ text: String) -> Double { text.reduce(0) { $0 + width($1) } }

    /// `text` cut with an ellipsis so that it fits `units` at the 13-unit label size.
    static func shortened(_ text: String, to units: Double) -> String {
        guard textWidth(text) > units else { return text }
        var kept = "", used = width("…")
        for c in text {
            used += width(c)
            if used > units { break }
            kept.append(c)
        }
        return kept + "…"
    }

    /// The finest step of `steps` whose ticks over `span` stand at least `gap` units apart on an
    /// axis `length` units long, so that tick labels never run into each other.
    static func tickStep(span: Double, length: Double, gap: Double = 40, steps: [Double] = [0.5, 1, 2, 5, 10]) -> Double {
        steps.first { span / $0 * gap <= length } ?? steps.last!
    }

    /// Baselines for labels that would otherwise overlap: from the top down, a label whose span
    /// (`left`…`right`) meets one already placed within a line's height moves below it. A label
    /// moved exactly a line below another no longer meets it, whatever the rounding of the sum
    /// (without the allowance, 118.26… + 15 can land a hair under 15 away and loop for ever).
    static func separatedBaselines(_ labels: [(left: Double, right: Double, baseline: Double)], lineHeight: Double = 15) -> [Double] {
        var placed: [(left: Double, right: Double, baseline: Double)] = []
        var result = labels.map(\.baseline)
        let apart = lineHeight * (1 - 1e-9)
        for index in labels.indices.sorted(by: { labels[$0].baseline < labels[$1].baseline }) {
            var label = labels[index]
            while let clash = placed.first(where: { $0.left < label.right && label.left < $0.right && abs($0.baseline - label.baseline) < apart }) {
                label.baseline = clash.baseline + lineHeight
            }
            placed.append(label)
            result[index] = label.baseline
        }
        return result
    }
}
