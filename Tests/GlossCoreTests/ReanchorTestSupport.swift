import Testing

@testable import GlossCore
import GlossTestSupport

/// Builds annotations on one version of an article and re-anchors them on another.
enum ReanchorFixture {
    static let created = Timestamp(millisecondsSince1970: 1_714_566_896_789)

    /// The scalar range of the `occurrence`-th (0-based) `needle` in `text`.
    static func range(of needle: String, in text: String, occurrence: Int = 0) throws -> Range<Int> {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        var seen = 0
        var start = 0
        while start + pattern.count <= haystack.count {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
                if seen == occurrence { return start..<(start + pattern.count) }
                seen += 1
            }
            start += 1
        }
        Issue.record("\"\(needle)\" (occurrence \(occurrence)) is not in the text")
        throw FixtureError.notFound
    }

    /// An anchor made the way the reader makes one: from a range of the normalized text.
    static func anchor(quoting needle: String, in article: ArticleText, occurrence: Int = 0) throws -> AnnotationAnchor {
        let range = try range(of: needle, in: article.text, occurrence: occurrence)
        return try #require(AnnotationAnchor(range: range, in: article))
    }

    static func annotation(
        _ id: String, quoting needle: String, in article: ArticleText, occurrence: Int = 0
    ) throws -> Annotation {
        Annotation(
            id: id, created: created, note: "note \(id)",
            anchor: try anchor(quoting: needle, in: article, occurrence: occurrence))
    }

    /// Re-anchors annotations made on `old` onto `new`, with or without `old` as snapshot.
    static func reanchor(
        _ annotations: [Annotation], from old: ArticleText, to new: ArticleText, keepSnapshot: Bool
    ) -> [Annotation] {
        Reanchorer.reanchor(
            annotations, storedFingerprint: ArticleFingerprint.sha256(of: old.text),
            snapshot: keepSnapshot ? old.text : nil, current: new,
            currentFingerprint: ArticleFingerprint.sha256(of: new.text))
    }

    /// One anchor re-anchored through the batch function.
    static func reanchor(
        _ anchor: AnnotationAnchor, from old: ArticleText, to new: ArticleText, keepSnapshot: Bool
    ) throws -> AnnotationAnchor {
        let annotation = Annotation(id: "a", created: created, anchor: anchor)
        let result = reanchor([annotation], from: old, to: new, keepSnapshot: keepSnapshot)
        return try #require(result.first).anchor
    }

    /// Checks that a found anchor is exactly what a fresh anchor on its range would be.
    static func expectConsistent(_ anchor: AnnotationAnchor, in article: ArticleText) {
        let fresh = AnnotationAnchor(range: anchor.position.range, in: article, status: anchor.status)
        #expect(fresh == anchor)
    }

    /// Checks what holds whatever re-anchoring decided: an orphan is the stored anchor untouched
    /// but for its status, and a found anchor is exactly a fresh anchor on its range.
    static func expectKeptOrConsistent(
        _ before: AnnotationAnchor, _ after: AnnotationAnchor, in article: ArticleText, _ comment: Comment? = nil
    ) {
        if after.status == .orphan {
            var expected = before
            expected.status = .orphan
            #expect(after == expected, comment)
        } else {
            expectConsistent(after, in: article)
        }
    }

    enum FixtureError: Error { case notFound }
}

/// Made-up texts from the shared seeded generator, so generated texts are the same each run.
struct ReanchorRandom: RandomNumberGenerator {
    private var base: SeededGenerator

    init(seed: UInt64) { base = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { base.next() }

    /// A made-up word; now and then with a non-ASCII letter, so offsets in scalars and bytes differ.
    mutating func word() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let accented: [Character] = ["é", "ü", "ø", "ß", "日", "本", "🙂"]
        var word = ""
        for _ in 0..<Int.random(in: 2...9, using: &self) {
            word.append(Int.random(in: 0..<40, using: &self) == 0
                ? accented.randomElement(using: &self) ?? "é" : letters.randomElement(using: &self) ?? "a")
        }
        return word
    }

    mutating func sentence(words: Int) -> String {
        var parts: [String] = []
        for _ in 0..<words { parts.append(word()) }
        return parts.joined(separator: " ") + "."
    }

    /// A paragraph of roughly `length` scalars.
    mutating func paragraph(length: Int) -> String {
        var text = ""
        while text.unicodeScalars.count < length {
            if !text.isEmpty { text += " " }
            text += sentence(words: Int.random(in: 4...14, using: &self))
        }
        return text
    }
}
