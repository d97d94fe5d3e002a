import Foundation
import Testing
import GlossTestSupport
import Yams

@testable import GlossCore

/// Builds export documents and reads Markdown exports back the way a reader of the file would:
/// front matter with Yams, the body with the app's own CommonMark loader (cmark-gfm).
enum ExportFixture {
    static let created = Timestamp(millisecondsSince1970: 1_795_514_400_000)  // 2026-11-24T10:00:00Z

    static func highlight(
        id: String, quote: String, note: String = "", color: String = "yellow", paragraph: Int = 1,
        paragraphEnd: Int? = nil, section: String? = nil, status: AnchorStatus = .exact,
        created: Timestamp = ExportFixture.created, modified: Timestamp? = nil
    ) -> ExportHighlight {
        let anchor = AnnotationAnchor(
            quote: TextQuoteSelector(exact: quote), position: TextPositionSelector(start: 0, end: 0),
            blockIndex: paragraph - 1, blockEnd: (paragraphEnd ?? paragraph) - 1, status: status)
        let annotation = Annotation(
            id: id, created: created, modified: modified, color: color, note: note, anchor: anchor)
        return ExportHighlight(annotation, section: section)
    }

    static func document(
        title: String = "A title", author: String? = nil, source: String? = nil, url: String? = nil,
        date: String? = nil, file: String = "article.md", tags: [String] = [],
        highlights: [ExportHighlight] = [], orphans: [ExportHighlight] = []
    ) -> ExportDocument {
        let all = highlights + orphans
        let article = ExportArticle(
            title: title, author: author, source: source, url: url, date: date, file: file,
            fingerprint: "0000", tags: tags, updated: all.map(\.modified).max())
        return ExportDocument(article: article, highlights: highlights, orphans: orphans)
    }

    /// A UUID-like id whose block id is predictable.
    static func id(_ index: Int) -> String {
        let hex = String(index, radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex + "-0000-4000-8000-000000000000"
    }
}

/// What the export promises to render back: the text in NFC; for a note, without the line
/// breaks at its end (a Markdown paragraph cannot end in one).
enum ExportExpectation {
    static func quote(_ text: String) -> [Unicode.Scalar] {
        Array(ArticleText.nfc(text).unicodeScalars)
    }

    /// A note as its own Markdown reads, alone: notes are exported as written.
    static func note(_ text: String) -> [Unicode.Scalar] {
        ExportReadBack.expectedNote(text)
    }

    /// A front matter value as Yams reads it back: Yams decodes scalars with Foundation, which
    /// drops a byte order mark at the start of a string (a reader's quirk; the file holds it).
    static func yaml(_ text: String) -> [Unicode.Scalar] {
        var scalars = quote(text)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        return scalars
    }

    static func isNFC(_ text: String) -> Bool {
        Array(ArticleText.nfc(text).unicodeScalars) == Array(text.unicodeScalars)
    }
}

/// Compares `actual` with `Golden/<name>`, byte for byte; `RECORD_GOLDEN=1` writes it instead.
func expectGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
    if let failure = GoldenFile.mismatch(actual, file: file) { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
}

/// Checks that two texts are the same bytes; a mismatch reports the differing lines.
func expectSameBytes(
    _ actual: String, _ expected: String, _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let diff = GoldenFile.lineDiff(expected: expected, actual: actual) else { return }
    Issue.record("\(context) differs:\n\(diff)", sourceLocation: sourceLocation)
}
