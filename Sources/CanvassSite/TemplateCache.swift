import CanvassCore
import CanvassRender
import Foundation

/// What `canvass serve` keeps of the theme between builds: the templates as last loaded (and
/// their diagnostics), reused while the language and every file under `templates/` are as they
/// were. Parsing the theme again took a tenth of a rebuild after a one-note edit.
public final class TemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (language: Language, files: [String: FileIdentity], result: (TemplateSet?, [Diagnostic]))?
    /// How many times the theme was actually loaded, for tests.
    public private(set) var loads = 0

    public init() {}

    func load(projectRoot: String, language: Language) -> (TemplateSet?, [Diagnostic]) {
        let files = Dictionary(
            ProjectFiles.regularFiles(in: projectRoot, [TemplateSet.folder]).map { ($0.path, FileIdentity($0.info)) }, uniquingKeysWith: { first, _ in first })
        if let last = lock.withLock({ last }), last.language == language, last.files == files { return last.result }
        let result = TemplateSet.load(projectRoot: projectRoot, language: language)
        lock.withLock {
            last = (language, files, result)
            loads += 1
        }
        return result
    }
}
