import CanvassCore
import CanvassSupport
import Foundation

/// The public profile (SPEC §8): a copy of the project with no participant name, e-mail address or
/// phone number anywhere, and participant, respondent and note ids replaced by stable pseudonyms.
///
/// Applied once, to the loaded project, before analysis, so every page, chart, data file and the
/// search index are built from redacted values. Pseudonyms are a hash of the id: stable across
/// builds and unaffected by other records, but not secret — they hide names, not that two excerpts
/// come from the same person.
public struct PublicProfile: Sendable {
    public static let namePlaceholder = "[name]"
    public static let emailPlaceholder = "[email]"
    public static let phonePlaceholder = "[phone]"
    /// The placeholders as replacement templates, escaped once rather than at every replacement.
    static let templates = (
        email: NSRegularExpression.escapedTemplate(for: emailPlaceholder),
        phone: NSRegularExpression.escapedTemplate(for: phonePlaceholder)
    )

    static let email = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+"#)
    /// International and local numbers, Chinese mobiles included: 8+ digits with spaces, dots, dashes, brackets.
    static let phone = try! NSRegularExpression(pattern: #"(?<![\w])(\+?\d[\d\s().\-]{6,}\d)(?![\w])"#)

    let names: NameMatcher
    var pseudonyms: [String: String] = [:]

    /// Redacts `project`; `memo` may give back the redaction of notes that have not changed since
    /// it last saw them redacted (`serve`).
    public static func redact(_ project: Project, memo: any AnalysisMemo = NoMemo()) -> Project {
        let inputs = Inputs(project)
        let profile = PublicProfile(inputs)
        let notes = memo.redactedNotes(project.notes, inputs: inputs) { notes in ParallelMap.map(notes) { profile.redact($0) } }
        return profile.apply(to: project, notes: notes)
    }

    /// What a note's redaction depends on beyond the note itself: the names to hide (of every
    /// note's participants), and the ids given pseudonyms, which grow longer where two would collide.
    public struct Inputs: Equatable, Sendable {
        var latin = Set<String>(), han = Set<String>()
        var ids = Set<String>(), noteIDs = Set<String>()

        init(_ project: Project) {
            for note in project.notes {
                for person in note.participants {
                    guard let name = person.name?.trimmingSpaces(), !name.isEmpty else { continue }
                    if name.allSatisfy({ $0.isHan || $0 == "·" }) {
                        han.insert(name)
                        if name.count >= 3 { han.insert(String(name.dropFirst())) }
                    } else {
                        latin.insert(name)
                        for part in name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }) where part.count >= 3 { latin.insert(String(part)) }
                    }
                }
            }
            ids = Set(project.notes.flatMap { $0.participants.map(\.id) })
            ids.formUnion(project.surveys.flatMap(\.ids))
            noteIDs = Set(project.notes.map(\.id))
        }
    }

    init(_ inputs: Inputs) {
        names = NameMatcher(latin: inputs.latin, han: inputs.han)
        pseudonyms = Self.pseudonyms(for: inputs.ids, prefix: "P-")
        for (note, pseudonym) in Self.pseudonyms(for: inputs.noteIDs, prefix: "note-") { pseudonyms["note:" + note] = pseudonym }
    }

    /// `P-3F2A9C`: 6 hex digits of an FNV-1a hash, longer where two ids would collide.
    static func pseudonyms(for ids: Set<String>, prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        var taken = Set<String>()
        for id in ids.sorted() {
            let hex = String(ContentDigest.fnv1a(("canvass-public-profile:" + id).utf8), radix: 16, uppercase: true)
            var length = 6
            var candidate = prefix + String(hex.prefix(length))
            while taken.contains(candidate) && length < hex.count { length += 1; candidate = prefix + String(hex.prefix(length)) }
            taken.insert(candidate)
            result[id] = candidate
        }
        return result
    }

    func id(_ value: String) -> String { pseudonyms[value] ?? value }
    func noteID(_ value: String) -> String { pseudonyms["note:" + value] ?? value }

    /// Text with names, e-mail addresses and phone numbers replaced.
    ///
    /// A pattern runs only on text it could match: an address needs an `@`, a phone number digits.
    /// (Most texts, and most of a Markdown tree's nodes, have neither, and running the patterns
    /// on every one of them made the public profile take longer than the rest of a build.)
    func scrub(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var result = text
        func replace(_ pattern: NSRegularExpression, _ template: String) {
            result = pattern.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        if result.utf8.contains(UInt8(ascii: "@")) { replace(Self.email, Self.templates.email) }
        if Self.holdsDigit(result) { replace(Self.phone, Self.templates.phone) }
        result = names.replacing(in: result, with: Self.namePlaceholder)
        return result
    }

    /// Whether `text` holds a decimal digit of any script: what the phone pattern's `\d` matches
    /// (ICU's `\p{Nd}`, full-width and Arabic-Indic digits too).
    static func holdsDigit(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
            // Beyond ASCII, a digit is a scalar of several bytes: look at the scalars.
            if byte >= 0x80 {
                // CJK ideographs, most of a Chinese text, are no digits: spared the property lookup.
                return text.unicodeScalars.contains { !(0x3400...0x9FFF).contains($0.value) && $0.properties.generalCategory == .decimalNumber }
            }
        }
        return false
    }

    /// A Markdown tree with every text scrubbed; `mailto:`/`tel:` links lose their target; note links follow the pseudonyms.
    func scrub(_ node: MarkdownNode) -> MarkdownNode {
        var copy = node
        copy.literal = scrub(node.literal)
        switch node.kind {
        case .link(let destination, let title):
            var target = scrub(destination)
            let lower = destination.lowercased()
            if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") { target = "" }
            if destination.hasPrefix("note:") {
                let rest = destination.dropFirst(5)
                let (id, fragment) = rest.firstIndex(of: "#").map { (String(rest[..<$0]), String(rest[$0...])) } ?? (String(rest), "")
                target = "note:" + noteID(id) + fragment
            }
            copy.kind = .link(destination: target, title: scrub(title))
        case .image(let source, let title):
            copy.kind = .image(source: source, title: scrub(title))
        default:
            break
        }
        copy.children = node.children.map(scrub)
        return copy
    }

    /// A note with its texts scrubbed and its ids replaced by pseudonyms.
    func redact(_ note: Note) -> Note {
        var redacted = note
        redacted.id = noteID(note.id)
        redacted.file = "content/interviews/" + noteID(note.id) + ".md"
        redacted.title = scrub(note.title)
        redacted.summary = note.summary.map { scrub($0) }
        redacted.participants = note.participants.map { person in
            Participant(id: id(person.id), name: nil, role: person.role.map { scrub($0) }, attributes: person.attributes)
        }
        redacted.body = scrub(note.body)
        redacted.excerpts = note.excerpts.map { excerpt in
            var copy = excerpt
            copy.noteID = redacted.id
            copy.location.file = redacted.file
            copy.speaker = excerpt.speaker.map { id($0) }
            copy.text = scrub(excerpt.text)
            copy.content = scrub(excerpt.content)
            return copy
        }
        return redacted
    }

    /// `project` with `notes` for its notes, and its surveys, persona narratives and pages redacted.
    func apply(to project: Project, notes: [Note]) -> Project {
        var result = project
        result.notes = notes
        result.surveys = project.surveys.map { survey in
            var redacted = survey
            redacted.ids = survey.ids.map { id($0) }
            let freeText = Set(survey.config.text)
            for (column, values) in survey.texts where freeText.contains(column) {
                redacted.texts[column] = values.map { $0.map { scrub($0) } }
            }
            redacted.findings = survey.findings.map { finding in
                var copy = finding
                copy.respondent = finding.respondent.map { id($0) }
                copy.value = finding.value.map { scrub($0) }
                copy.message = scrub(finding.message)
                return copy
            }
            return redacted
        }
        result.personaNarratives = project.personaNarratives.map { narrative in
            var copy = narrative
            copy.name = narrative.name.map { scrub($0) }
            copy.summary = narrative.summary.map { scrub($0) }
            copy.body = scrub(narrative.body)
            return copy
        }
        result.pages = project.pages.map { page in
            var copy = page
            copy.title = scrub(page.title)
            copy.summary = page.summary.map { scrub($0) }
            copy.body = scrub(page.body)
            return copy
        }
        return result
    }
}

