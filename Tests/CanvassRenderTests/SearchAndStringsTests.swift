import CanvassCore
import CanvassTestSupport
import Foundation
import Testing
@testable import CanvassRender

@Suite struct SearchTests {
    func index() throws -> (RenderFixture, SearchIndex) {
        let fixture = try RenderFixture()
        let renderer = fixture.renderer
        return (fixture, PageContext(renderer: renderer, path: .search).searchIndex())
    }

    @Test func englishQueriesFoldCaseAndStem() throws {
        let (fixture, index) = try index()
        defer { fixture.project.remove() }
        #expect(index.query("ONBOARDING").map(\.type).contains("theme"))
        // "weeks" and "week" share a stem; the quote says "two weeks".
        #expect(index.query("week").contains { $0.type == "excerpt" && $0.url == "notes/call/index.html#L10" })
        #expect(index.query("cheaper please").map(\.url).contains("notes/call/index.html#L13"))
        #expect(index.query("really slow").map(\.type) == ["answer"])
        #expect(index.query("nothing-like-this").isEmpty)
    }

    @Test func chineseQueriesMatchByBigrams() throws {
        let (fixture, index) = try index()
        defer { fixture.project.remove() }
        // The quote itself, and the theme whose keywords include it.
        #expect(Set(index.query("培训").map(\.url)) == ["notes/zh/index.html#L7", "themes/onboarding/index.html"])
        #expect(index.query("太少").contains { $0.type == "excerpt" })
        // Title matches come first: the note called 访谈 before its excerpts.
        #expect(index.query("访谈").first?.type == "note")
        #expect(SearchIndex.terms("培训太少了") == ["培训", "训太", "太少", "少了"])
        #expect(SearchIndex.terms("卡 Bookings") == ["卡", "booking"])
    }

    /// The index is built with the tokenising rules `assets/search.js` applies to a query, code point
    /// by code point (`Array.from`), so both split text alike: a combining accent ends a word (as
    /// `\p{L}\p{N}` does not match it), full-width punctuation ends a Han run, digits join words,
    /// and stemming counts lengths as JavaScript does.
    @Test func termsSplitTextAsTheSearchPageDoes() {
        #expect(SearchIndex.terms("Cafe\u{301}s") == ["cafe", "s"])
        #expect(SearchIndex.terms("Café bookings") == ["café", "booking"])
        #expect(SearchIndex.terms("培训，太少。") == ["培训", "太少"])
        #expect(SearchIndex.terms("NPS2026 rose") == ["nps2026", "rose"])
        #expect(SearchIndex.stem("tries") == "try")
        #expect(SearchIndex.stem("ring") == "ring")
    }

