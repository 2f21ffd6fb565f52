import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// `kpis:` and `targets:` end to end: mistakes in either, the monitoring page and
/// data/monitoring.json, the alerts on the home page, and the `{monitoring}` block.
@Suite struct MonitoringSiteTests {
    static let config = """
    title: T
    dimensions: [{id: price, label: Price}]
    surveys:
      - file: surveys/s.csv
        id: id
        waveColumn: wave
        pairs: {price: {expectation: e, perception: p}}
        nps: nps
        kpis:
          renewal: {column: renew, yes: [yes], label: Will renew}

    """

    /// Three waves of ten: NPS 80, then −10 and −20; everyone renews in W1 and W2, nobody in W3.
    static let csv: String = {
        var rows = ["id,wave,e,p,nps,renew"]
        func add(_ wave: String, _ scores: [Int], renew: String) {
            for (index, score) in scores.enumerated() { rows.append("\(wave)-\(index),\(wave),5,\(3 + index % 3),\(score),\(renew)") }
        }
        add("W1", Array(repeating: 10, count: 8) + [7, 7], renew: "yes")
        add("W2", Array(repeating: 10, count: 3) + Array(repeating: 7, count: 3) + Array(repeating: 2, count: 4), renew: "yes")
        add("W3", Array(repeating: 10, count: 2) + Array(repeating: 7, count: 4) + Array(repeating: 2, count: 4), renew: "no")
        return rows.joined(separator: "\n") + "\n"
    }()

    func project(_ extra: String, files: [String: String] = [:]) throws -> TemporaryProject {
        try TemporaryProject(["canvass.yml": Self.config + extra, "content/surveys/s.csv": Self.csv].merging(files) { _, new in new })
    }

