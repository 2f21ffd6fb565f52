import Testing
@testable import CanvassRender

/// A page is taken from the previous build when its view model's digest is unchanged, so the
/// digest must change with anything a template could print or test, and with nothing else.
@Suite struct ModelDigestTests {
    let model: [String: Any] = [
        "title": "Onboarding", "count": 3, "share": 0.25, "isPublic": false,
        "excerpts": [["text": "Slow", "tags": ["#speed"]], ["text": "Kind", "tags": [String]()]] as [[String: Any]],
        "site": ["lang": "en"] as [String: Any],
    ]

    @Test func theSameModelBuiltAnotherWayHasTheSameDigest() throws {
        var rebuilt: [String: Any] = [:]
        for key in model.keys.sorted().reversed() { rebuilt[key] = model[key] }
        let digest = try #require(ModelDigest.of(model, template: "pages.note"))
        #expect(ModelDigest.of(rebuilt, template: "pages.note") == digest)
        #expect(digest.count == 32)
    }

    @Test func anyChangeATemplateCouldShowChangesTheDigest() throws {
        let digest = try #require(ModelDigest.of(model, template: "pages.note"))
        var changes: [[String: Any]] = []
        for (key, value) in [("title", "Onboarding " as Any), ("count", 4), ("share", 0.5), ("isPublic", true), ("extra", "")] {
            var changed = model
            changed[key] = value
            changes.append(changed)
        }
        var reordered = model
        reordered["excerpts"] = (model["excerpts"] as! [[String: Any]]).reversed() as [[String: Any]]
        changes.append(reordered)
        var nested = model
        nested["site"] = ["lang": "zh-Hans"] as [String: Any]
        changes.append(nested)
        // A number and the text of that number are different values to a template's section.
        var typed = model
        typed["count"] = "3"
        changes.append(typed)
        // Texts that only run together alike: ["ab", "c"] against ["a", "bc"].
        changes.append(model.merging(["split": ["ab", "c"]]) { $1 })
        let other = model.merging(["split": ["a", "bc"]]) { $1 }
        #expect(ModelDigest.of(changes.last!, template: "pages.note") != ModelDigest.of(other, template: "pages.note"))
        for changed in changes {
            #expect(ModelDigest.of(changed, template: "pages.note") != digest)
        }
        #expect(ModelDigest.of(model, template: "pages.theme") != digest)
    }

    @Test func aValueOfAnUnknownKindMeansNoDigest() {
        struct Opaque {}
        #expect(ModelDigest.of(["x": Opaque()], template: "pages.note") == nil)
        #expect(ModelDigest.of(["x": [["y": Opaque()]]], template: "pages.note") == nil)
    }

    @Test func aSharedValueCountsByItsDigest() throws {
        let strings = ["nav": "Notes"]
        let shared = try #require(ModelDigest.of(value: strings))
        let full = model.merging(["t": strings]) { $1 }
        #expect(ModelDigest.of(full, template: "p", shared: ["t": shared]) != ModelDigest.of(model, template: "p"))
        let otherStrings = model.merging(["t": ["nav": "笔记"]]) { $1 }
        let otherShared = try #require(ModelDigest.of(value: ["nav": "笔记"]))
        #expect(ModelDigest.of(full, template: "p", shared: ["t": shared]) != ModelDigest.of(otherStrings, template: "p", shared: ["t": otherShared]))
    }
}
