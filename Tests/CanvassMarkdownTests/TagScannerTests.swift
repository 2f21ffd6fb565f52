import Testing
@testable import CanvassMarkdown

@Suite struct TagScannerTests {
    @Test func findsTagsOfEveryScriptAndNesting() {
        #expect(TagScanner.tags(in: "Wants a checklist #onboarding #need/checklist") == ["onboarding", "need/checklist"])
        #expect(TagScanner.tags(in: "太慢了 #上手 #性能") == ["上手", "性能"])
        #expect(TagScanner.tags(in: "(#Price_Plan), and #setup-.") == ["price_plan", "setup"])
        #expect(TagScanner.tags(in: "#a-b/c_d2") == ["a-b/c_d2"])
    }

    @Test func leavesNumbersAnchorsAndWordsAlone() {
        #expect(TagScanner.tags(in: "ticket #4521 and C# and page#anchor and &#39;") == [])
        #expect(TagScanner.tags(in: "## not a heading inside text ##") == [])
        #expect(TagScanner.tags(in: "http://x.org/#frag") == [])
    }

    @Test func rangesCoverTheWrittenTag() {
        let text = "See #Onboarding now"
        let match = TagScanner.matches(in: text)[0]
        #expect(text[match.range] == "#Onboarding")
        #expect(match.name == "onboarding")
    }
}
