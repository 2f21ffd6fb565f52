import CanvassContent
import CanvassCore
import CanvassTestSupport
import Testing

/// The project that loading these files gives, for tests of what the analysis makes of it.
func loadedProject(_ files: [String: String]) throws -> Project {
    let temporary = try TemporaryProject(files, includeTheme: false)
    defer { temporary.remove() }
    let loaded = ProjectLoader(root: temporary.root).load()
    return try #require(loaded.project, "\(loaded.diagnostics.map(\.formatted))")
}
