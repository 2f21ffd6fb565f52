import CanvassMarkdown

/// Builds an accessible inline SVG: `role="img"`, a `<title>` and a `<desc>`, every text escaped.
/// Colours are CSS classes from the theme's stylesheet, so the theme controls them and print
/// can turn them to greys; shapes and dash patterns, not colour alone, tell series apart.
struct SVG {
    let width: Double
    let height: Double
    private var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    private func n(_ value: Double) -> String { NumberFormat.coordinate(value) }
    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String) {
        body += "<line class=\"\(cls)\" x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"/>"
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ cls: String, title: String? = nil) {
        let shape = "<rect class=\"\(cls)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, w)))\" height=\"\(n(max(0, h)))\""
        if let title { body += shape + "><title>\(e(title))</title></rect>" } else { body += shape + "/>" }
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, _ cls: String, title: String? = nil) {
        let shape = "<circle class=\"\(cls)\" cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\""
        if let title { body += shape + "><title>\(e(title))</title></circle>" } else { body += shape + "/>" }
    }

    /// A square marker, for the second series of a line chart.
    mutating func square(_ cx: Double, _ cy: Double, _ size: Double, _ cls: String, title: String? = nil) {
        rect(cx - size / 2, cy - size / 2, size, size, cls, title: title)
    }

    mutating func polyline(_ points: [(Double, Double)], _ cls: String) {
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        body += "<polyline class=\"\(cls)\" points=\"\(list)\"/>"
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// Text at (x, y); `rotation` turns it (degrees, negative is anticlockwise) about that point.
    mutating func text(_ x: Double, _ y: Double, _ content: String, _ cls: String = "chart-label", anchor: Anchor = .start, rotation: Double? = nil) {
        let turn = rotation.map { " transform=\"rotate(\(n($0)) \(n(x)) \(n(y)))\"" } ?? ""
        body += "<text class=\"\(cls)\" x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor.rawValue)\"\(turn)>\(e(content))</text>"
    }

    /// The chart as an `<svg>`; `intrinsicSize` gives it its width in CSS pixels, for a chart the
    /// stylesheet draws at its own size rather than across the column.
    func render(title: String, description: String, className: String, intrinsicSize: Bool = false) -> String {
        "<svg class=\"chart \(className)\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + (intrinsicSize ? "width=\"\(n(width))\" height=\"\(n(height))\" " : "")
            + "xmlns=\"http://www.w3.org/2000/svg\" preserveAspectRatio=\"xMinYMin meet\">"
            + "<title>\(e(title))</title><desc>\(e(description))</desc>" + body + "</svg>"
    }
}

/// Maps a value range onto pixels.
struct LinearScale {
    let domain: (Double, Double)
    let range: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return (range.0 + range.1) / 2 }
        return range.0 + (value - domain.0) / span * (range.1 - range.0)
    }
}
