import CanvassCore
import CanvassSupport
import Foundation

/// The files a build reads, and a walker over folders: shared by the build cache (which digests
/// them) and `serve` (which watches their size and modification time).
public enum ProjectFiles {
    /// What a build reads, relative to the project root.
    public static let inputs = ["canvass.yml", "content", "templates"]

    /// Every regular file at or under `entries` of `root` (each a file or a folder, "." for `root`
    /// itself), project-relative, with its `stat`. Entries that do not exist are skipped.
    public static func regularFiles(in root: String, _ entries: [String] = inputs) -> [(path: String, info: stat)] {
        var result: [(path: String, info: stat)] = []
        func add(_ relative: String) {
            var info = stat()
            guard stat(root + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
            result.append((relative, info))
        }
        for entry in entries {
            add(entry)
            for item in FileTree.entries(under: root + "/" + entry) {
                add(entry == "." ? item : entry + "/" + item)
            }
        }
        return result
    }
}
