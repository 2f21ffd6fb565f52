import CanvassCore
import Testing
@testable import CanvassAnalysis

@Suite struct ServiceTests {
    func record(_ priority: String?, responseHours: Double?, resolutionHours: Double? = nil, dimension: String? = nil, month: String = "2026-09") -> ServiceRecord {
        ServiceRecord(
            row: 1, line: 2, priority: priority, opened: 0, responded: responseHours.map { $0 * 3600 },
            resolved: resolutionHours.map { $0 * 3600 }, dimension: dimension, month: month)
    }

    @Test func percentilesAndShareWithinCommitmentByHand() throws {
        let records = [1.0, 6, 2, 3].map { record("P1", responseHours: $0, dimension: "service") }
            + [record("P1", responseHours: nil)]
        let file = ServiceRecords(config: RecordsConfig(file: "t.csv"), path: "content/t.csv", records: records, findings: [])
        let results = try #require(ServiceAnalyzer.analyse([file], commitments: [Commitment(priority: "P1", seconds: 14400, text: "4h")]))
        let p1 = results.byPriority[0]
        #expect(p1.records == 5 && p1.responded == 4)
        // Sorted 1, 2, 3, 6 h: median 2.5 h; 90th percentile at position 2.7 → 3 + 0.7 × 3 = 5.1 h.
        #expect(p1.responseMedian == 2.5 * 3600)
        #expect(abs(p1.responseP90! - 5.1 * 3600) < 1e-6)
        // 3 of 4 within 4 h: 75%, Wilson [30.06, 95.44].
        #expect(p1.within.hits == 3 && p1.within.n == 4 && p1.within.score == 75)
        #expect(abs(p1.within.ci95!.lower - 30.06) < 0.01 && abs(p1.within.ci95!.upper - 95.44) < 0.01)
        #expect(results.breaches.map(\.response) == [6 * 3600])
        #expect(results.byDimension.map(\.label) == ["service"])
        #expect(results.byMonth.isEmpty)
    }

    @Test func monthsAppearWhenRecordsSpanSeveral() throws {
        let records = [record("P1", responseHours: 1, month: "2026-09"), record("P1", responseHours: 5, month: "2026-10")]
        let file = ServiceRecords(config: RecordsConfig(file: "t.csv"), path: "content/t.csv", records: records, findings: [])
        let results = try #require(ServiceAnalyzer.analyse([file], commitments: [Commitment(priority: "P1", seconds: 14400, text: "4h")]))
        #expect(results.byMonth.map(\.label) == ["2026-09", "2026-10"])
        #expect(results.byMonth.map(\.within.score) == [100, 0])
    }

    @Test func timestampsAcrossZones() {
        #expect(Timestamp.parse("1970-01-01T00:00Z") == 0)
        #expect(Timestamp.parse("2000-03-01T00:00:00Z") == 951_868_800)
        let utc = Timestamp.parse("2026-09-12T06:12:00Z")
        #expect(utc != nil)
        #expect(Timestamp.parse("2026-09-12T08:12:00+02:00") == utc)
        #expect(Timestamp.parse("2026-09-12T08:12+0200") == utc)
        #expect(Timestamp.parse("2026-09-12 06:12") == utc)
        #expect(Timestamp.parse("2026-09-12T01:12:00-05:00") == utc)
        #expect(Timestamp.parse("2026-09-12T06:12:00.5Z") == utc! + 0.5)
        // As PostgreSQL writes a `timestamptz`: a space, and an offset of whole hours.
        #expect(Timestamp.parse("2026-09-12 08:12:00+02") == utc)
        #expect(Timestamp.parse("2026-09-12 06:12:00.5+00") == utc! + 0.5)
        for bad in ["2026-09-31T00:00Z", "2026-09-12T24:00Z", "2026-09-12", "12/09/2026 08:00", "2026-09-12T08:12:00+2", "2026-09-12T08:12:00+02:6",
                    "2026-09-12T08:12:00+0260", "soon"] {
            #expect(Timestamp.parse(bad) == nil, "\(bad) should not parse")
        }
    }
}