    /// The rules above as the script states them, code point by code point, without the
    /// index's byte-level shortcuts; the index must split any text exactly so.
    static func referenceTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var word = ""
        var han: [Unicode.Scalar] = []
        func finish() {
            if !word.isEmpty { terms.append(SearchIndex.stem(word.lowercased())) }
            if han.count == 1 { terms.append(String(han[0])) }
            for pair in han.indices.dropLast() { terms.append(String(han[pair]) + String(han[pair + 1])) }
            word = ""
            han = []
        }
        for scalar in text.unicodeScalars {
            if (0x3400...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) {
                if !word.isEmpty { terms.append(SearchIndex.stem(word.lowercased())); word = "" }
                han.append(scalar)
            } else if [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                        .decimalNumber, .letterNumber, .otherNumber].contains(scalar.properties.generalCategory) {
                if han.count == 1 { terms.append(String(han[0])) }
                for pair in han.indices.dropLast() { terms.append(String(han[pair]) + String(han[pair + 1])) }
                han = []
                word.unicodeScalars.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return terms
    }

    @Test func termsAgreeWithTheRulesOnAnyText() {
        let pieces = ["Bookings", "tries", "ring", "STUDIES", "es", "s", "ss", "ed", "ing", "a", "Z", "42", " ", "-", ".", "\n",
                      "培训", "太", "，", "Café", "e\u{301}", "ΣΑΣ", "İ", "Ⅻ", "²", "ǅ", "👍", "\u{FF21}", "ß", "ﬁ"]
        var random = RandomTexts(seed: 0x5851_F42D_4C95_7F2D)
        for _ in 0..<2_000 {
            let text = random.text(from: pieces, fewest: 1, most: 10)
            #expect(SearchIndex.terms(text) == Self.referenceTerms(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// Each term lists, in order and once each, the documents whose title, text or hidden words hold it.
    @Test func postingsListEveryDocumentHoldingATermOnce() throws {
        let pieces = ["booking ", "Bookings ", "培训", "太少 ", "rose ", "Roses ", "42 ", ". "]
        var random = RandomTexts(seed: 0x1405_7B7E_F767_814F)
        let documents = (0..<300).map { _ in
            SearchIndex.Document(type: "note", title: random.text(from: pieces, most: 3), text: random.text(from: pieces, most: 8),
                                 url: "", hidden: random.text(from: pieces, most: 2))
        }
        let index = SearchIndex(documents: documents)
        var expected: [String: [Int]] = [:]
        for (number, document) in documents.enumerated() {
            for term in Set([document.title, document.text, document.hidden].flatMap(SearchIndex.terms)) {
                expected[term, default: []].append(number)
            }
        }
        #expect(index.terms == expected)
        var expectedTitles: [String: [Int]] = [:]
        for (number, document) in documents.enumerated() {
            for term in Set(SearchIndex.terms(document.title)) { expectedTitles[term, default: []].append(number) }
        }
        let files = try SearchFiles(index.files())
        #expect(files.terms == expected)
        #expect(files.titles == expectedTitles)
        #expect(files.gapsArePositive)
        #expect(files.misplaced == [])
    }

    /// A letter whose terms would make too large a file is split by the terms' first two
    /// characters, and every term is in the file `search.js` looks in for it.
    @Test func aLargeLetterIsSplitAndEveryTermIsWhereTheScriptLooks() throws {
        let words = (0..<40).map { "s\(Character(UnicodeScalar(UInt8(97 + $0 % 26))))word\($0)" } + ["s", "sé", "tiny", "42", "培训"]
        let documents = (0..<2_000).map { number in
            SearchIndex.Document(type: number % 3 == 0 ? "note" : "excerpt", title: words[number % words.count],
                                 text: words.joined(separator: " "), url: "n/\(number)")
        }
        let index = SearchIndex(documents: documents)
        let files = try SearchFiles(index.files())
        #expect(files.keys.contains("sa") && files.keys.contains("s") && !files.keys.contains("ta"))
        #expect(files.terms == index.terms)
        #expect(files.misplaced == [])
        #expect(Set(files.termsByKey.keys) == files.keys)
        #expect(files.documents == documents.map { [$0.type, $0.title, $0.text, $0.url] })
        #expect(files.types.count == documents.count && zip(files.types, documents).allSatisfy { $0 == $1.type })
        #expect(files.largestTermFile <= 2 * SearchIndex.largestShard)
    }

    @Test func typeFilterAndScriptShape() throws {
        let (fixture, index) = try index()
        defer { fixture.project.remove() }
        #expect(index.query("onboarding", type: "theme").map(\.type) == ["theme"])
        let files = index.files()
        #expect(files.first?.path == "search/index.js")
        #expect(String(decoding: files[0].bytes, as: UTF8.self).hasPrefix("window.CANVASS_SEARCH = {\"version\": 2, \"count\": "))
        for file in files {
            let script = String(decoding: file.bytes, as: UTF8.self)
            #expect(!script.contains("<script") && !script.contains("</"), "\(file.path)")
        }
        let decoded = try SearchFiles(files)
        #expect(decoded.documents == index.documents.map { [$0.type, $0.title, $0.text, $0.url] })
    }
}

/// The search files read back as `assets/search.js` reads them.
struct SearchFiles {
    var keys: Set<String> = []
    var termsByKey: [String: [String]] = [:]
    var terms: [String: [Int]] = [:]
    var titles: [String: [Int]] = [:]
    var documents: [[String]] = []
    var types: [String] = []
    var gapsArePositive = true
    var largestTermFile = 0
    /// Terms in a file other than the one the script reads for them.
    var misplaced: [String] = []

    init(_ files: [(path: String, bytes: [UInt8])]) throws {
        struct Manifest: Decodable { let count: Int; let docShard: Int; let types: [String]; let docTypes: String; let shards: [String: Int] }
        struct TermFile: Decodable { let terms: [String: [Int]]; let titles: [String: [Int]] }
        func payload(_ bytes: [UInt8], after prefix: String) throws -> Data {
            let text = String(decoding: bytes, as: UTF8.self)
            let start = try #require(text.range(of: prefix)).upperBound
            let end = try #require(text.range(of: ");\n", options: .backwards)).lowerBound
            return Data(text[start..<end].utf8)
        }
        func ids(_ gaps: [Int]) -> [Int] {
            if gaps.dropFirst().contains(where: { $0 <= 0 }) { gapsArePositive = false }
            return gaps.reduce(into: [Int]()) { ids, gap in ids.append((ids.last ?? 0) + gap) }
        }
        let manifestText = String(decoding: try #require(files.first { $0.path == "search/index.js" }).bytes, as: UTF8.self)
        let json = manifestText.dropFirst("window.CANVASS_SEARCH = ".count).dropLast(2)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(json.utf8))
        keys = Set(manifest.shards.keys)
        types = manifest.docTypes.map { manifest.types[Int(String($0), radix: 36)!] }
        let fileCount = Set(manifest.shards.values).count
        #expect(Set(manifest.shards.values) == Set(0..<fileCount))
        for number in 0..<fileCount {
            let file = try #require(files.first { $0.path == "search/terms/\(number).js" })
            largestTermFile = max(largestTermFile, file.bytes.count)
            let shard = try JSONDecoder().decode(TermFile.self, from: payload(file.bytes, after: "CANVASS_SEARCH_SHARD(\"terms/\(number)\", "))
            for (term, gaps) in shard.terms {
                terms[term] = ids(gaps)
                // The script looks for a term in the file of its key.
                let key = Self.scriptKey(term, shards: keys)
                if manifest.shards[key] == number { termsByKey[key, default: []].append(term) } else { misplaced.append(term) }
            }
            for (term, gaps) in shard.titles { titles[term] = ids(gaps) }
        }
        for number in 0..<((manifest.count + manifest.docShard - 1) / manifest.docShard) {
            let file = try #require(files.first { $0.path == "search/docs/\(number).js" })
            documents += try JSONDecoder().decode([[String]].self, from: payload(file.bytes, after: "CANVASS_SEARCH_SHARD(\"docs/\(number)\", "))
        }
        #expect(files.count == 1 + fileCount + (manifest.count + manifest.docShard - 1) / manifest.docShard)
    }

    /// `shardKey` of `assets/search.js`, which knows only the files listed.
    static func scriptKey(_ term: String, shards: Set<String>) -> String {
        let units = Array(term.utf16)
        func word(_ unit: UInt16?) -> Bool { unit.map { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) } ?? false }
        guard word(units.first) else { return "_" + String(units[0] % 64, radix: 36) }
        let one = String(UnicodeScalar(UInt8(units[0])))
        guard units.count > 1, word(units[1]) else { return one }
        let two = one + String(UnicodeScalar(UInt8(units[1])))
        return shards.contains(two) ? two : one
    }
}

@Suite struct InterfaceStringsTests {
    /// Text between tags in a template must come from the string tables: no letters outside `{{…}}`.
    @Test func templatesHoldNoHardCodedText() throws {
        let folder = TemporaryProject.repositoryRoot + "/templates"
        let tag = try NSRegularExpression(pattern: #"\{\{[^}]*\}\}\}?|<[^>]*>"#)
        for name in TemplateSet.listFiles(in: folder) where name.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let stripped = tag.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
            let words = stripped.split(whereSeparator: { !$0.isLetter }).filter { word in
                // Single letters used as statistical symbols (n, p, t) and units are allowed.
                // NPS, CSAT and Kano are names of methods; `need` is the tag syntax users type (#need/…).
                word.count > 1 && !["NPS", "CSAT", "Kano", "need"].contains(String(word))
            }
            #expect(words.isEmpty, "\(name) has text outside the string tables: \(words.prefix(5))")
        }
    }
}

/// Data files and the search index write their strings byte by byte; the result must be what
/// escaping scalar by scalar gives (the reference here), and valid JSON that reads back the same.
@Suite struct JSONStringTests {
    static func scalarByScalar(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func stringsAreEscapedAsScalarByScalarAndReadBack() throws {
        let pieces = ["a", " ", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}",
                      "\u{2027}", "\u{2014}", "’", "…", "中", "👍", "e\u{301}", "</script>"]
        var random = RandomTexts(seed: 0xDA94_2042_E4DD_58B5)
        for _ in 0..<2_000 {
            let text = random.text(from: pieces, most: 10)
            let written = JSONValue.string(text).compact()
            #expect(written == Self.scalarByScalar(text), "\(text.unicodeScalars.map(\.value))")
            let read = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
            #expect(read == text)
        }
    }
}
