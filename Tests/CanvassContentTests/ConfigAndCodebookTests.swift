import Foundation
import CanvassTestSupport
import CanvassCore
import Testing
@testable import CanvassContent

@Suite struct ConfigAndCodebookTests {
    @Test func missingConfigIsOneClearError() throws {
        let project = try CanvassTestSupport.TemporaryProject([:], includeTheme: false)
        defer { project.remove() }
        try FileManager.default.removeItem(atPath: project.root + "/canvass.yml")
        let result = ProjectLoader(root: project.root).load()
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].message.hasPrefix("no canvass.yml in "))
    }

    @Test func missingTitleAndUnknownKeys() throws {
        let result = try load(["canvass.yml": "language: en\ndimensons: []\n"])
        #expect(places(result.diagnostics) == ["canvass.yml:1:1 error", "canvass.yml:2:1 warning"])
        #expect(result.diagnostics[0].message == "canvass.yml has no `title`")
        #expect(result.diagnostics[1].hint == "did you mean `dimensions`?")
    }

    /// "q_ease" and "Plan为pro" on the pages: labels name attributes, their values and rating
    /// questions, per language, and a label for nothing the surveys have is a located error.
    @Test func labelsArePerLanguageAndMustNameSomethingTheSurveysHave() throws {
        func config(_ language: String, _ labels: String) -> String {
            """
            title: S
            language: \(language)
            surveys:
              - file: surveys/s.csv
                id: id
                ratings: [q_ease]
                attributes: {plan: category}
            labels:
            \(labels)
            """
        }
        let labels = "  plan: {en: Plan, zh-Hans: 套餐}\n  plan.pro: {en: Pro, zh-Hans: 专业版}\n  q_ease: Ease of use"
        let csv = "id,q_ease,plan\na,5,pro\n"
        let english = try #require(try load(["canvass.yml": config("en", labels), "content/surveys/s.csv": csv]).project)
        #expect(english.config.labels == ["plan": "Plan", "plan.pro": "Pro", "q_ease": "Ease of use"])
        #expect(english.config.label(attribute: "plan", value: "basic") == "basic")
        #expect(english.config.label(attribute: "clinic_size") == "clinic size")
        let chinese = try #require(try load(["canvass.yml": config("zh-Hans", labels), "content/surveys/s.csv": csv]).project)
        #expect(chinese.config.label(attribute: "plan") == "套餐" && chinese.config.label(attribute: "plan", value: "pro") == "专业版")
        #expect(chinese.config.label(question: "q_ease") == "Ease of use", "a plain label serves every language")

        let wrong = try load(["canvass.yml": config("en", "  pln: Plan\n  q_ease.x: X\n  plan: {fr: Forfait}"), "content/surveys/s.csv": csv])
        #expect(places(wrong.diagnostics) == ["canvass.yml:9:3 error", "canvass.yml:10:3 error", "canvass.yml:11:9 error", "canvass.yml:11:10 warning"])
        #expect(wrong.diagnostics[0].hint == "did you mean `plan`?")
        #expect(wrong.diagnostics[1].message == "`labels.q_ease.x` labels a value, but `q_ease` is not an attribute")
        #expect(wrong.diagnostics[2].message == "`labels.plan` has no text for `en`")
        #expect(wrong.diagnostics[3].message == "unknown key `fr` in `labels.plan`")
        // Without surveys there is nothing to check the names against yet: no error.
        let early = try load(["canvass.yml": "title: S\nlabels:\n  plan.basic: Basic\n"])
        #expect(early.diagnostics.isEmpty)
    }

    @Test func loadsTheWholeSpecExampleConfig() throws {
        let config = """
        title: "Clinic software"
        language: zh-Hans
        scale: {min: 1, max: 7}
        dimensions:
          - {id: function, label: "Product function", weight: 30}
          - {id: price, label: "Price", weight: 15}
        surveys:
          - file: surveys/q3.csv
            id: respondent_id
            wave: 2026-Q3
            pairs:
              function: {expectation: exp_function, perception: perc_function, importance: imp_function}
              price: {expectation: exp_price, perception: perc_price}
            ratings: [q_ease]
            nps: recommend
            csat: {column: satisfied, scale: {min: 1, max: 5}, top: 2}
            attributes: {age: numeric, plan: category}
            text: [comment]
            duration: seconds
            competitors: {Acme: {price: acme_price}}
            kano:
              offline-mode: {functional: kano_f, dysfunctional: kano_d}
        breakdowns: [plan]
        personas: {method: k-prototypes, attributes: [age, plan], k: auto, seed: 7}
        commitments: {P1: 4h, P2: 1d, P3: 30m}
        records:
          - {file: records/tickets.csv, priority: priority, opened: opened_at, responded: first_response_at}
        profile: public
        markdown: {unsafe: true}
        quality: {exclude: [speeders]}
        """
        let result = try load([
            "canvass.yml": config,
            "content/surveys/q3.csv": "respondent_id,exp_function,perc_function,imp_function,exp_price,perc_price,q_ease,recommend,satisfied,age,plan,comment,seconds,acme_price,kano_f,kano_d\n",
            "content/records/tickets.csv": "priority,opened_at,first_response_at\n",
        ])
        #expect(result.diagnostics.isEmpty)
        let loaded = try #require(result.project?.config)
        #expect(loaded.language == .chinese)
        #expect(loaded.dimensions.map(\.weight) == [30, 15])
        #expect(loaded.surveys[0].pairs.map(\.dimension) == ["function", "price"])
        #expect(loaded.surveys[0].pairs[0].importance == "imp_function")
        #expect(loaded.surveys[0].wave == .fixed("2026-Q3"))
        #expect(loaded.surveys[0].csat == SurveyConfig.CSAT(column: "satisfied", scale: RatingScale(min: 1, max: 5), top: 2))
        #expect(loaded.surveys[0].attributes == [.init(name: "age", kind: .numeric), .init(name: "plan", kind: .category)])
        #expect(loaded.surveys[0].kano == [.init(id: "offline-mode", functional: "kano_f", dysfunctional: "kano_d")])
        #expect(loaded.personas?.seed == 7)
        #expect(loaded.commitments.map(\.seconds) == [14400, 86400, 1800])
        #expect(loaded.profile == .public)
        #expect(loaded.markdown.unsafe)
        #expect(loaded.quality.exclude == [.speeders])
    }

    @Test func configMistakesAreErrorsAtTheirPlace() throws {
        let config = """
        title: S
        dimensions: [{id: price, label: Price}]
        surveys:
          - file: surveys/missing.csv
            id: rid
            pairs: {prize: {expectation: e, perception: p}}
            attributes: {plan: categorical}
        breakdowns: [plan, region]
        commitments: {P1: soon}
        """
        let result = try load(["canvass.yml": config])
        #expect(places(result.diagnostics) == [
            "canvass.yml:4:11 error",   // content/surveys/missing.csv does not exist
            "canvass.yml:6:13 error",   // unknown dimension prize
            "canvass.yml:7:24 error",   // attribute kind
            "canvass.yml:8:20 error",   // breakdown region is not a mapped attribute
            "canvass.yml:9:19 error",   // duration
        ])
        #expect(result.diagnostics[1].hint == "did you mean `price`?")
    }

    @Test func codebookThemesNeedKnownDimensions() throws {
        let codebook = "themes:\n  - {id: a, label: A, dimension: servise}\n  - {id: a, label: Again}\n"
        let result = try load(["content/data/codebook.yml": codebook])
        #expect(places(result.diagnostics) == ["content/data/codebook.yml:2:34 error", "content/data/codebook.yml:3:10 error"])
        #expect(result.diagnostics[0].hint == "did you mean `service`?")
    }

    @Test func unknownTagIsAWarningOrUnderStrictAnError() throws {
        let files = [
            "content/data/codebook.yml": "themes:\n  - {id: onboarding, label: Onboarding, tags: [setup, need]}\n",
            "content/interviews/call.md": goodNote + "\n- known nested #need/checklist and unknown #onbording\n",
        ]
        let lenient = try load(files)
        #expect(lenient.project != nil)
        #expect(places(lenient.diagnostics) == ["content/interviews/call.md:9:44 warning"])
        #expect(lenient.diagnostics[0].hint == "did you mean `onboarding`?")
        let strict = try load(files, strict: true)
        #expect(strict.project == nil)
        #expect(places(strict.diagnostics) == ["content/interviews/call.md:9:44 error"])
    }

    /// One warning per unknown tag and file, at the tag's first use there, whatever the line
    /// endings; a front-matter tag at its `tags:` line.
    @Test func anUnknownTagIsWarnedAtItsFirstUseInEachFile() throws {
        let note = "---\r\ntitle: A call\r\ndate: 2026-09-14\r\ntags: [mystery]\r\n---\r\n"
            + "> Slow. #zz-one #onboarding\r\n\r\n- Again #zz-two and #zz-one\r\n- Last #zz-two\r\n"
        let result = try load([
            "content/data/codebook.yml": "themes:\n  - {id: onboarding, label: Onboarding, tags: [setup]}\n",
            "content/interviews/a.md": note,
            "content/interviews/b.md": goodNote + "\n- Only here #zz-two\n",
        ])
        let warnings = result.diagnostics.filter { $0.message.hasSuffix("is not in the codebook") }
        #expect(warnings.map { "\($0.location?.description ?? "-") \($0.message.split(separator: " ")[1])" }.sorted() == [
            "content/interviews/a.md:4:8 `#mystery`", "content/interviews/a.md:6:9 `#zz-one`",
            "content/interviews/a.md:8:9 `#zz-two`", "content/interviews/b.md:9:13 `#zz-two`",
        ])
        #expect(warnings.first { $0.message.contains("zz-one") }?.sourceLine == "> Slow. #zz-one #onboarding")
    }
}
