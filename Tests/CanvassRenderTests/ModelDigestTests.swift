import Testing
@testable import CanvassRender

/// A page is taken from the previous build when its view model's digest is unchanged, so the
/// digest must change with anything a template could print or test, and with nothing else.
@Suite struct ModelDigestTests {
    /// A view model answering a dictionary's values, to build variants of one model.
    struct Model: ViewModel {
        var values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
        subscript(key: String) -> Any? {
            get { values[key] }
            set { values[key] = newValue }
        }
        func merging(_ other: [String: Any]) -> Model { Model(values.merging(other) { $1 }) }
        func child(named name: String) -> Any? { values[name] }
        var names: [String] { values.keys.sorted() }
    }

    let model = Model([
        "title": "Onboarding", "count": 3, "share": 0.25, "isPublic": false,
        "excerpts": [Model(["text": "Slow", "tags": ["#speed"]]), Model(["text": "Kind", "tags": [String]()])],
        "site": Model(["lang": "en"]),
    ])

    @Test func theSameModelBuiltAnotherWayHasTheSameDigest() throws {
        var rebuilt = Model([:])
        for key in model.names.reversed() { rebuilt[key] = model[key] }
        let digest = try #require(ModelDigest.of(model, template: "pages.note"))
        #expect(ModelDigest.of(rebuilt, template: "pages.note") == digest)
        #expect(digest.count == 32)
    }

    @Test func anyChangeATemplateCouldShowChangesTheDigest() throws {
        let digest = try #require(ModelDigest.of(model, template: "pages.note"))
        var changes: [Model] = []
        for (key, value) in [("title", "Onboarding " as Any), ("count", 4), ("share", 0.5), ("isPublic", true), ("extra", "")] {
            var changed = model
            changed[key] = value
            changes.append(changed)
        }
        var reordered = model
        reordered["excerpts"] = Array((model["excerpts"] as! [Model]).reversed())
        changes.append(reordered)
        var nested = model
        nested["site"] = Model(["lang": "zh-Hans"])
        changes.append(nested)
        // A number and the text of that number are different values to a template's section.
        var typed = model
        typed["count"] = "3"
        changes.append(typed)
        // Texts that only run together alike: ["ab", "c"] against ["a", "bc"].
        changes.append(model.merging(["split": ["ab", "c"]]))
        let other = model.merging(["split": ["a", "bc"]])
        #expect(ModelDigest.of(changes.last!, template: "pages.note") != ModelDigest.of(other, template: "pages.note"))
        for changed in changes {
            #expect(ModelDigest.of(changed, template: "pages.note") != digest)
        }
        #expect(ModelDigest.of(model, template: "pages.theme") != digest)
    }

    @Test func aValueOfAnUnknownKindMeansNoDigest() {
        struct Opaque {}
        #expect(ModelDigest.of(Model(["x": Opaque()]), template: "pages.note") == nil)
        #expect(ModelDigest.of(Model(["x": [Model(["y": Opaque()])]]), template: "pages.note") == nil)
    }

    @Test func aSharedValueCountsByItsDigest() throws {
        let strings = ["nav": "Notes"]
        let shared = try #require(ModelDigest.of(value: strings))
        let full = model.merging(["t": strings])
        #expect(ModelDigest.of(full, template: "p", shared: ["t": shared]) != ModelDigest.of(model, template: "p"))
        let otherStrings = model.merging(["t": ["nav": "笔记"]])
        let otherShared = try #require(ModelDigest.of(value: ["nav": "笔记"]))
        #expect(ModelDigest.of(full, template: "p", shared: ["t": shared]) != ModelDigest.of(otherStrings, template: "p", shared: ["t": otherShared]))
    }
}
