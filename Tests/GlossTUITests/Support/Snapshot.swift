import Foundation
import GlossTUI
import Testing

/// Compares a screen with `Snapshots/<name>.txt`; `RECORD_SNAPSHOTS=1` writes it instead.
/// A mismatch reports the differing lines.
func expectSnapshot(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent("\(name).txt")
    let actual = buffer.trimmedLines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing snapshot \(file.lastPathComponent); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(e.count, a.count) {
        let l = i < e.count ? String(e[i]) : "<none>"
        let r = i < a.count ? String(a[i]) : "<none>"
        if l != r { diff.append("line \(i + 1):\n  - \(l)\n  + \(r)") }
    }
    let shown = diff.prefix(12).joined(separator: "\n")
    Issue.record("snapshot \(name) differs:\n\(shown)", sourceLocation: sourceLocation)
}
