import CanvassCore
import Testing

/// Notes and excerpts are values whose copies share storage until one is changed.
@Suite struct CopyOnWriteTests {
    static let empty = MarkdownNode(kind: .document, start: SourcePoint(line: 1, column: 1), end: SourcePoint(line: 1, column: 1))

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        let original = CopyOnWrite([1, 2, 3])
        var copy = original
        #expect(copy.sharesStorage(with: original))
        copy.value.append(4)
        #expect(original.value == [1, 2, 3] && copy.value == [1, 2, 3, 4])
        #expect(!copy.sharesStorage(with: original))
    }

    @Test func anExcerptCopyIsEqualAndIndependent() {
        let excerpt = Excerpt(kind: .quote, noteID: "n", location: SourceLocation(file: "a.md", line: 3, column: 1),
                              content: Self.empty, text: "Slow", tags: ["speed"], speaker: "p1", anchor: "L3")
        var changed = excerpt
        #expect(changed == excerpt)
        changed.tags = ["speed", "search"]
        #expect(excerpt.tags == ["speed"] && changed.tags == ["speed", "search"] && changed != excerpt)
    }

    @Test func aNoteKeepsWhatItDerivesFromItsExcerptsInStep() {
        let quote = Excerpt(kind: .quote, noteID: "n", location: SourceLocation(file: "a.md", line: 3, column: 1),
                            content: Self.empty, text: "Slow", tags: ["speed", "need/faster"], speaker: nil, anchor: "L3")
        let note = Note(id: "n", title: "N", date: nil, method: .interview, participants: [Participant(id: "p1")], tags: [],
                        summary: nil, draft: false, file: "a.md", excerpts: [quote], body: Self.empty)
        var copy = note
        #expect(copy.isSameValue(as: note))
        copy.excerpts = []
        #expect(!copy.isSameValue(as: note))
        #expect(note.excerptTags == ["need/faster", "speed"] && copy.excerptTags == [])
        #expect(note.excerptFacts.first?.participant == "p1", "the sole participant of a one-to-one note")
        #expect(note.excerptFacts.first?.needs == ["faster"])
    }
}
