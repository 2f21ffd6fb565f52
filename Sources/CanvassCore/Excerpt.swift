/// The unit of evidence (SPEC §3.1): a verbatim quote, or a tagged observation.
public struct Excerpt: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case quote
        case observation
    }

    public var kind: Kind
    public var noteID: String
    /// Where the excerpt's block starts in its note file.
    public var location: SourceLocation
    /// The excerpt's block, speaker line removed.
    public var content: MarkdownNode
    /// Plain text with tags left out, for search, sentiment and previews.
    public var text: String
    /// Tags written on the excerpt and in the note's front matter; lower-cased, sorted, unique.
    public var tags: [String]
    /// The participant id named by a quote's `— id` line.
    public var speaker: String?
    /// Anchor inside the note page (`L12`), unique within the note.
    public var anchor: String

    public init(
        kind: Kind, noteID: String, location: SourceLocation, content: MarkdownNode, text: String,
        tags: [String], speaker: String?, anchor: String
    ) {
        self.kind = kind
        self.noteID = noteID
        self.location = location
        self.content = content
        self.text = text
        self.tags = tags
        self.speaker = speaker
        self.anchor = anchor
    }
}

/// Tag paths nest with `/`: `need/checklist` is also under `need`.
public enum TagPath {
    /// The tag and every ancestor, most specific first: `a/b/c` → `a/b/c`, `a/b`, `a`.
    public static func lineage(of tag: String) -> [String] {
        var result = [tag]
        var current = Substring(tag)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            if !current.isEmpty { result.append(String(current)) }
        }
        return result
    }
}
