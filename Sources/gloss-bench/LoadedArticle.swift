import GlossCore
import GlossStorage
import GlossTestSupport

/// An article loaded the way gloss loads it (whole file read, then `ArticleLoader`), with the
/// normalized text and identity its annotations are anchored on.
struct LoadedArticle {
    var article: Article
    var text: ArticleText
    var identity: ArticleIdentity

    /// `relativePath` is the path gloss stores annotations under: relative to the articles directory.
    static func load(path: String, relativePath: String) throws(BenchError) -> LoadedArticle {
        let article = try loadArticle(path: path)
        let text = ArticleText(article)
        let identity = ArticleIdentity(
            path: relativePath, title: article.metadata.title, fingerprint: ArticleFingerprint.sha256(of: text))
        return LoadedArticle(article: article, text: text, identity: identity)
    }

    /// Reads and parses the file as `gloss read` does.
    static func loadArticle(path: String) throws(BenchError) -> Article {
        do {
            let bytes = try ArticleFile.read(path)
            return try ArticleLoader.load(bytes: bytes, fileName: String(path.split(separator: "/").last ?? ""))
        } catch {
            throw .failed("cannot load \(path): \(error)")
        }
    }

    /// `count` highlights spread evenly over the article's paragraphs, each a run of 20 to 120
    /// characters inside one paragraph; every third has a note with a tag. Repeatable for a seed.
    func annotations(count: Int, seed: UInt64 = 7) -> [Annotation] {
        var random = SeededGenerator(seed: seed)
        let paragraphs = article.blocks.indices.filter { !article.blocks[$0].isHeading && text.blockLengths[$0] > 0 }
        guard !paragraphs.isEmpty else { return [] }
        let tags = ["#harbour", "#council", "#weather", "#follow-up", "#quote"]
        var result: [Annotation] = []
        result.reserveCapacity(count)
        for number in 0..<count {
            let block = paragraphs[number * paragraphs.count / max(1, count)]
            guard let range = text.range(ofBlock: block) else { continue }
            let length = min(range.count, random.integer(in: 20...120))
            let start = random.index(below: range.count - length + 1)
            guard let anchor = anchor(block: block, range: start..<(start + length)) else { continue }
            let created = Timestamp(millisecondsSince1970: 1_700_000_000_000 + Int64(number) * 60_000)
            let note = number % 3 == 0 ? "Check this against the council minutes \(random.pick(tags))" : ""
            let colors = ["yellow", "green", "blue", "red"]
            result.append(Annotation(
                id: AnnotationID.random(using: &random), created: created, color: colors[number % colors.count],
                note: note, anchor: anchor))
        }
        return result
    }

    /// The anchor of `range` (scalar offsets in block `block`), as `AnnotationAnchor(range:in:)`
    /// makes it, but cut from the block and its neighbours instead of the whole text, which
    /// would cost a walk from the start of the article for every annotation.
    func anchor(block: Int, range: Range<Int>) -> AnnotationAnchor? {
        let blocks = article.blocks
        guard blocks.indices.contains(block), let start = text.articleOffset(block: block, offset: range.lowerBound) else {
            return nil
        }
        let before = block > 0 ? blocks[block - 1].text + ArticleText.separator : ""
        let after = block + 1 < blocks.count ? ArticleText.separator + blocks[block + 1].text : ""
        let shift = before.unicodeScalars.count
        let window = before + blocks[block].text + after
        guard let quote = TextQuoteSelector(in: window, range: (shift + range.lowerBound)..<(shift + range.upperBound)) else {
            return nil
        }
        return AnnotationAnchor(
            quote: quote, position: TextPositionSelector(start: start, end: start + range.count), blockIndex: block)
    }

    /// Saves `annotations` with the real store into `dataDirectory`.
    func store(_ annotations: [Annotation], dataDirectory: String) throws(BenchError) {
        do {
            _ = try AnnotationStore(dataDirectory: dataDirectory)
                .apply(annotations.map(AnnotationChange.upsert), to: identity, anchoredOn: text.text)
        } catch {
            throw .failed("cannot store annotations in \(dataDirectory): \(error.description)")
        }
    }

    /// What gloss's status line counts to for this article.
    func target(path: String) -> ScreenTarget {
        ScreenTarget(
            path: path, fileName: String(path.split(separator: "/").last ?? ""), blockCount: article.blocks.count)
    }
}
