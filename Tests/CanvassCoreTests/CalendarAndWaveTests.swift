import CanvassCore
import Testing

/// Days as front matter writes them, the days a wave's label names, and the seconds a day starts
/// at (against Python's `datetime(...).replace(tzinfo=timezone.utc).timestamp()`).
@Suite struct CalendarAndWaveTests {
    @Test func onlyRealDaysWrittenInFullAreDates() {
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        for text in ["2026-02-29", "2026-9-14", "2026-09-14T10:00", "14.09.2026", "2026-13-01", "2026-00-10", ""] {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
        #expect(CalendarDate("2026-09-14")! < CalendarDate("2026-10-01")!)
    }

    @Test func aDayStartsAtUTCMidnight() {
        let expected: [(String, Double)] = [
            ("1970-01-01", 0), ("2026-07-01", 1_782_864_000), ("2000-03-01", 951_868_800), ("2024-02-29", 1_709_164_800),
            ("1969-12-31", -86_400),
        ]
        for (text, seconds) in expected {
            #expect(CalendarDate(text)?.secondsSince1970 == seconds, "\(text)")
        }
    }

    @Test func wavePeriodsFromTheirLabels() {
        func days(_ label: String) -> String? { WavePeriod(label: label).map { "\($0.start)…\($0.end)" } }
        #expect(days("2026-Q1") == "2026-01-01…2026-03-31")
        #expect(days("2026-Q4") == "2026-10-01…2026-12-31")
        #expect(days("2026-H2") == "2026-07-01…2026-12-31")
        #expect(days("2024-02") == "2024-02-01…2024-02-29", "a leap year's February")
        #expect(days("2026-02") == "2026-02-01…2026-02-28")
        #expect(days("2026-05-14") == "2026-05-14…2026-05-14")
        #expect(days("2026") == "2026-01-01…2026-12-31")
        for undated in ["W1", "2026-Q5", "2026-13", "spring 2026", "2026-02-30", "26-Q1", "2026-Q1-extra", ""] {
            #expect(days(undated) == nil, "\(undated)")
        }
    }

    @Test func metricsAreWrittenAsInTheConfig() {
        for text in ["nps", "csat", "kpi.renewal", "gap.service", "perception.price", "service.P1", "service.all"] {
            #expect(Metric(text)?.id == text)
        }
        for text in ["NPS", "kpi.", ".x", "gap", "score.x", ""] {
            #expect(Metric(text) == nil, "\(text)")
        }
        #expect(Metric("service.P1")?.isShare == true && Metric("service.P1")?.isSurveyFigure == false)
        #expect(Metric("gap.price")?.isShare == false && Metric("kpi.renewal")?.isShare == true)
    }
}
