import CanvassCore
import Testing
@testable import CanvassContent

/// `SimpleYAML` reads front matter without libyaml; whatever it reads must come out exactly as
/// Yams reads it, places included, and whatever it cannot read it must leave to Yams.
@Suite struct SimpleYAMLTests {
    @Test func readsTheFrontMatterNotesAreWrittenInAsYamsDoes() throws {
        let documents = [
            // Flow participants, as the corpus generator and most example notes write them.
            """
            title: Interview 09998
            date: 2026-03-03
            method: support
            summary: A customer on scheduling, reminders and support.
            participants:
              - {id: r-062692, role: Receptionist, attributes: {age: 43, plan: enterprise}}
              - {id: r-087497, role: Receptionist, attributes: {age: 37, plan: pro}}
            """,
            // Block participants, Chinese values, quoted values, a list at the left margin.
            """
            title: "访谈：前台, 第二轮"
            tags: [app, 'need/offline-schedule', "#pricing"]

            participants:
            - id: r-001
              name: 李明
              role: 办公室主任
              attributes: {age: 41, plan: pro}
            - {id: r-002, name: Alex Kim}
            draft: true
            """,
            "title: Café à 10:30 — it's fine?\nsummary: 50% of users & \"quotes\" inside\n",
        ]
        for document in documents {
            let simple = try #require(SimpleYAML.compose(document), "SimpleYAML left this to Yams:\n\(document)")
            #expect(simple == (try YAMLReader.composeWithYams(document)))
        }
        let participants = try #require(SimpleYAML.compose(documents[1]))
        guard case .mapping(let entries, _) = participants, case .sequence(let items, let listPlace) = entries[2].value,
              case .mapping(let person, let personPlace) = items[0] else {
            Issue.record("unexpected shape: \(participants)")
            return
        }
        #expect(listPlace == YAMLNode.Place(line: 5, column: 1))
        #expect(personPlace == YAMLNode.Place(line: 5, column: 3))
        #expect(person[2].value.scalar == YAMLNode.Scalar(string: "办公室主任", place: YAMLNode.Place(line: 7, column: 9)))
        #expect(entries[0].value.scalar?.string == "访谈：前台, 第二轮")
    }

    @Test func leavesToYamsWhatItDoesNotRead() {
        let beyond = [
            "title: x # a comment",
            "title: a long\n  wrapped value",
            "base: &b x\nother: *b",
            "title: !!str 12",
            "summary: |\n  block",
            "title: \"escaped \\\" quote\"",
            "title: 'it''s'",
            "title: x\ntitle: y",
            "title:",
            "participants:\n  - id: a\n    attributes:\n      age: 3",
            "tags: [a, b,]",
            "tags: [a,\n  b]",
            "\ttitle: tab",
            "title: x\r\n",
            "title: Call: onboarding",
            "- a\n- b",
            "",
            "title: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
        ]
        for document in beyond {
            #expect(SimpleYAML.compose(document) == nil, "read by SimpleYAML: \(document)")
        }
    }

