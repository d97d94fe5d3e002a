import Foundation

/// Expected output kept in a file beside the tests (export goldens, screen snapshots, dumps).
/// `RECORD_GOLDEN=1` writes the files instead of comparing; `RECORD_SNAPSHOTS=1`, the older name
/// for screen snapshots, does the same.
public enum GoldenFile {
    /// True when the run records expected output instead of checking it.
    public static var isRecording: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["RECORD_GOLDEN"] == "1" || environment["RECORD_SNAPSHOTS"] == "1"
    }

    /// Compares `actual` with the file at `url`, byte for byte, and returns what is wrong: nil when
    /// they match (or when recording, which writes `actual` to the file).
    public static func mismatch(_ actual: String, file url: URL) -> String? {
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try Data(actual.utf8).write(to: url, options: .atomic)
                return nil
            } catch {
                return "could not record \(url.lastPathComponent): \(error)"
            }
        }
        guard let data = try? Data(contentsOf: url) else {
            return "missing golden file \(url.lastPathComponent); run with RECORD_GOLDEN=1"
        }
        guard let diff = lineDiff(expected: String(decoding: data, as: UTF8.self), actual: actual) else { return nil }
        return "\(url.lastPathComponent) differs:\n\(diff)"
    }

    /// The first differing lines of two texts, compared byte for byte; nil when they are the same bytes.
    public static func lineDiff(expected: String, actual: String) -> String? {
        guard Array(expected.utf8) != Array(actual.utf8) else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? String(old[index]) : "<none>"
            let after = index < new.count ? String(new[index]) : "<none>"
            if Array(before.utf8) != Array(after.utf8) {
                diff.append("line \(index + 1):\n  - \(before.debugDescription)\n  + \(after.debugDescription)")
            }
        }
        return diff.prefix(12).joined(separator: "\n")
    }
}
