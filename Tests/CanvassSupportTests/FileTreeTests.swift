import CanvassSupport
import Foundation
import Testing

/// `FileTree` replaced `FileManager`'s enumerator for listing notes, pages, templates and the files
/// `serve` watches; it must list the same entries.
@Suite struct FileTreeTests {
    @Test func listsWhatFileManagerListsWithoutFollowingFolderLinks() throws {
        let root = NSTemporaryDirectory() + "canvass-tree-" + UUID().uuidString
        let outside = root + "-outside"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        let manager = FileManager.default
        for folder in [root + "/a/b/c", root + "/.hidden", root + "/empty", outside] {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        for file in ["top.md", "a/one.md", "a/b/two.md", "a/b/c/three.md", ".hidden/four.md", "访谈/五.md"] {
            try manager.createDirectory(atPath: (root + "/" + file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: outside + "/secret.md"))
        try manager.createSymbolicLink(atPath: root + "/a/linked", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: root + "/a/link.md", withDestinationPath: root + "/top.md")

        var expected: [String] = []
        let enumerator = try #require(manager.enumerator(atPath: root))
        while let item = enumerator.nextObject() as? String { expected.append(item) }
        let listed = FileTree.entries(under: root)
        #expect(listed.sorted() == expected.sorted())
        #expect(listed.contains("a/b/c/three.md") && listed.contains("访谈/五.md") && listed.contains("a/linked"))
        #expect(!listed.contains("a/linked/secret.md"))
        #expect(FileTree.entries(under: root + "/missing").isEmpty)
    }
}
