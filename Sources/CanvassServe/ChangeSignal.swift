import CanvassCore
import CanvassSupport
import Foundation

#if canImport(Glibc)
import Glibc

/// Wakes `serve`'s watcher as soon as something under the watched folders is written, moved or
/// deleted (Linux inotify), so that an edit does not wait for the next look, and says which files
/// the kernel named, so that the watcher looks at those alone. Nil where inotify is unavailable or
/// refuses a watch; the watcher then looks at every file at a fixed interval. Used by the watcher
/// thread alone.
final class ChangeSignal: @unchecked Sendable {
    /// What a wait saw.
    enum Change: Equatable {
        /// Nothing within the timeout.
        case none
        /// Files named by the kernel, project-relative (some may be gone, or not inputs at all).
        case files(Set<String>)
        /// Something only a look at every file can tell: a folder came or went, or events were lost.
        case unknown
    }

    private let descriptor: Int32
    private let root: String
    private let folders: [String]
    /// Each watch's folder, project-relative (`""` for the root).
    private var folderOf: [Int32: String] = [:]
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
        var relatives = [""]
        for folder in folders {
            var info = stat()
            guard stat(root + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            relatives.append(folder)
            relatives += FileTree.folders(under: root + "/" + folder).map { folder + "/" + $0 }
        }
        for relative in relatives {
            let watch = inotify_add_watch(descriptor, relative.isEmpty ? root : root + "/" + relative, Self.events)
            guard watch >= 0 else { return false }
            folderOf[watch] = relative
        }
        return true
    }

    /// Waits up to `timeout` seconds for a change. Events that arrive within `settle` seconds of
    /// the first are taken with it, so a save that writes several files (or a checkout) costs one
    /// rebuild. New folders are watched before this returns.
    func wait(timeout: Double, settle: Double = 0.005) -> Change {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(timeout * 1000)) > 0 else { return .none }
        usleep(useconds_t(settle * 1_000_000))
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var files = Set<String>()
        var unknown = false
        let header = MemoryLayout<inotify_event>.size
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                // struct inotify_event: watch, mask, cookie, name length, then the name padded with NULs.
                while offset + header <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + header)..<min(offset + header + length, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if mask & UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF) != 0 || name.isEmpty {
                        unknown = true
                    } else if let folder = folderOf[watch] {
                        files.insert(folder.isEmpty ? name : folder + "/" + name)
                    } else {
                        unknown = true
                    }
                    offset += header + length
                }
            }
        }
        if unknown { _ = addWatches() }
        return unknown ? .unknown : .files(files)
    }
}
#else
final class ChangeSignal: @unchecked Sendable {
    enum Change: Equatable {
        case none
        case files(Set<String>)
        case unknown
    }

    init?(root: String, folders: [String]) { nil }
    func wait(timeout: Double, settle: Double = 0.005) -> Change { .none }
}
#endif
