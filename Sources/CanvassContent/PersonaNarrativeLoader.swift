import CanvassCore
import CanvassMarkdown
import Foundation

/// Reads `content/personas/*.md` (SPEC §3.6): front matter `id` (required), `name`, `summary`,
/// `photo` (relative to the file); the body replaces the generated description.
struct PersonaNarrativeLoader {
    static let keys = ["id", "name", "summary", "photo"]

    let file: SourceFile
    let projectRoot: String

    func load() -> (PersonaNarrative?, [Diagnostic]) {
        guard case .success(let split) = FrontMatter.split(file.text), let yaml = split.yaml else {
            return (nil, [file.diagnostic(
                .error, "persona narrative needs front matter with an `id`", line: 1, column: 1,
                hint: "start the file with `---`, `id: <persona id>` and `---`")])
        }
        let reader = YAMLReader(file: file, firstLine: split.yamlFirstLine)
        guard let root = reader.parse(yaml), let fields = reader.fields(root, "front matter", allowed: Self.keys) else {
            return (nil, reader.diagnostics)
        }
        guard let id = fields.string("id"), !id.isEmpty else {
            reader.error("persona narrative has no `id`", at: root, hint: "the id of the persona it describes, as on its page's address")
            return (nil, reader.diagnostics)
        }
        var photo: String?
        if let node = fields["photo"], let written = reader.string(node, "`photo`") {
            let folder = (file.path as NSString).deletingLastPathComponent
            let relative = ((folder as NSString).appendingPathComponent(written) as NSString).standardizingPath
            if written.hasPrefix("/") || relative.hasPrefix("..") || !relative.hasPrefix("content/") {
                reader.error("`photo` must be a file inside content/", at: node)
            } else if !FileManager.default.fileExists(atPath: (projectRoot as NSString).appendingPathComponent(relative)) {
                reader.error("photo `\(written)` does not exist", at: node, hint: "paths are relative to \(folder)/")
            } else {
                photo = relative
            }
        }
        let narrative = PersonaNarrative(
            id: id, name: fields.string("name"), summary: fields.string("summary"), photo: photo,
            body: CommonMark.parse(split.body, firstLine: split.bodyFirstLine), file: file.path)
        return (reader.diagnostics.hasErrors ? nil : narrative, reader.diagnostics)
    }
}