    @Test func mistakesInKPIsAndTargetsAreErrorsAtTheirPlace() throws {
        let project = try TemporaryProject([
            "canvass.yml": Self.config.replacingOccurrences(of: "renewal: {column: renew, yes: [yes], label: Will renew}", with: """
            renewal: {column: renew}
                  loyal: {column: nps, top: 11, scale: {min: 0, max: 10}}
                  both: {column: renew, yes: [yes], top: 2}
            """) + """
            targets:
              nps: 120
              kpi.renewl: 70
              gap.service: -1
              csat: 50
              loyalty: 3
            """,
            "content/surveys/s.csv": Self.csv,
        ])
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).check()
        #expect(!report.succeeded)
        #expect(places(report) == [
            "canvass.yml:10:16 KPI `renewal` needs `yes` (the answers that count) or `top` (the top points of a rating)",
            "canvass.yml:11:33 `kpis.loyal.top` must be a whole number from 1 to one less than the scale's points (11)",
            "canvass.yml:12:13 KPI `both` takes `yes` (for a yes/no question) or `top` (for a rating), not both",
            "canvass.yml:14:8 the target of `nps` must lie between -100 and 100, not 120",
            "canvass.yml:15:3 metric `kpi.renewl`: no survey maps KPI `renewl` under `kpis`",
            "canvass.yml:16:3 metric `gap.service`: no survey maps dimension `service` under `pairs`",
            "canvass.yml:17:3 metric `csat`: no survey maps `csat`",
            "canvass.yml:18:3 `loyalty` is not a metric",
        ])
        #expect(report.diagnostics[5].hint == "did you mean `gap.price`?" || report.diagnostics[5].hint == "known: gap.price")
        #expect(report.diagnostics[7].hint?.contains("kpi.<id>") == true)
    }

    @Test func theMonitoringPageShowsEachFigureAgainstItsTargetAndTheAlerts() throws {
        let project = try project("targets: {nps: 0, kpi.renewal: 90}\n")
        defer { project.remove() }
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(places(report))")
        let data = try #require(JSONSerialization.jsonObject(with: Data(try file(files, "data/monitoring.json").utf8)) as? [String: Any])
        let metrics = try #require(data["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["id"] as? String } == ["nps", "kpi.renewal", "gap.price"])
        let nps = metrics[0], renewal = metrics[1]
        let npsWaves = try #require(nps["waves"] as? [[String: Any]])
        #expect(npsWaves.map { $0["value"] as? Double } == [80, -10, -20])
        #expect(npsWaves.map { $0["targetMet"] as? Bool } == [true, false, false])
        #expect(nps["onTrack"] as? Bool == false && nps["chart"] as? String == "xbar")
        // Renewal: 20 of 30 → p̄ = 2/3; limits 2/3 ± 3·√(2/9/10) = ±44.7 points, so W3's 0% is below.
        #expect(abs((renewal["centre"] as? Double ?? 0) - 200.0 / 3) < 1e-9)
        let renewalWaves = try #require(renewal["waves"] as? [[String: Any]])
        let limits = try #require(renewalWaves[2]["limits"] as? [Double])
        #expect(abs(limits[0] - (200.0 / 3 - 300 * (2.0 / 90).squareRoot())) < 1e-9 && limits[1] == 100)
        #expect(renewalWaves.map { $0["outside"] as? Bool } == [false, false, true])
        let alerts = try #require(data["alerts"] as? [[String: Any]])
        #expect(alerts.count == 2)
        #expect(alerts.contains { $0["metric"] as? String == "nps" && $0["kind"] as? String == "target-missed" && $0["waves"] as? [String] == ["W2", "W3"] })
        #expect(alerts.contains { $0["metric"] as? String == "kpi.renewal" && $0["kind"] as? String == "outside-limits" && $0["wave"] as? String == "W3"
            && $0["direction"] as? String == "below" })
        let kpis = try #require(data["kpis"] as? [[String: Any]])
        #expect((kpis.first?["overall"] as? [String: Any])?["hits"] as? Int == 20)

        let page = try file(files, "monitoring/index.html")
        #expect(page.contains("NPS: target 0 missed in W2, W3."))
        #expect(page.contains("Will renew: W3 lies below its control limits."))
        #expect(page.contains("chart-control chart-wide") && page.contains("chart-control chart-narrow"))
        #expect(page.contains("The latest wave meets 0 of 2 targets."))
        // The home page says what is off track and links each alert to its chart.
        let home = try file(files, "index.html")
        #expect(home.contains("Is it on track?") && home.contains("href=\"monitoring/index.html#metric-nps\""))
        #expect(home.contains("href=\"monitoring/index.html#metric-kpi-renewal\""))
    }

    @Test func oneWaveOnTargetHasNoLimitsAndNoAlert() throws {
        let oneWave = Self.csv.split(separator: "\n").filter { !$0.contains(",W2,") && !$0.contains(",W3,") }.joined(separator: "\n") + "\n"
        let project = try project("targets: {nps: 50}\n", files: ["content/surveys/s.csv": oneWave])
        defer { project.remove() }
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(places(report))")
        let data = try #require(JSONSerialization.jsonObject(with: Data(try file(files, "data/monitoring.json").utf8)) as? [String: Any])
        let nps = try #require((data["metrics"] as? [[String: Any]])?.first)
        #expect(nps["centre"] is NSNull && nps["onTrack"] as? Bool == true)
        #expect(((nps["waves"] as? [[String: Any]])?.first?["limits"]) is NSNull)
        #expect((data["alerts"] as? [Any])?.isEmpty == true)
        #expect(try file(files, "index.html").contains("No alerts: every wave is within its control limits"))
    }

    @Test func theBlockShowsOneMetricOrTheStatusAndChecksItsOption() throws {
        let good = "---\ntitle: R\n---\n```{monitoring}\nmetric: kpi.renewal\n```\n\n```{monitoring}\n```\n"
        let bad = try project("", files: ["content/pages/r.md": good + "\n```{monitoring}\nmetric: csat\n```\n"])
        defer { bad.remove() }
        #expect(places(Pipeline(options: .init(root: bad.root)).render().0) == ["content/pages/r.md:12:1 block `{monitoring}`: monitored metric `csat` does not exist"])
        let project = try project("", files: ["content/pages/r.md": good])
        defer { project.remove() }
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(places(report))")
        let html = try file(files, "pages/r/index.html")
        #expect(html.contains("id=\"metric-kpi-renewal\"") && html.contains("Will renew: W3 lies below its control limits."))
        #expect(html.contains("class=\"monitoring-status\""))
    }
}
