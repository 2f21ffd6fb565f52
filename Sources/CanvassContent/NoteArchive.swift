import CanvassCore
import CanvassMarkdown
import CanvassSupport

/// Parsed notes as compact bytes (`Archive.swift`), for `.canvass-cache/notes.bin`.
// MARK: - What a note parse gives

extension ArchiveWriter {
    mutating func noteResult(_ result: (Note?, [Diagnostic])) {
        optional(result.0) { $0.note($1) }
        array(result.1) { $0.diagnostic($1) }
    }

    mutating func note(_ note: Note) {
        string(note.id)
        string(note.title)
        optional(note.date) { $0.string($1.description) }
        string(note.method.rawValue)
        array(note.participants) { writer, person in
            writer.string(person.id)
            writer.optional(person.name) { $0.string($1) }
            writer.optional(person.role) { $0.string($1) }
            writer.array(person.attributes.sorted { $0.key < $1.key }) { writer, pair in
                writer.string(pair.key)
                writer.string(pair.value)
            }
        }
        strings(note.tags)
        optional(note.summary) { $0.string($1) }
        bool(note.draft)
        string(note.file)
        markdown(note.body)
        array(note.excerpts) { $0.excerpt($1, of: note) }
    }

    /// An excerpt's block is a subtree of its note's body, so it is written as the path of child
    /// indices that leads to it there (or whole, should it not be found); its note id and file
    /// are a flag when they are its note's. Written whole, excerpts doubled the cache's size.
    mutating func excerpt(_ excerpt: Excerpt, of note: Note) {
        string(excerpt.kind.rawValue)
        same(excerpt.noteID, as: note.id)
        same(excerpt.location.file, as: note.file)
        int(excerpt.location.line)
        int(excerpt.location.column)
        if let path = Self.path(to: excerpt.content, in: note.body) {
            bool(true)
            array(path) { $0.int($1) }
        } else {
            bool(false)
            markdown(excerpt.content)
        }
        string(excerpt.text)
        strings(excerpt.tags)
        optional(excerpt.speaker) { $0.string($1) }
        string(excerpt.anchor)
    }

    /// `text`, or only a flag when it is `usual`.
    private mutating func same(_ text: String, as usual: String) {
        bool(text == usual)
        if text != usual { string(text) }
    }

    /// The child indices leading from `root` to a node equal to `target`: only children whose
    /// span holds the target's start are searched.
    static func path(to target: MarkdownNode, in root: MarkdownNode) -> [Int]? {
        if root.start == target.start, root.kind == target.kind, root == target { return [] }
        for (index, child) in root.children.enumerated() where child.start <= target.start && target.start <= child.end {
            if let rest = path(to: target, in: child) { return [index] + rest }
        }
        return nil
    }

    mutating func location(_ location: SourceLocation) {
        string(location.file)
        int(location.line)
        int(location.column)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        string(diagnostic.message)
        optional(diagnostic.hint) { $0.string($1) }
        optional(diagnostic.location) { $0.location($1) }
        optional(diagnostic.sourceLine) { $0.string($1) }
    }

    mutating func markdown(_ node: MarkdownNode) {
        switch node.kind {
        case .document: int(0)
        case .blockQuote: int(1)
        case .list(let ordered, let start, let tight):
            int(2)
            bool(ordered)
            int(start)
            bool(tight)
        case .item: int(3)
        case .codeBlock(let info):
            int(4)
            string(info)
        case .htmlBlock: int(5)
        case .paragraph: int(6)
        case .heading(let level):
            int(7)
            int(level)
        case .thematicBreak: int(8)
        case .text: int(9)
        case .softBreak: int(10)
        case .lineBreak: int(11)
        case .code: int(12)
        case .htmlInline: int(13)
        case .emphasis: int(14)
        case .strong: int(15)
        case .link(let destination, let title):
            int(16)
            string(destination)
            string(title)
        case .image(let source, let title):
            int(17)
            string(source)
            string(title)
        }
        string(node.literal)
        int(node.start.line)
        int(node.start.column)
        int(node.end.line)
        int(node.end.column)
        array(node.children) { $0.markdown($1) }
    }
}