    /// Generated documents, near and past the subset's edges: every one SimpleYAML reads, Yams
    /// reads to the same nodes and places.
    @Test func agreesWithYamsOnGeneratedDocuments() throws {
        var generator = SeededGenerator(seed: 20261122)
        var read = 0, disagreements: [String] = []
        let count = 20000
        for _ in 0..<count {
            let document = Self.document(&generator)
            guard let simple = SimpleYAML.compose(document) else { continue }
            read += 1
            let yams = try? YAMLReader.composeWithYams(document)
            if simple != yams, disagreements.count < 5 {
                disagreements.append("\(document)\n  simple: \(simple)\n  yams: \(String(describing: yams))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n\n"))")
        // Enough of them are in the subset for the comparison to mean something.
        #expect(read > count / 10, "SimpleYAML read only \(read) of \(count)")
    }

    // MARK: - Generated YAML

    static func document(_ generator: inout SeededGenerator) -> String {
        var lines: [String] = []
        let keys = ["title", "date", "id", "tags", "summary", "a", "b_2", "x-y"].shuffled(using: &generator)
        for index in 0..<Int.random(in: 1...4, using: &generator) {
            let key = rarely(&generator) ? pick(["k k", "-k", "ключ", "#c", "title"], &generator) : keys[index]
            switch Int.random(in: 0..<20, using: &generator) {
            case 0..<11:
                lines.append(key + (rarely(&generator) ? pick([":  ", ":"], &generator) : ": ") + inline(&generator, depth: 0) + (rarely(&generator) ? pick([" ", " # c"], &generator) : ""))
            case 11..<19:
                lines.append(key + ":")
                let indent = String(repeating: " ", count: pick([0, 2, 2, 4], &generator))
                for _ in 0..<Int.random(in: rarely(&generator) ? 0...0 : 1...3, using: &generator) {
                    let wobble = rarely(&generator) ? " " : ""
                    if Bool.random(using: &generator) {
                        lines.append(indent + wobble + "- " + inline(&generator, depth: 0))
                    } else {
                        let fields = ["id", "name", "role", "attributes"].shuffled(using: &generator)
                        lines.append(indent + wobble + "- " + fields[0] + ": " + inline(&generator, depth: 1))
                        for field in fields.dropFirst().prefix(Int.random(in: 0...2, using: &generator)) {
                            let shift = rarely(&generator) ? pick([1, -1, 2], &generator) : 0
                            let name = rarely(&generator) ? fields[0] : field
                            lines.append(String(repeating: " ", count: max(0, indent.count + 2 + shift)) + name + ": " + inline(&generator, depth: 1))
                        }
                    }
                }
            default:
                lines.append(pick(["", "  ", "# comment", "---", "  continued", "\tx: y", "key: |", "- a", "key: >", "x: &a y", "y: *a"], &generator))
            }
        }
        return lines.joined(separator: "\n") + pick(["", "\n", "\n\n", "\n  "], &generator)
    }

    static func inline(_ generator: inout SeededGenerator, depth: Int) -> String {
        let choice = depth > 2 ? Int.random(in: 0..<4, using: &generator) : Int.random(in: 0..<7, using: &generator)
        switch choice {
        case 0..<3:
            return plain(&generator)
        case 3:
            let quote = pick(["\"", "'"], &generator)
            return quote + plain(&generator) + (rarely(&generator) ? pick([quote + quote, ""], &generator) : quote)
        case 4, 5:
            let names = ["id", "age", "plan", "a b", "\"q\"", "'s'"].shuffled(using: &generator)
            let entries = (0..<Int.random(in: 0...3, using: &generator)).map { index in
                (rarely(&generator) ? "id" : names[index]) + (rarely(&generator) ? pick([":", " : "], &generator) : ": ") + inline(&generator, depth: depth + 1)
            }
            return "{" + pick(["", " "], &generator) + entries.joined(separator: rarely(&generator) ? pick([",", " , "], &generator) : ", ") + (rarely(&generator) ? pick([",}", " }"], &generator) : "}")
        default:
            let items = (0..<Int.random(in: 0...3, using: &generator)).map { _ in inline(&generator, depth: depth + 1) }
            return "[" + items.joined(separator: rarely(&generator) ? "," : ", ") + (rarely(&generator) ? ", ]" : "]")
        }
    }

    static func plain(_ generator: inout SeededGenerator) -> String {
        let words = ["plain", "two words", "r-0042", "2026-09-14", "访谈", "Café", "10:30", "a:b", "x", "yes", "~", "null", "42", "-3"]
        let marks = [":", "#", ",", "-", "?", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", " ", "\\",
                     "\u{85}", "\u{2028}", "\u{FEFF}", "\u{A0}", "é", "—"]
        var text = ""
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            text += rarely(&generator) ? pick(marks, &generator) : pick(words, &generator)
        }
        return text
    }

    /// One time in ten: the edges of the subset, often enough to be met, rarely enough that most
    /// documents stay inside it.
    static func rarely(_ generator: inout SeededGenerator) -> Bool {
        Int.random(in: 0..<10, using: &generator) == 0
    }

    static func pick<T>(_ options: [T], _ generator: inout SeededGenerator) -> T {
        options[Int.random(in: 0..<options.count, using: &generator)]
    }
}
