import Foundation

/// The one formatter for numbers on pages: fixed decimals, a true minus sign, no locale surprises.
/// Data files keep numbers unrounded; pages round them here only.
enum NumberFormat {
    /// `-0.6864` → `−0.69`; nil → `–`.
    static func fixed(_ value: Double?, _ digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        var text = String(format: "%.\(digits)f", value)
        if text.hasPrefix("-") {
            text.removeFirst()
            // −0.00 is shown as 0.00.
            if Double(text) == 0 { return text }
            return "−" + text
        }
        return text
    }

    /// With an explicit sign, for gaps and changes: `+0.20`, `−1.31`.
    static func signed(_ value: Double?, _ digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = fixed(value, digits)
        return value > 0 && text != fixed(0, digits) ? "+" + text : text
    }

    /// p-values as researchers write them: `< 0.001`, otherwise three decimals.
    static func pValue(_ p: Double?) -> String {
        guard let p else { return "–" }
        return p < 0.001 ? "< 0.001" : String(format: "%.3f", p)
    }

    /// `[5.14, 5.36]`
    static func interval(_ lower: Double?, _ upper: Double?, _ digits: Int = 2) -> String {
        guard let lower, let upper else { return "–" }
        return "[\(fixed(lower, digits)), \(fixed(upper, digits))]"
    }

    /// Percent of a share: `55.3%`.
    static func percent(_ value: Double?, _ digits: Int = 1) -> String {
        guard let value else { return "–" }
        return fixed(value, digits) + "%"
    }

    /// For SVG coordinates: two decimals, plain minus, no trailing zeros.
    static func coordinate(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
