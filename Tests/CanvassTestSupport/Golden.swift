import Foundation

/// Compares output with a golden file beside the tests; `CANVASS_RECORD=1` re-records it.
///
/// Recording always reports a failure, so a recorded run can never pass unnoticed.
public enum Golden {
    public enum Outcome: Equatable {
        case matches
        case differs(String)
        case recorded(String)
    }

    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["CANVASS_RECORD"] == "1"
    }

    /// `path` is absolute; returns what happened so the caller records a test issue.
    public static func compare(_ actual: String, toFileAt path: String) -> Outcome {
        let existing = try? String(contentsOfFile: path, encoding: .utf8)
        if isRecording || existing == nil {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return .recorded("recorded \(path); run again without CANVASS_RECORD to compare")
        }
        guard let existing, existing != actual else { return .matches }
        return .differs(firstDifference(existing, actual, path: path))
    }

    static func firstDifference(_ expected: String, _ actual: String, path: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end of file>"
            let right = index < b.count ? String(b[index]) : "<end of file>"
            if left != right {
                return "\(path):\(index + 1) differs\n  expected: \(left)\n  actual:   \(right)\n(set CANVASS_RECORD=1 to re-record if the change is intended)"
            }
        }
        return "\(path) differs"
    }
}
