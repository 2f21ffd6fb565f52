import Foundation

/// Where a command writes: the real terminal, or a buffer in tests.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeErr: @Sendable (String) -> Void
    /// Whether standard error is a terminal: progress lines and colour only then.
    public let isTerminal: Bool
    /// Whether the process exits when the command returns (the real command line, not a test):
    /// then a build may leave memory for the exit to free at once.
    public let processExitsAfterCommand: Bool

    public init(
        isTerminal: Bool, processExitsAfterCommand: Bool = false,
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void
    ) {
        self.isTerminal = isTerminal
        self.processExitsAfterCommand = processExitsAfterCommand
        self.writeOut = out
        self.writeErr = err
    }

    public static let standard = Console(
        isTerminal: isatty(STDERR_FILENO) != 0, processExitsAfterCommand: true,
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) })

    public func out(_ text: String) {
        lock.withLock { writeOut(text) }
    }

    public func err(_ text: String) {
        lock.withLock { writeErr(text) }
    }
}

/// Collects a command's output in memory, for tests.
public final class CapturedConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    public init() {}

    public var console: Console {
        Console(isTerminal: false, out: { [self] in append($0, toErr: false) }, err: { [self] in append($0, toErr: true) })
    }

    public var stdout: String { lock.withLock { outText } }
    public var stderr: String { lock.withLock { errText } }

    private func append(_ text: String, toErr: Bool) {
        lock.withLock {
            if toErr { errText += text } else { outText += text }
        }
    }
}
