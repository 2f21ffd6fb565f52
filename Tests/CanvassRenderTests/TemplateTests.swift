import CanvassCore
import CanvassTestSupport
import Foundation
import Testing
@testable import CanvassRender

@Suite struct TemplateTests {
    static let themeFolder = TemporaryProject.repositoryRoot + "/templates"

    /// `{{name}}`, `{{#name}}`, `{{^name}}`, `{{{name}}}`, `{{&name}}` → name; partials and blocks skipped.
    static func variableNames(in template: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\{\{\{?\s*([#^&]?)\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}?\}\}"#)
        let range = NSRange(template.startIndex..., in: template)
        return pattern.matches(in: template, range: range).map { String(template[Range($0.range(at: 2), in: template)!]) }
    }

    static func templates() -> [(name: String, text: String)] {
        TemplateSet.listFiles(in: themeFolder).filter { $0.hasSuffix(".mustache") }.map {
            ($0, try! String(contentsOfFile: themeFolder + "/" + $0, encoding: .utf8))
        }
    }

    @Test func bothLanguagesHaveTheSameStrings() throws {
        let en = try #require(TemplateSet.load(projectRoot: TemporaryProject.repositoryRoot, language: .english).0?.strings)
        let zh = try #require(TemplateSet.load(projectRoot: TemporaryProject.repositoryRoot, language: .chinese).0?.strings)
        #expect(Set(en.table.keys).subtracting(zh.table.keys).sorted() == [])
        #expect(Set(zh.table.keys).subtracting(en.table.keys).sorted() == [])
    }

    @Test func everyStringATemplateUsesExists() throws {
        let en = try #require(TemplateSet.load(projectRoot: TemporaryProject.repositoryRoot, language: .english).0?.strings)
        for (name, text) in Self.templates() {
            for variable in Self.variableNames(in: text) where variable.hasPrefix("t.") {
                #expect(en.table[String(variable.dropFirst(2))] != nil, "\(name) uses missing string \(variable)")
            }
        }
    }

    /// swift-mustache renders an unknown name as nothing; this catches a template asking for a
    /// key no view model provides.
    @Test func everyNameATemplateUsesIsProvided() throws {
        let fixture = try RenderFixture()
        defer { fixture.project.remove() }
        let renderer = fixture.renderer
        var keys = Set<String>()
        func collect(_ value: Any) {
            if let model = value as? any ViewModel {
                for name in model.names {
                    keys.insert(name)
                    if let child = model.child(named: name) { collect(child) }
                }
            } else if let dictionary = value as? [String: Any] {
                // The UI strings, a block's options.
                keys.formUnion(dictionary.keys)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        // Every built-in block, with options that exercise its variants, against the fixture's data.
        let home = PageContext(renderer: renderer, path: .home)
        let persona = renderer.analysis.personas?.personas.first?.id ?? ""
        let place = SourceLocation(file: "t", line: 1, column: 1)
        let variants: [(String, [String: BlockInvocation.Value])] = BlockCatalog.blocks.keys.sorted().map { ($0, [:]) } + [
            ("gap-chart", ["persona": .text(persona)]), ("persona-card", ["persona": .text(persona)]),
            ("gap-table", ["persona": .text(persona)]), ("gap-table", ["by": .text("plan")]), ("nps", ["by": .text("wave")]),
            ("monitoring", ["metric": .text("nps")]), ("actions", ["action": .text("setup-call")]),
        ]
        for (name, options) in variants {
            let block = home.blockModel(BlockInvocation(name: name, options: options, location: place, optionLocations: [:]))
            collect(BlockContext(block: block, options: [:], t: [:], root: ""))
        }
        // The fixture's candidates are all too small to recommend; the recommendation's keys as if they were not.
        if var targeting = renderer.analysis.surveys?.targeting {
            for index in targeting.personas.indices { targeting.personas[index].cautions.removeAll { $0 == .smallSample } }
            collect(home.recommendation(targeting))
        }
        for page in renderer.pages {
            let context = PageContext(renderer: renderer, path: page.path).context(for: page)
            collect(context)
            // `t` holds the UI strings; a nested key of that name would hide them in its section.
            #expect(context.names.filter { $0 != "t" }.allSatisfy { !Self.definesKey("t", in: context.child(named: $0) as Any) }, "\(page) shadows `t`")
        }
        for (name, text) in Self.templates() {
            for variable in Self.variableNames(in: text) where !variable.hasPrefix("t.") {
                for component in variable.split(separator: ".") {
                    #expect(keys.contains(String(component)), "\(name) uses `\(variable)`, which no view model has")
                }
            }
        }
    }

    /// A page is reused from the last build while its model's digest is unchanged, and the digest
    /// walks `names`: a name a model answers but does not list would change the page unseen.
    @Test func everyNameAViewModelAnswersIsListed() throws {
        let fixture = try RenderFixture()
        defer { fixture.project.remove() }
        let renderer = fixture.renderer
        let used = Set(Self.templates().flatMap { Self.variableNames(in: $0.1).flatMap { $0.split(separator: ".").map(String.init) } })
        var unlisted = Set<String>()
        func check(_ value: Any) {
            if let model = value as? any ViewModel {
                let listed = Set(model.names)
                for name in used where model.child(named: name) != nil && !listed.contains(name) {
                    unlisted.insert("\(type(of: model)).\(name)")
                }
                for name in listed { if let child = model.child(named: name) { check(child) } }
            } else if let dictionary = value as? [String: Any] {
                dictionary.values.forEach(check)
            } else if let array = value as? [Any] {
                array.forEach(check)
            }
        }
        for page in renderer.pages {
            check(PageContext(renderer: renderer, path: page.path).context(for: page))
        }
        #expect(unlisted.sorted() == [])
    }

    static func definesKey(_ key: String, in value: Any) -> Bool {
        if let model = value as? any ViewModel {
            return model.names.contains(key) || model.names.contains { definesKey(key, in: model.child(named: $0) as Any) }
        }
        if let array = value as? [Any] { return array.contains { definesKey(key, in: $0) } }
        return false
    }

    @Test func aBrokenTemplateIsADiagnosticAtItsLine() throws {
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try project.write("<p>\n{{#items}}\n<li>{{name}}</li>\n{{/itemz}}\n", to: "templates/partials/broken.mustache")
        let (set, diagnostics) = TemplateSet.load(projectRoot: project.root, language: .english)
        #expect(set == nil)
        #expect(diagnostics.map { $0.location?.description } == ["templates/partials/broken.mustache:4:5"])
        #expect(diagnostics[0].message.contains("closed with a different name"))
    }

    /// Mustache's own escaping reads Characters, and a `"` or `<` that a combining mark joins is a
    /// Character it leaves raw, so a note title could close an attribute and open another.
    @Test func aQuoteOrBracketJoinedByACombiningMarkIsStillEscaped() throws {
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try project.write("<a title=\"{{value}}\">{{value}}</a>\n", to: "templates/partials/probe.mustache")
        let (set, diagnostics) = TemplateSet.load(projectRoot: project.root, language: .english)
        #expect(diagnostics.isEmpty)
        let html = try #require(set?.render(["value": "x\"\u{301} onmouseover=alert(1) <\u{338}b>'"], template: "partials.probe"))
        let escaped = "x&quot;\u{301} onmouseover=alert(1) &lt;\u{338}b&gt;&#39;"
        #expect(Array(html.utf8) == Array("<a title=\"\(escaped)\">\(escaped)</a>\n".utf8))
    }

    /// View models say "no text" with "": a section over it does not render, its inverse does,
    /// and inside a loop it does not fall through to a field of the same name further out.
    @Test func anEmptyTextIsAMissingValue() throws {
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try project.write("{{#items}}[{{#summary}}S:{{summary}}{{/summary}}{{^summary}}none{{/summary}}|{{summary}}]{{/items}}\n",
                          to: "templates/partials/probe.mustache")
        let (set, _) = TemplateSet.load(projectRoot: project.root, language: .english)
        let context: [String: Any] = ["summary": "page", "items": [["summary": ""], ["summary": "x"]]]
        #expect(set?.render(context, template: "partials.probe") == "[none|][S:x|x]\n")
    }

    /// Placeholders in UI strings are filled in as Foundation's replacing did: every occurrence,
    /// names in sorted order (a value holding a later name's placeholder is filled in too).
    @Test func placeholdersAreFilledInEverywhereInNameOrder() {
        let strings = Strings(language: .english, table: [
            "date": "{day} {month} {year}", "twice": "{n} of {n}", "none": "no placeholders", "zh": "{count} 条摘录，{count}",
            "nested": "{a}-{b}", "edge": "{n}{n}{", "partial": "{coun} {count}",
        ])
        #expect(strings.format("date", ["day": "7", "month": "July", "year": "2026"]) == "7 July 2026")
        #expect(strings.format("twice", ["n": "3"]) == "3 of 3")
        #expect(strings.format("none", ["n": "3"]) == "no placeholders")
        #expect(strings.format("zh", ["count": "1,234"]) == "1,234 条摘录，1,234")
        #expect(strings.format("nested", ["a": "{b}", "b": "x"]) == "x-x")
        #expect(strings.format("edge", ["n": "é"]) == "éé{")
        #expect(strings.format("partial", ["count": "2"]) == "{coun} 2")
        #expect(Strings.replacing("{n}", with: "x", in: "") == "")
    }

    /// UI strings are put into the templates when the theme loads; a page must read exactly as if
    /// Mustache had looked each one up.
    @Test func uiStringsArePutInAsMustacheWouldPrintThem() throws {
        let table = ["plain": "Notes", "html": "Tom & \"Jerry\" <b>", "braces": "{{x}}", "lines": "a\nb"]
        let text = "<p>{{t.plain}} {{t.html}}</p>{{{t.html}}}{{#t.plain}}x{{/t.plain}}{{t.braces}}{{t.lines}}{{t.missing}}\n"
        #expect(TemplateSet.resolvingStrings(in: text, table)
            == "<p>Notes Tom &amp; &quot;Jerry&quot; &lt;b&gt;</p>{{{t.html}}}{{#t.plain}}x{{/t.plain}}{{t.braces}}{{t.lines}}{{t.missing}}\n")
        #expect(TemplateSet.resolvingStrings(in: "{{=<% %>=}}<%t.plain%>{{t.plain}}", table) == nil)
        #expect(TemplateSet.resolvingStrings(in: "{{! a note {{t.plain}} }}", table) == nil)
        #expect(TemplateSet.resolvingStrings(in: "{{% CONTENT_TYPE: TEXT }}{{t.html}}", table) == nil)

        // Against Mustache's own lookup of the same strings (`{{#t}}{{key}}{{/t}}` is not replaced).
        let project = try TemporaryProject([:])
        defer { project.remove() }
        let keys = ["nav_notes", "search_placeholder", "footer_generated", "profile_notice_public"]
        try project.write(keys.map { "{{t.\($0)}}" }.joined(separator: "|"), to: "templates/partials/resolved.mustache")
        try project.write(keys.map { "{{#t}}{{\($0)}}{{/t}}" }.joined(separator: "|"), to: "templates/partials/looked-up.mustache")
        for language in [Language.english, .chinese] {
            let (set, diagnostics) = TemplateSet.load(projectRoot: project.root, language: language)
            #expect(diagnostics.isEmpty)
            let theme = try #require(set)
            let context: [String: Any] = ["t": theme.strings.table]
            let resolved = try #require(theme.render(context, template: "partials.resolved"))
            #expect(resolved == theme.render(context, template: "partials.looked-up"))
            #expect(resolved.split(separator: "|").count == keys.count && !resolved.contains("{{"))
            // The English footer has an apostrophe, escaped as Mustache escapes it.
            if language == .english { #expect(resolved.contains("study&#39;s")) }
        }
    }

    @Test func aProjectWithoutTemplatesUsesTheBuiltInTheme() throws {
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try FileManager.default.removeItem(atPath: project.root + "/templates")
        let (set, diagnostics) = TemplateSet.load(projectRoot: project.root, language: .chinese)
        #expect(diagnostics.isEmpty)
        let theme = try #require(set)
        #expect(theme.has("pages.home") && theme.has("layouts.base"))
        #expect(theme.strings["nav_overview"] != "⟦nav_overview⟧")
        #expect(theme.assets.map(\.path).contains("style.css"))
    }

    @Test func aProjectTemplateReplacesOnlyThatFileOfTheBuiltInTheme() throws {
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try FileManager.default.removeItem(atPath: project.root + "/templates")
        try project.write("<p>ours</p>", to: "templates/partials/tags.mustache")
        try project.write("body{color:red}", to: "templates/assets/style.css")
        let theme = try #require(TemplateSet.load(projectRoot: project.root, language: .english).0)
        #expect(theme.render([String: Any](), template: "partials.tags") == "<p>ours</p>")
        #expect(theme.assets.first { $0.path == "style.css" }?.bytes == Array("body{color:red}".utf8))
        #expect(theme.has("pages.note"))
    }

    /// The built-in copy is generated from templates/; `make theme` regenerates it after an edit.
    @Test func theBuiltInThemeIsTheRepositoryTheme() throws {
        let folder = TemporaryProject.repositoryRoot + "/templates"
        let files = TemplateSet.listFiles(in: folder)
        #expect(files == DefaultTheme.fileData.keys.sorted(), "run `make theme`")
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + file))
            #expect([UInt8](bytes) == DefaultTheme.fileData[file], "\(file) differs from the built-in theme: run `make theme`")
        }
    }
}
