import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// `weighting:` end to end: mistakes in the margins, margins the sample cannot meet, weighted
/// figures with the unweighted ones kept, and the example study.
@Suite struct WeightingSiteTests {
    /// Four respondents: two basic, one pro, one enterprise.
    static let config = """
    title: W
    dimensions: [{id: price, label: Price}]
    surveys:
      - file: surveys/s.csv
        id: id
        pairs: {price: {expectation: e, perception: p}}
        attributes: {plan: category, age: numeric}

    """
    static let csv = "id,e,p,plan,age\na,5,4,basic,30\nb,6,3,pro,45\nc,5,5,basic,62\nd,6,2,enterprise,50\n"

    func project(_ weighting: String) throws -> TemporaryProject {
        try TemporaryProject(["canvass.yml": Self.config + weighting, "content/surveys/s.csv": Self.csv])
    }

    struct Missing: Error { let path: String }

    func bytes(_ files: [OutputFileData], _ path: String) throws -> Data {
        guard let file = files.first(where: { $0.path == path }) else { throw Missing(path: path) }
        return Data(file.bytes)
    }

    func json(_ files: [OutputFileData], _ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: bytes(files, path)) as? [String: Any])
    }

    func text(_ files: [OutputFileData], _ path: String) throws -> String {
        String(decoding: try bytes(files, path), as: UTF8.self)
    }

    @Test func mistakesInTheMarginsAreErrorsAtTheirPlace() throws {
        let project = try project("""
        weighting:
          margins:
            plan: {basic: 0.5, pro: 0.3}
            age: {young: 1}
            region: {north: 1}
          trim: {min: 2, max: 3}
        """)
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).check()
        #expect(!report.succeeded)
        #expect(places(report) == [
            "canvass.yml:10:5 the margins of `plan` sum to 0.8, not 1",
            "canvass.yml:11:5 `weighting.margins` needs a category attribute, and `age` is numeric",
            "canvass.yml:12:5 `weighting.margins` names attribute `region`, which no survey maps under `attributes`",
            "canvass.yml:13:9 `weighting.trim` needs 0 ≤ min < 1 < max (multiples of the mean weight)",
        ])
    }

    /// A respondent's value the margins lack, and a population value no respondent has, each
    /// stop the build at the line that would fix it; no figures fall back to unweighted.
    @Test func marginsTheSampleCannotMeetAreErrors() throws {
        let missing = try project("weighting:\n  margins:\n    plan: {basic: 0.5, pro: 0.5}\n")
        defer { missing.remove() }
        let first = Pipeline(options: .init(root: missing.root)).check()
        #expect(!first.succeeded)
        #expect(places(first) == ["canvass.yml:10:5 1 respondent has `plan` `enterprise`, for which `weighting.margins` gives no share"])

        let line = "    plan: {basic: 0.4, pro: 0.2, enterprise: 0.2, trial: 0.2}"
        let empty = try project("weighting:\n  margins:\n\(line)\n")
        defer { empty.remove() }
        let second = Pipeline(options: .init(root: empty.root)).check()
        #expect(!second.succeeded)
        let column = line.distance(from: line.startIndex, to: line.range(of: "trial")!.lowerBound) + 1
        #expect(places(second) == ["canvass.yml:10:\(column) no respondent has `plan` `trial`, so no weight can give it its population share"])
    }

    /// Raked to basic 25%, pro 25%, enterprise 50%: weights 0.5, 1, 0.5, 2, so the price gap is
    /// (0.5·−1 + 1·−3 + 0.5·0 + 2·−4) / 4 = −2.875 against −2 unweighted; n_eff = 16 / 5.5.
    @Test func figuresAreWeightedAndTheUnweightedOnesKept() throws {
        let project = try project("weighting:\n  margins:\n    plan: {basic: 0.25, pro: 0.25, enterprise: 0.5}\n")
        defer { project.remove() }
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(report.diagnostics)")
        let gaps = try json(files, "data/gaps.json")
        let price = try #require((gaps["dimensions"] as? [[String: Any]])?.first?["gap"] as? [String: Any])
        let mean = try #require(price["mean"] as? Double)
        #expect(abs(mean + 2.875) < 1e-12)
        #expect(price["n"] as? Int == 4)
        #expect(gaps["respondentWeights"] as? String == "raking")
        let weights = try json(files, "data/weights.json")
        let summary = try #require(weights["summary"] as? [String: Any])
        let effectiveN = try #require(summary["effectiveN"] as? Double), most = try #require(summary["max"] as? Double)
        let least = try #require(summary["min"] as? Double)
        #expect(abs(effectiveN - 16 / 5.5) < 1e-9 && abs(most - 2) < 1e-9 && abs(least - 0.5) < 1e-9)
        let plainGap = try #require(((weights["unweighted"] as? [String: Any])?["gaps"] as? [String: Any])?["price"] as? Double)
        #expect(abs(plainGap + 2) < 1e-12)
        let plan = try #require((weights["margins"] as? [[String: Any]])?.first)
        let cells = try #require(plan["cells"] as? [[String: Any]])
        #expect(cells.map { $0["value"] as? String } == ["basic", "pro", "enterprise"])
        #expect(cells.map { $0["flagged"] as? Bool } == [true, false, true], "50% sample vs 25% population; 25% vs 50%")
        let quality = try text(files, "quality/index.html")
        #expect(quality.contains("Is the sample representative?") && quality.contains("Headline figures with and without weights"))
        #expect(quality.contains(">−2.88</td>") && quality.contains(">−2.00</td>"))
    }

    /// A survey's own weight column, normalised to mean 1: weights 1, 1, 1, 5 → 0.5, 0.5, 0.5, 2.5,
    /// so the price gap is (0.5·−1 + 0.5·−3 + 0.5·0 + 2.5·−4) / 4 = −3. A respondent without a
    /// positive weight stops the build at its line.
    @Test func aWeightColumnWeightsTheFiguresAndEveryRowNeedsOne() throws {
        let config = Self.config.replacingOccurrences(of: "    attributes:", with: "    weight: w\n    attributes:")
        let good = try TemporaryProject(["canvass.yml": config, "content/surveys/s.csv": "id,e,p,plan,age,w\na,5,4,basic,30,1\nb,6,3,pro,45,1\nc,5,5,basic,62,1\nd,6,2,enterprise,50,5\n"])
        defer { good.remove() }
        let (report, files) = Pipeline(options: .init(root: good.root)).render()
        #expect(report.succeeded, "\(report.diagnostics)")
        let price = try #require((try json(files, "data/gaps.json")["dimensions"] as? [[String: Any]])?.first?["gap"] as? [String: Any])
        let mean = try #require(price["mean"] as? Double)
        #expect(abs(mean + 3) < 1e-12)
        #expect(try json(files, "data/weights.json")["method"] as? String == "column")

        let bad = try TemporaryProject(["canvass.yml": config, "content/surveys/s.csv": "id,e,p,plan,age,w\na,5,4,basic,30,1\nb,6,3,pro,45,0\nc,5,5,basic,62,\nd,6,2,enterprise,50,5\n"])
        defer { bad.remove() }
        let failed = Pipeline(options: .init(root: bad.root)).check()
        #expect(!failed.succeeded)
        #expect(places(failed) == ["content/surveys/s.csv:3:1 2 respondents have no positive weight in `w`, the first on line 3"])
    }

    /// Each wave is raked on its own, and respondents without a wave together, never dropped:
    /// every respondent keeps a weight above 0.
    @Test func respondentsWithoutAWaveAreRakedTogether() throws {
        let config = Self.config.replacingOccurrences(of: "    attributes:", with: "    waveColumn: wave\n    attributes:")
            + "weighting:\n  margins:\n    plan: {basic: 0.5, pro: 0.5}\n"
        let csv = "id,e,p,plan,age,wave\na,5,4,basic,30,W1\nb,6,3,pro,45,W1\nc,5,5,basic,62,\nd,6,2,pro,50,\ne,4,4,basic,40,\n"
        let project = try TemporaryProject(["canvass.yml": config, "content/surveys/s.csv": csv])
        defer { project.remove() }
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(report.diagnostics)")
        let summary = try #require(try json(files, "data/weights.json")["summary"] as? [String: Any])
        let least = try #require(summary["min"] as? Double), n = try #require(summary["n"] as? Int)
        // Unwaved: two basic, one pro raked to 50/50 → 0.75, 1.5, 0.75; W1 stays 1, 1.
        #expect(n == 5 && abs(least - 0.75) < 1e-9)
    }

    /// The example's customer base has more enterprise and large clinics than answered: its
    /// weighted NPS differs visibly from the unweighted one, and both are published.
    @Test func theExampleIsWeightedAndSaysSo() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let summary = try json(files, "data/summary.json"), weights = try json(files, "data/weights.json")
        let weighted = try #require(summary["nps"] as? Double)
        let unweighted = try #require((weights["unweighted"] as? [String: Any])?["nps"] as? Double)
        #expect(abs(weighted - unweighted) >= 1)
        #expect(summary["respondentWeights"] as? String == "raking")
        // Persona shares are weighted too; the sample's share stays beside them.
        let personas = try #require(try json(files, "data/personas.json")["personas"] as? [[String: Any]])
        let shares = personas.compactMap { $0["share"] as? Double }, sample = personas.compactMap { $0["sampleShare"] as? Double }
        let sizes = personas.compactMap { $0["size"] as? Int }
        #expect(shares.count == personas.count && abs(shares.reduce(0, +) - 1) < 1e-9)
        #expect(zip(sample, sizes).allSatisfy { abs($0 - Double($1) / Double(sizes.reduce(0, +))) < 1e-12 })
        #expect(zip(shares, sample).contains { abs($0 - $1) > 0.01 }, "the weights move some persona's share")
        let methodology = try text(files, "methodology/index.html")
        #expect(methodology.contains("effective sample size"))
        // Every data file of survey figures says they are weighted, and every survey page links
        // to the figures without weights.
        for file in ["ratings", "gaps", "nps", "personas", "targets"] {
            #expect(try json(files, "data/\(file).json")["respondentWeights"] as? String == "raking", "\(file).json")
        }
        for page in ["gaps/index.html", "gaps/price/index.html", "personas/index.html", "personas/plan-basic-clinic-size-small/index.html"] {
            #expect(try text(files, page).contains("weighted to the customer base. <a href=\"") && text(files, page).contains("quality/index.html#weights-heading"), "\(page)")
        }
    }
}
