import Foundation
import GlossTUI
import GlossTestSupport
import Testing

/// Compares a screen with `Snapshots/<name>.txt`; `RECORD_GOLDEN=1` (or the older
/// `RECORD_SNAPSHOTS=1`) writes it instead. A mismatch reports the differing lines.
func expectSnapshot(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots/\(name).txt")
    let actual = buffer.trimmedLines.joined(separator: "\n") + "\n"
    if let failure = GoldenFile.mismatch(actual, file: file) { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
}
