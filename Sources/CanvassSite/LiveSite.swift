import CanvassCore
import CanvassRender
import Foundation

/// One successful build held in memory by `canvass serve`: pages render when first asked for and
/// are kept, so an edit costs one load and analysis plus the pages actually viewed.
public final class LiveSite: @unchecked Sendable {
    let renderer: SiteRenderer
    private let pages: [String: SiteRenderer.Page]
    private let lock = NSLock()
    private var files: [String: [UInt8]]
    private var otherFilesRendered = false

    init(renderer: SiteRenderer, staticFiles: [OutputFileData]) {
        self.renderer = renderer
        pages = Dictionary(renderer.pages.map { ($0.path.path, $0) }, uniquingKeysWith: { first, _ in first })
        files = Dictionary(staticFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }

    /// A page that could not be rendered, and why.
    public struct RenderFailure: Error {
        public let diagnostic: Diagnostic
    }

    /// The bytes of the file at `path` (relative to the site root, e.g. `notes/x/index.html`), or
    /// nil when the site has no such file; throws when the page is there but could not be rendered.
    public func file(at path: String) throws(RenderFailure) -> [UInt8]? {
        if let known = lock.withLock({ files[path] }) { return known }
        if let page = pages[path] {
            switch renderer.render(page) {
            case .failure(let diagnostic): throw RenderFailure(diagnostic: diagnostic)
            case .success(let html):
                let bytes = Array(html.utf8)
                lock.withLock { files[path] = bytes }
                return bytes
            }
        }
        let needsOthers = lock.withLock { !otherFilesRendered }
        guard needsOthers else { return nil }
        let others = renderer.otherFiles()
        return lock.withLock {
            for file in others { files[file.path] = file.bytes }
            otherFilesRendered = true
            return files[path]
        }
    }

    /// Pages rendered so far, for tests.
    public var renderedPageCount: Int {
        lock.withLock { files.keys.filter { pages[$0] != nil }.count }
    }
}
