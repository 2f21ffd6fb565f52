import CanvassCore

/// The search index as the files `assets/search.js` reads, each a script (browsers refuse `fetch`
/// from `file://`), split so that a search loads only what it reads: at 10,000 notes the whole
/// index is tens of megabytes.
///
/// * `search/index.js` sets `window.CANVASS_SEARCH = {version, count, docShard, types, docTypes,
///   shards}`: the number of documents, how many each document file holds, the document types,
///   every document's type as one base-36 digit into `types`, and for each `shardKey` that has
///   terms the number of the term file that holds them.
/// * `search/terms/<n>.js` holds the terms of some keys, taken in key order up to about
///   `largestShard` bytes (a small study has one): each term's documents, and the documents
///   whose title holds it (they rank first).
/// * `search/docs/<n>.js` holds documents `n × docShard` up to the next file's, each
///   `[type, title, text, url]`.
///
/// A term or document file calls `CANVASS_SEARCH_SHARD(name, data)`. Document numbers are written
/// as gaps (the first number, then each one's distance from the one before): at 10,000 notes that
/// makes the term lists 7 MB rather than 20 MB.
extension SearchIndex {
    /// Documents per document file.
    static let documentsPerShard = 512

    /// A term file's size in estimated bytes: the terms of a first letter with more are split
    /// again by their first two, and keys are taken into one file up to it.
    static let largestShard = 192 * 1024

    /// The key a term is filed under: a term starting with an ASCII letter or digit by that
    /// character, or by its first two when they are both such and the terms of that first one are
    /// `split`; any other by its first UTF-16 unit modulo 64, in base 36 after `_` — as
    /// `shardKey` in `assets/search.js` works it out from the keys the manifest lists.
    static func shardKey(_ term: String, split: Set<String>) -> String {
        let units = Array(term.utf16.prefix(2))
        func isWordASCII(_ unit: UInt16) -> Bool { (unit >= 0x61 && unit <= 0x7A) || (unit >= 0x30 && unit <= 0x39) }
        guard let first = units.first, isWordASCII(first) else { return "_" + String((units.first ?? 0) % 64, radix: 36) }
        let one = String(UnicodeScalar(UInt8(first)))
        guard units.count > 1, isWordASCII(units[1]), split.contains(one) else { return one }
        return one + String(UnicodeScalar(UInt8(units[1])))
    }

    /// Every file of the index: `search/index.js`, then the term files, then the document files,
    /// each kind in order.
    public func files() -> [(path: String, bytes: [UInt8])] {
        let types = Array(Set(documents.map(\.type))).sorted()
        let typeNumber = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        // Terms by first letter; a letter with too many postings for one file, by first two.
        var sizes: [String: Int] = [:]
        for entry in sortedTerms {
            sizes[Self.shardKey(entry.term, split: []), default: 0] += entry.term.utf8.count + 4 * entry.documents.count + 4
        }
        let split = Set(sizes.filter { !$0.key.hasPrefix("_") && $0.value > Self.largestShard }.keys)
        var shards: [String: [(term: String, documents: ArraySlice<Int32>)]] = [:]
        var keySizes: [String: Int] = [:]
        for entry in sortedTerms {
            let key = Self.shardKey(entry.term, split: split)
            shards[key, default: []].append(entry)
            keySizes[key, default: 0] += entry.term.utf8.count + 4 * entry.documents.count + 4
        }
        // Keys in order into files of about `largestShard` bytes each.
        var groups: [[String]] = []
        var groupSize = 0
        for key in shards.keys.sorted() {
            if groups.isEmpty || groupSize + keySizes[key]! > Self.largestShard && !groups[groups.count - 1].isEmpty {
                groups.append([])
                groupSize = 0
            }
            groups[groups.count - 1].append(key)
            groupSize += keySizes[key]!
        }

        var manifest: [UInt8] = []
        manifest.append(contentsOf: "window.CANVASS_SEARCH = {\"version\": 2, \"count\": ".utf8)
        JSONValue.writeDecimal(documents.count, into: &manifest)
        manifest.append(contentsOf: ", \"docShard\": ".utf8)
        JSONValue.writeDecimal(Self.documentsPerShard, into: &manifest)
        manifest.append(contentsOf: ", \"types\": ".utf8)
        writeStrings(types, into: &manifest)
        manifest.append(contentsOf: ", \"docTypes\": \"".utf8)
        // One base-36 digit per document: the site has seven kinds of document.
        precondition(types.count <= 36, "more document types than one digit can number")
        for document in documents { manifest.append(Array(String(typeNumber[document.type]!, radix: 36).utf8)[0]) }
        manifest.append(contentsOf: "\", \"shards\": {".utf8)
        for (number, group) in groups.enumerated() {
            for key in group {
                if manifest.last != UInt8(ascii: "{") { manifest.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, into: &manifest)
                manifest.append(UInt8(ascii: ":"))
                JSONValue.writeDecimal(number, into: &manifest)
            }
        }
        manifest.append(contentsOf: "}};\n".utf8)

        var files: [(path: String, bytes: [UInt8])] = [("search/index.js", manifest)]
        for (number, group) in groups.enumerated() {
            let entries = group.flatMap { shards[$0]! }
            var out: [UInt8] = []
            out.append(contentsOf: "CANVASS_SEARCH_SHARD(\"terms/\(number)\", {\"terms\": {".utf8)
            for (index, entry) in entries.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(entry.term, into: &out)
                out.append(UInt8(ascii: ":"))
                writeGaps(entry.documents, into: &out)
            }
            out.append(contentsOf: "}, \"titles\": {".utf8)
            var first = true
            for entry in entries {
                guard let titled = titleDocuments[entry.term], !titled.isEmpty else { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONValue.writeString(entry.term, into: &out)
                out.append(UInt8(ascii: ":"))
                writeGaps(titled[...], into: &out)
            }
            out.append(contentsOf: "}});\n".utf8)
            files.append(("search/terms/\(number).js", out))
        }
        for (number, start) in stride(from: 0, to: documents.count, by: Self.documentsPerShard).enumerated() {
            var out: [UInt8] = []
            out.append(contentsOf: "CANVASS_SEARCH_SHARD(\"docs/\(number)\", [".utf8)
            for (index, document) in documents[start..<min(start + Self.documentsPerShard, documents.count)].enumerated() {
                out.append(contentsOf: (index == 0 ? "[" : ",[").utf8)
                writeStrings([document.type, document.title, document.text, document.url], into: &out, bracketed: false)
                out.append(UInt8(ascii: "]"))
            }
            out.append(contentsOf: "]);\n".utf8)
            files.append(("search/docs/\(number).js", out))
        }
        return files
    }

    private func writeStrings(_ strings: [String], into out: inout [UInt8], bracketed: Bool = true) {
        if bracketed { out.append(UInt8(ascii: "[")) }
        for (index, text) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(text, into: &out)
        }
        if bracketed { out.append(UInt8(ascii: "]")) }
    }

    private func writeGaps(_ documents: ArraySlice<Int32>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        var previous: Int32 = 0
        for (position, document) in documents.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeDecimal(Int(document - previous), into: &out)
            previous = document
        }
        out.append(UInt8(ascii: "]"))
    }
}
