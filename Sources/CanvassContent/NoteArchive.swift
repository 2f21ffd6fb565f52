import CanvassCore
import CanvassMarkdown

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
        array(note.excerpts) { $0.excerpt($1) }
        markdown(note.body)
    }

    mutating func excerpt(_ excerpt: Excerpt) {
        string(excerpt.kind.rawValue)
        string(excerpt.noteID)
        location(excerpt.location)
        markdown(excerpt.content)
        string(excerpt.text)
        strings(excerpt.tags)
        optional(excerpt.speaker) { $0.string($1) }
        string(excerpt.anchor)
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
        let excerpts = try array { try $0.excerpt() }
        return Note(
            id: id, title: title, date: date, method: method, participants: participants, tags: tags, summary: summary, draft: draft,
            file: file, excerpts: excerpts, body: try markdown(depth: 0))
    }

    mutating func excerpt() throws -> Excerpt {
        guard let kind = Excerpt.Kind(rawValue: try string()) else { throw ArchiveError() }
        return Excerpt(
            kind: kind, noteID: try string(), location: try location(), content: try markdown(depth: 0), text: try string(),
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
