/// One service record (SPEC §3.3): a ticket or request with its timestamps, in seconds since 1970 UTC.
public struct ServiceRecord: Sendable, Hashable {
    /// Data row (from 1 after the header) and file line.
    public var row: Int
    public var line: Int
    public var priority: String?
    public var opened: Double?
    public var responded: Double?
    public var resolved: Double?
    public var dimension: String?
    /// `YYYY-MM` of the opening time as written, for monthly breakdowns.
    public var month: String?

    public init(row: Int, line: Int, priority: String?, opened: Double?, responded: Double?, resolved: Double?, dimension: String?, month: String?) {
        self.row = row
        self.line = line
        self.priority = priority
        self.opened = opened
        self.responded = responded
        self.resolved = resolved
        self.dimension = dimension
        self.month = month
    }

    /// Seconds from opening to first response, when both are known and in order.
    public var responseSeconds: Double? {
        guard let opened, let responded, responded >= opened else { return nil }
        return responded - opened
    }

    public var resolutionSeconds: Double? {
        guard let opened, let resolved, resolved >= opened else { return nil }
        return resolved - opened
    }
}

/// A records file as loaded: valid records and the findings about the invalid parts.
public struct ServiceRecords: Sendable {
    public var config: RecordsConfig
    public var path: String
    public var records: [ServiceRecord]
    public var findings: [QualityFinding]

    public init(config: RecordsConfig, path: String, records: [ServiceRecord], findings: [QualityFinding]) {
        self.config = config
        self.path = path
        self.records = records
        self.findings = findings
    }
}

/// ISO 8601 timestamps: `2026-09-12T08:12`, `…:05`, `…:05.250`, with `Z`, `+02:00` or `+0200`;
/// a space may replace `T`. Without a zone the time is taken as UTC.
public enum Timestamp {
    /// Seconds since 1970-01-01T00:00Z, or nil when the text is not such a timestamp.
    public static func parse(_ text: String) -> Double? {
        let scalars = Array(text.trimmingSpaces().unicodeScalars)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[index..<(index + digits)] {
                guard let digit = scalar.properties.numericType == .decimal ? Int(String(scalar)) : nil, scalar.isASCII else { return nil }
                value = value * 10 + digit
            }
            index += digits
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < scalars.count, Character(scalars[index]) == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              let date = CalendarDate(String(format4(year)) + "-" + format2(month) + "-" + format2(day))
        else { return nil }
        guard expect("T") || expect(" ") else { return nil }
        guard let hour = number(2), hour < 24, expect(":"), let minute = number(2), minute < 60 else { return nil }
        var seconds = 0.0
        if expect(":") {
            guard let whole = number(2), whole < 61 else { return nil }
            seconds = Double(whole)
            if expect(".") || expect(",") {
                var fraction = 0.0, scale = 0.1
                while index < scalars.count, let digit = Int(String(scalars[index])), scalars[index].isASCII {
                    fraction += Double(digit) * scale
                    scale /= 10
                    index += 1
                }
                seconds += fraction
            }
        }
        var offset = 0
        if expect("Z") || expect("z") {
            offset = 0
        } else if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
            let sign = scalars[index] == "-" ? -1 : 1
            index += 1
            // ±hh:mm, ±hhmm or ±hh (as PostgreSQL writes a whole-hour offset).
            guard let hours = number(2) else { return nil }
            let minutes: Int
            if expect(":") {
                guard let given = number(2) else { return nil }
                minutes = given
            } else {
                minutes = index == scalars.count ? 0 : (number(2) ?? -1)
            }
            guard minutes >= 0, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard index == scalars.count else { return nil }
        let days = daysFromCivil(year: date.year, month: date.month, day: date.day)
        return Double(days) * 86400 + Double(hour * 3600 + minute * 60) + seconds - Double(offset)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func format4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }
}