/// The public profile's previous redaction, for a long-lived process (`serve`): a note that is the
/// very note redacted last time (`Note.isSameValue`), under the same names and pseudonyms, keeps
/// its redacted copy. Redacting 10,000 notes again after every edit took half a second, and the
/// new copies made the analysis work out every excerpt's terms and sentiment again.
public final class RedactionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var inputs: PublicProfile.Inputs?
    /// Each note of the last redaction as loaded, and redacted, by file.
    private var notes: [String: (source: Note, redacted: Note)] = [:]
    /// How many notes the last redaction redacted rather than took from the cache, for tests.
    public private(set) var redactedInLastBuild = 0

    public init() {}

    /// `AnalysisMemo.redactedNotes`.
    public func redactedNotes(_ notes: [Note], inputs: PublicProfile.Inputs, redact: ([Note]) -> [Note]) -> [Note] {
        lock.withLock {
            if self.inputs != inputs {
                self.inputs = inputs
                self.notes = [:]
            }
            let known = self.notes
            var redacted: [Note?] = notes.map { note in
                guard let entry = known[note.file], entry.source.isSameValue(as: note) else { return nil }
                return entry.redacted
            }
            let missing = redacted.indices.filter { redacted[$0] == nil }
            for (index, note) in zip(missing, redact(missing.map { notes[$0] })) { redacted[index] = note }
            let result = redacted.map { $0! }
            self.notes = Dictionary(zip(notes, result).map { ($0.file, ($0, $1)) }, uniquingKeysWith: { first, _ in first })
            redactedInLastBuild = missing.count
            return result
        }
    }
}
