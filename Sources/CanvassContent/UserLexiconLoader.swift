import CanvassCore

/// Reads `content/data/lexicon.yml`: valences must be numbers from −4 to 4.
struct UserLexiconLoader {
    let file: SourceFile

    func load() -> (UserLexicon?, [Diagnostic]) {
        let reader = YAMLReader(file: file)
        guard let root = reader.parse(file.text) else { return (reader.diagnostics.isEmpty ? UserLexicon() : nil, reader.diagnostics) }
        guard let fields = reader.fields(root, "the lexicon", allowed: ["en", "zh", "stopwords"]) else { return (nil, reader.diagnostics) }
        func valences(_ key: String) -> [String: Double] {
            guard let node = fields[key], let entries = reader.mapping(node, "`\(key)`") else { return [:] }
            var table: [String: Double] = [:]
            for entry in entries {
                guard let value = reader.number(entry.value, "the valence of `\(entry.key)`") else { continue }
                guard (-4...4).contains(value) else {
                    reader.error("the valence of `\(entry.key)` must be between −4 and 4", at: entry.value, hint: "VADER's scale: −4 most negative, +4 most positive")
                    continue
                }
                table[entry.key] = value
            }
            return table
        }
        let lexicon = UserLexicon(english: valences("en"), chinese: valences("zh"), stopwords: fields.strings("stopwords") ?? [])
        return (reader.diagnostics.hasErrors ? nil : lexicon, reader.diagnostics)
    }
}
