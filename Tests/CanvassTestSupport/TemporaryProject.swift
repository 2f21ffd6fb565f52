import Foundation

/// An inline fixture project: `[path: contents]` written to a fresh temporary folder
/// (the way Hugo's txtar tests and Publish's test cases describe small sites).
public struct TemporaryProject {
    public let root: String

    /// A minimal valid config, used when `files` has no `canvass.yml`.
    public static let defaultConfig = """
    title: "Test study"
    dimensions:
      - {id: service, label: "Service", weight: 1}
      - {id: price, label: "Price", weight: 1}
    """

    public init(_ files: [String: String], includeTheme: Bool = true) throws {
        root = NSTemporaryDirectory() + "canvass-test-" + UUID().uuidString
        var all = files
        if all["canvass.yml"] == nil { all["canvass.yml"] = Self.defaultConfig }
        for (path, contents) in all {
            try write(contents, to: path)
        }
        if includeTheme { try Self.copyDefaultTheme(to: root + "/templates") }
    }

    public func write(_ contents: String, to path: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: full, atomically: false, encoding: .utf8)
    }

    public func read(_ path: String) -> String? {
        try? String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The repository's own `templates/`, the default theme.
    public static var repositoryRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        fatalError("tests must run inside the repository")
    }

    static func copyDefaultTheme(to destination: String) throws {
        try? FileManager.default.removeItem(atPath: destination)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: destination)
    }

    /// A copy of the fixture project `Tests/Fixtures/NAME` in a temporary folder, with the default
    /// theme, so a test may build and modify it freely.
    public static func fixture(_ name: String) throws -> TemporaryProject {
        let source = repositoryRoot + "/Tests/Fixtures/" + name
        return try TemporaryProject(snapshot(of: source).mapValues { String(decoding: $0, as: UTF8.self) })
    }

    /// Every file below `folder`, relative path → bytes, for comparing whole sites.
    public static func snapshot(of folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[item] = FileManager.default.contents(atPath: folder + "/" + item)
            }
        }
        return files
    }
}
