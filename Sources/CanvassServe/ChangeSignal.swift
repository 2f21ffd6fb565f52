import CanvassCore
import Foundation

#if canImport(Glibc)
import Glibc

/// Wakes `serve`'s watcher as soon as something under the watched folders is written, moved or
/// deleted (Linux inotify), so that an edit does not wait for the next look. It only says *that*
/// something happened; what changed is still read from the files' stamps. Nil where inotify is
/// unavailable or refuses a watch; the watcher then looks at a fixed interval. Used by the
/// watcher thread alone.
final class ChangeSignal: @unchecked Sendable {
    private let descriptor: Int32
    private let root: String
    private let folders: [String]
    private static let events = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

    /// Watches `root` itself (for `canvass.yml`, and folders appearing) and every folder under
    /// each of `folders`, project-relative.
    init?(root: String, folders: [String]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        self.root = root
        self.folders = folders
        guard addWatches() else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Adds a watch to every folder not yet watched (adding one twice is harmless); false when
    /// the kernel refuses one, e.g. past `max_user_watches`.
    private func addWatches() -> Bool {
        var paths = [root]
        for folder in folders {
            let top = root + "/" + folder
            var info = stat()
            guard stat(top, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            paths.append(top)
            paths += FileTree.folders(under: top).map { top + "/" + $0 }
        }
        return paths.allSatisfy { inotify_add_watch(descriptor, $0, Self.events) >= 0 }
    }

    /// Waits up to `timeout` seconds for a change; true when one came. Events that arrive within
    /// `settle` seconds of the first are taken with it, so a save that writes several files (or a
    /// checkout) costs one rebuild. New folders are watched before this returns.
    func wait(timeout: Double, settle: Double = 0.01) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(timeout * 1000)) > 0 else { return false }
        usleep(useconds_t(settle * 1_000_000))
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var folderChanged = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)
                    if mask & UInt32(IN_ISDIR) != 0 || mask & UInt32(IN_Q_OVERFLOW) != 0 { folderChanged = true }
                    offset += MemoryLayout<inotify_event>.size + Int(length)
                }
            }
        }
        if folderChanged { _ = addWatches() }
        return true
    }
}
#else
final class ChangeSignal: @unchecked Sendable {
    init?(root: String, folders: [String]) { nil }
    func wait(timeout: Double, settle: Double = 0.01) -> Bool { false }
}
#endif
