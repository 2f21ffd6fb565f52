import CanvassCore
import CanvassMarkdown

/// Entry points for the fuzz harness in `Tests/Fuzz`: each reads untrusted text the way a build
/// does and returns how many diagnostics it produced. Any crash, hang or unbounded allocation
/// found through them is a bug in the loaders.
public enum FuzzEntryPoints {
    public static func frontMatter(_ text: String) -> Int {
        switch FrontMatter.split(text) {
        case .success(let split): return split.yaml?.count ?? 0
        case .failure: return 1
        }
    }

    public static func tags(_ text: String) -> Int {
        TagScanner.matches(in: text).count + ExcerptExtractor.extract(from: CommonMark.parse(text)).excerpts.count
    }

    public static func csv(_ text: String) -> Int {
        let (table, diagnostics) = CSVReader(file: SourceFile(path: "fuzz.csv", text: text)).read()
        return (table?.records.count ?? 0) + diagnostics.count
    }

    public static func config(_ text: String) -> Int {
        ConfigLoader(file: SourceFile(path: "canvass.yml", text: text)).load().1.count
    }

    /// The YAML readers against each other: a document `SimpleYAML` reads must be what Yams reads,
    /// places included; a disagreement stops the fuzzer with both results.
    public static func yaml(_ text: String) -> Int {
        guard let simple = SimpleYAML.compose(text) else { return 0 }
        let yams = try? YAMLReader.composeWithYams(text)
        precondition(simple == yams, "SimpleYAML read \(simple), Yams \(String(describing: yams))")
        return 1
    }

    public static func note(_ text: String) -> Int {
        NoteLoader(file: SourceFile(path: "content/interviews/fuzz.md", text: text)).load().1.count
    }
}
