import CanvassCore
import CanvassMarkdown
import Foundation

/// Reads one note: front matter, body, excerpts (SPEC §3.1).
struct NoteLoader {
    static let frontMatterKeys = ["id", "title", "date", "method", "participants", "tags", "draft", "summary"]
    static let participantKeys = ["id", "name", "role", "attributes", "email", "phone"]

    let file: SourceFile

    func load() -> (Note?, [Diagnostic]) {
        let split: FrontMatter
        switch FrontMatter.split(file.text) {
        case .failure(.unterminated):
            return (nil, [file.diagnostic(
                .error, "front matter starts with `---` but never ends", line: 1, column: 1,
                hint: "add a line with just `---` after the last front-matter line")])
        case .success(let result):
            split = result
        }
        guard let yaml = split.yaml else {
            return (nil, [file.diagnostic(
                .error, "note has no front matter", line: 1, column: 1,
                hint: "start the file with `---`, a line `title: …`, and `---`")])
        }
        let reader = YAMLReader(file: file, firstLine: split.yamlFirstLine)
        guard let root = reader.parse(yaml) else {
            if reader.diagnostics.isEmpty {
                return (nil, [file.diagnostic(.error, "front matter is empty", line: 1, column: 1, hint: "add at least `title: …`")])
            }
            return (nil, reader.diagnostics)
        }
        guard let fields = reader.fields(root, "front matter", allowed: Self.frontMatterKeys) else {
            return (nil, reader.diagnostics)
        }
        let metadata = readMetadata(fields, root: root, reader: reader)
        let (document, flattenedAt) = CommonMark.parseReportingDepth(split.body, firstLine: split.bodyFirstLine)
        let (body, found) = ExcerptExtractor.extract(from: document)
        var diagnostics = reader.diagnostics
        if let point = flattenedAt {
            diagnostics.append(file.diagnostic(
                .warning, "Markdown nested more than \(CommonMark.maximumDepth) levels deep; the deeper part is kept as plain text",
                line: point.line, column: 1, hint: "quotes and lists this deep are almost always a mistake"))
        }
        let excerpts = makeExcerpts(found, metadata: metadata, diagnostics: &diagnostics)
        guard let metadata, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let note = Note(
            id: metadata.id, title: metadata.title, date: metadata.date, method: metadata.method,
            participants: metadata.participants, tags: metadata.tags, summary: metadata.summary,
            draft: metadata.draft, file: file.path, excerpts: excerpts, body: body)
        return (note, diagnostics)
    }

    // MARK: - Front matter

    private struct Metadata {
        var id: String
        var title: String
        var date: CalendarDate?
        var method: NoteMethod
        var participants: [Participant]
        var tags: [String]
        var summary: String?
        var draft: Bool
    }

    private func readMetadata(_ fields: Fields, root: YAMLNode, reader: YAMLReader) -> Metadata? {
        let title = fields.string("title")
        if fields["title"] == nil {
            reader.error("note has no `title`", at: root, hint: "add a line such as `title: Onboarding call with a clinic manager`")
        }
        var id = Slug.make(((file.path as NSString).lastPathComponent as NSString).deletingPathExtension)
        if let node = fields["id"], let written = reader.string(node, "`id`") {
            if written.isEmpty || Slug.make(written) != written {
                reader.error(
                    "note id `\(written)` must be lower-case letters, digits and `-`", at: node,
                    hint: "e.g. id: \(Slug.make(written).isEmpty ? "onboarding-call" : Slug.make(written))")
            } else {
                id = written
            }
        }
        var date: CalendarDate?
        if let node = fields["date"], let text = reader.string(node, "`date`") {
            date = CalendarDate(text)
            if date == nil {
                reader.error("`date` is not a date: `\(text)`", at: node, hint: "write dates as YYYY-MM-DD, e.g. 2026-09-14")
            }
        }
        var method = NoteMethod.interview
        if let node = fields["method"], let chosen = reader.choice(node, "`method`", as: NoteMethod.self) {
            method = chosen
        }
        let participants = fields["participants"].map { readParticipants($0, reader: reader) } ?? []
        let tags = (fields.strings("tags") ?? []).map(Self.normaliseTag)
        guard let title else { return nil }
        return Metadata(
            id: id, title: title, date: date, method: method, participants: participants, tags: tags,
            summary: fields.string("summary"), draft: fields.bool("draft") ?? false)
    }

    private func readParticipants(_ node: YAMLNode, reader: YAMLReader) -> [Participant] {
        guard let items = reader.sequence(node, "`participants`") else { return [] }
        var participants: [Participant] = []
        for item in items {
            guard let fields = reader.fields(item, "a participant", allowed: Self.participantKeys) else { continue }
            guard let id = fields.string("id"), !id.isEmpty else {
                reader.error("a participant needs an `id`", at: item, hint: "e.g. - {id: r-0042, role: Clinic manager}")
                continue
            }
            if participants.contains(where: { $0.id == id }) {
                reader.error("participant `\(id)` is listed twice", at: fields["id"] ?? item)
                continue
            }
            var attributes: [String: String] = [:]
            if let node = fields["attributes"], let entries = reader.mapping(node, "participant `\(id)`'s attributes") {
                for entry in entries {
                    if let value = reader.string(entry.value, "attribute `\(entry.key)`") { attributes[entry.key] = value }
                }
            }
            participants.append(Participant(id: id, name: fields.string("name"), role: fields.string("role"), attributes: attributes))
        }
        return participants
    }

    /// Front-matter tags may be written with or without `#`; they compare lower-cased.
    static func normaliseTag(_ tag: String) -> String {
        (tag.hasPrefix("#") ? String(tag.dropFirst()) : tag).lowercased()
    }

    // MARK: - Excerpts

    private func makeExcerpts(_ found: [ExcerptExtractor.Found], metadata: Metadata?, diagnostics: inout [Diagnostic]) -> [Excerpt] {
        let participantIDs = metadata?.participants.map(\.id) ?? []
        var anchors = Set<String>()
        return found.map { item in
            if let speaker = item.speaker, let point = item.speakerPoint, metadata != nil, !participantIDs.contains(speaker) {
                let column = file.line(point.line).flatMap { line in
                    line.range(of: speaker).map { line[..<$0.lowerBound].unicodeScalars.count + 1 }
                } ?? point.column
                diagnostics.append(file.diagnostic(
                    .error, "quote names speaker `\(speaker)`, who is not among the note's participants",
                    line: point.line, column: column,
                    hint: Suggestion.didYouMean(speaker, in: participantIDs) ?? "add `- id: \(speaker)` under `participants:` in the front matter"))
            }
            var anchor = "L\(item.node.start.line)"
            if anchors.contains(anchor) { anchor += "-\(item.node.start.column)" }
            anchors.insert(anchor)
            return Excerpt(
                kind: item.kind, noteID: metadata?.id ?? "",
                location: file.location(line: item.node.start.line, column: item.node.start.column),
                content: item.node, text: item.text,
                tags: Array(Set(item.tags + (metadata?.tags ?? []))).sorted(),
                speaker: item.speaker, anchor: anchor)
        }
    }
}
