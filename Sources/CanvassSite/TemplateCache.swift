import CanvassCore
import CanvassRender
import Foundation

/// What `canvass serve` keeps of the theme between builds: the templates as last loaded (and
/// their diagnostics), reused while the language and every file under `templates/` are as they
/// were. Parsing the theme again took a tenth of a rebuild after a one-note edit.
public final class TemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (key: [String], result: (TemplateSet?, [Diagnostic]))?
    /// How many times the theme was actually loaded, for tests.
    public private(set) var loads = 0

    public init() {}

    func load(projectRoot: String, language: Language) -> (TemplateSet?, [Diagnostic]) {
        // Path, size, inode, and modification and change times of each file: a save changes at least the times.
        let key = [language.rawValue] + ProjectFiles.regularFiles(in: projectRoot, [TemplateSet.folder]).map { file in
            let info = file.info
            return "\(file.path) \(info.st_size) \(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
        }.sorted()
        if let last = lock.withLock({ last }), last.key == key { return last.result }
        let result = TemplateSet.load(projectRoot: projectRoot, language: language)
        lock.withLock {
            last = (key, result)
            loads += 1
        }
        return result
    }
}
