import CanvassCore
import CanvassTestSupport
import Testing
@testable import CanvassMarkdown

@Suite struct HTMLRendererTests {
    @Test func rawHTMLIsDroppedByDefault() {
        let doc = CommonMark.parse("<script>alert(1)</script>\n\nHello <b onclick=\"x()\">there</b>\n")
        let html = HTMLRenderer().render(doc)
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<p>Hello there</p>"))
    }

    @Test func rawHTMLIsKeptWhenAllowed() {
        var renderer = HTMLRenderer()
        renderer.allowRawHTML = true
        #expect(renderer.render(CommonMark.parse("Hi <b>x</b>\n")) == "<p>Hi <b>x</b></p>\n")
    }

    @Test func unsafeLinkTargetsAreRemoved() {
        let doc = CommonMark.parse("[a](javascript:alert(1)) [b]( JaVaScRiPt:x) [c](data:text/html,x) [d](https://ok.example/x?q=1) [e](../notes/x/index.html) ![i](vbscript:x)\n")
        let html = HTMLRenderer().render(doc)
        #expect(!html.lowercased().contains("javascript"))
        #expect(!html.contains("data:"))
        #expect(!html.contains("vbscript"))
        #expect(html.contains("<a href=\"https://ok.example/x?q=1\">d</a>"))
        #expect(html.contains("<a href=\"../notes/x/index.html\">e</a>"))
        #expect(html.contains("a b c"))
    }

    @Test func textAndAttributesAreEscaped() {
        let html = HTMLRenderer().render(CommonMark.parse("5 < 6 & \"q\" [x](/a \"t\\\"><script>\")\n"))
        #expect(html == "<p>5 &lt; 6 &amp; &quot;q&quot; <a href=\"/a\" title=\"t&quot;&gt;&lt;script&gt;\">x</a></p>\n")
    }

    @Test func tagsBecomeLinksOrDisappear() {
        let doc = CommonMark.parse("Slow setup #onboarding #x\n")
        var renderer = HTMLRenderer()
        renderer.tagStyle = .link { $0 == "onboarding" ? "../themes/onboarding/index.html" : nil }
        #expect(renderer.render(doc) == "<p>Slow setup <a class=\"tag\" href=\"../themes/onboarding/index.html\">#onboarding</a> <span class=\"tag\">#x</span></p>\n")
        renderer.tagStyle = .hidden
        #expect(renderer.render(doc) == "<p>Slow setup  </p>\n")
    }

    @Test func decorationsAnchorBlocksAndHeadingsGetIDs() {
        var renderer = HTMLRenderer()
        renderer.decorations[SourcePoint(line: 3, column: 1)] = .init(id: "L3", className: "excerpt", footerHTML: "<footer>Jane</footer>")
        let html = renderer.render(CommonMark.parse("## Set up\n\n> quote\n\n## Set up\n"))
        #expect(html == "<h2 id=\"set-up\">Set up</h2>\n<blockquote id=\"L3\" class=\"excerpt\">\n<p>quote</p>\n<footer>Jane</footer>\n</blockquote>\n<h2 id=\"set-up-2\">Set up</h2>\n")
    }

    @Test func everyKindOfBlockAndInlineHasItsMarkupAndEscaping() {
        let markdown = "3. *a* **b** `c<`\\\n   d\n\n---\n\n```swift x\nlet a = \"<\"\n```\n\n![A \"chart\"](img/c.png \"Chart & more\") ![x](javascript:y)\n"
        let html = HTMLRenderer().render(CommonMark.parse(markdown))
        #expect(html == """
            <ol start="3">
            <li><em>a</em> <strong>b</strong> <code>c&lt;</code><br>
            d</li>
            </ol>
            <hr>
            <pre><code class="language-swift">let a = &quot;&lt;&quot;
            </code></pre>
            <p><img src="img/c.png" alt="A &quot;chart&quot;" title="Chart &amp; more" loading="lazy"> x</p>

            """)
    }

    @Test func excerptsRenderWithoutTheirListOrQuoteWrapper() {
        let doc = CommonMark.parse("- Wants a list #x\n\n> Slow. #y\n")
        var renderer = HTMLRenderer()
        renderer.tagStyle = .hidden
        #expect(renderer.renderExcerpt(doc.children[0].children[0]) == "<p>Wants a list </p>\n")
        #expect(renderer.renderExcerpt(doc.children[1]) == "<p>Slow. </p>\n")
    }
}

/// Every page's text passes through `HTMLEscaping.escape`; it is byte-level for speed and must
/// give what escaping scalar by scalar gives (the reference here).
@Suite struct HTMLEscapingTests {
    static func scalarByScalar(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\0": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test func escapesTheFiveCharactersAndNul() {
        #expect(HTMLEscaping.escape(#"<script>alert("x" & 'y')</script>"#)
            == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
        #expect(HTMLEscaping.escape("a\0b") == "a\u{FFFD}b")
        #expect(HTMLEscaping.escape("培训太少了 👍 e\u{301}") == "培训太少了 👍 e\u{301}")
        #expect(HTMLEscaping.escape("") == "")
    }

    @Test func agreesWithEscapingScalarByScalar() {
        let pieces = ["&", "<", ">", "\"", "'", "\0", "a", " ", "中", "é", "e\u{301}", "👍", "&amp;", "\u{FFFD}", "\n"]
        var random = RandomTexts(seed: 0x853C_49E6_748F_EA9B)
        for _ in 0..<2_000 {
            let text = random.text(from: pieces, most: 12)
            #expect(HTMLEscaping.escape(text) == Self.scalarByScalar(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// The renderer escapes slices of texts straight onto the bytes it has written so far.
    @Test func escapingOntoBytesAppendsWhatEscapeReturns() {
        let pieces = ["&", "<", "\"", "'", "\0", "a", "中", "e\u{301}", "👍"]
        var random = RandomTexts(seed: 0x2545_F491_4F6C_DD1D)
        for _ in 0..<500 {
            let text = random.text(from: pieces, most: 12)
            let start = text.index(text.startIndex, offsetBy: text.isEmpty ? 0 : 1)
            var bytes = Array("<p>".utf8)
            HTMLEscaping.escape(text[start...], into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "<p>" + Self.scalarByScalar(String(text[start...])))
        }
    }
}