extension ArchiveReader {
    mutating func noteResult() throws -> (Note?, [Diagnostic]) {
        let note = try optional { try $0.note() }
        return (note, try array { try $0.diagnostic() })
    }

    mutating func note() throws -> Note {
        let id = try string(), title = try string()
        let date = try optional { reader -> CalendarDate in
            guard let date = CalendarDate(try reader.string()) else { throw ArchiveError() }
            return date
        }
        guard let method = NoteMethod(rawValue: try string()) else { throw ArchiveError() }
        let participants = try array { reader in
            Participant(
                id: try reader.string(), name: try reader.optional { try $0.string() }, role: try reader.optional { try $0.string() },
                attributes: Dictionary(try reader.array { (try $0.string(), try $0.string()) }, uniquingKeysWith: { first, _ in first }))
        }
        let tags = try strings()
        let summary = try optional { try $0.string() }
        let draft = try bool(), file = try string()
        let body = try markdown(depth: 0)
        let excerpts = try array { try $0.excerpt(noteID: id, file: file, body: body) }
        return Note(
            id: id, title: title, date: date, method: method, participants: participants, tags: tags, summary: summary, draft: draft,
            file: file, excerpts: excerpts, body: body)
    }

    /// What `ArchiveWriter.excerpt(_:of:)` wrote, for the note with this id, file and body.
    mutating func excerpt(noteID: String, file: String, body: MarkdownNode) throws -> Excerpt {
        guard let kind = Excerpt.Kind(rawValue: try string()) else { throw ArchiveError() }
        let id = try bool() ? noteID : try string()
        let location = SourceLocation(file: try bool() ? file : try string(), line: try int(), column: try int())
        let content: MarkdownNode
        if try bool() {
            var node = body
            for index in try array({ try $0.int() }) {
                guard node.children.indices.contains(index) else { throw ArchiveError() }
                node = node.children[index]
            }
            content = node
        } else {
            content = try markdown(depth: 0)
        }
        return Excerpt(
            kind: kind, noteID: id, location: location, content: content, text: try string(),
            tags: try strings(), speaker: try optional { try $0.string() }, anchor: try string())
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw ArchiveError() }
        let message = try string()
        let hint = try optional { try $0.string() }
        let location = try optional { try $0.location() }
        return Diagnostic(severity, message, at: location, hint: hint, sourceLine: try optional { try $0.string() })
    }

    /// Nesting deeper than a parse keeps (`CommonMark.maximumDepth`) is damage.
    mutating func markdown(depth: Int) throws -> MarkdownNode {
        guard depth <= CommonMark.maximumDepth + 1 else { throw ArchiveError() }
        let kind: MarkdownNode.Kind
        switch try int() {
        case 0: kind = .document
        case 1: kind = .blockQuote
        case 2: kind = .list(ordered: try bool(), start: try int(), tight: try bool())
        case 3: kind = .item
        case 4: kind = .codeBlock(info: try string())
        case 5: kind = .htmlBlock
        case 6: kind = .paragraph
        case 7: kind = .heading(level: try int())
        case 8: kind = .thematicBreak
        case 9: kind = .text
        case 10: kind = .softBreak
        case 11: kind = .lineBreak
        case 12: kind = .code
        case 13: kind = .htmlInline
        case 14: kind = .emphasis
        case 15: kind = .strong
        case 16: kind = .link(destination: try string(), title: try string())
        case 17: kind = .image(source: try string(), title: try string())
        default: throw ArchiveError()
        }
        let literal = try string()
        let start = SourcePoint(line: try int(), column: try int())
        let end = SourcePoint(line: try int(), column: try int())
        return MarkdownNode(kind: kind, literal: literal, children: try array { try $0.markdown(depth: depth + 1) }, start: start, end: end)
    }
}
