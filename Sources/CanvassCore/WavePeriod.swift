/// The calendar days a survey wave's label names: `2026-Q2`, `2026-H1`, `2026-05`, `2026-05-14`
/// or `2026`. Waves named otherwise have no dates, and an action cannot be placed before or
/// after them.
public struct WavePeriod: Sendable, Hashable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init?(label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), first.allSatisfy(\.isASCII) else { return nil }
        func day(_ month: Int, _ day: Int) -> CalendarDate? {
            CalendarDate("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
        }
        func lastDay(_ month: Int) -> CalendarDate? {
            (28...31).reversed().lazy.compactMap { day(month, $0) }.first
        }
        var range: (CalendarDate?, CalendarDate?)
        switch parts.count {
        case 1: range = (day(1, 1), day(12, 31))
        case 2:
            let second = parts[1]
            if second.count == 2, second.first == "Q", let q = Int(second.dropFirst()), (1...4).contains(q) {
                range = (day(3 * q - 2, 1), lastDay(3 * q))
            } else if second.count == 2, second.first == "H", let h = Int(second.dropFirst()), (1...2).contains(h) {
                range = (day(6 * h - 5, 1), lastDay(6 * h))
            } else if second.count == 2, let month = Int(second), (1...12).contains(month) {
                range = (day(month, 1), lastDay(month))
            } else {
                return nil
            }
        case 3:
            guard let date = CalendarDate(label) else { return nil }
            range = (date, date)
        default: return nil
        }
        guard let start = range.0, let end = range.1 else { return nil }
        self.start = start
        self.end = end
    }
}
