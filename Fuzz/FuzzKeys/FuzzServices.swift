import GlossCore
import GlossTUI

/// Reader services kept in memory: a small library whose first article comes from the fuzz
/// input, annotations stored per article, and an external editor that returns a fixed text.
final class FuzzServices: ReaderServices {
    private let articles: [String: Article]
    private var stored: [String: [Annotation]] = [:]
    private let editedText: String
    private let failsSaves: Bool

    init(fuzzed: Article, editedText: String, failsSaves: Bool) {
        articles = ["fuzzed.md": fuzzed, "fixed.md": Self.fixedArticle, "empty.txt": Article(
            metadata: ArticleMetadata(title: "empty.txt"), format: .plainLines, blocks: [])]
        self.editedText = editedText
        self.failsSaves = failsSaves
    }

    func loadLibrary() -> Result<[LibraryItem], ServiceFailure> {
        var items = articles.keys.sorted().map { path in
            LibraryItem(
                relativePath: path, title: articles[path]?.metadata.title ?? path, source: "Wire",
                date: "2026-10-02", tags: ["energy", "漢字"], words: 100, minutes: 1,
                progress: path == "fixed.md" ? 40 : nil, annotationCount: stored[path]?.count ?? 0)
        }
        items.append(LibraryItem(relativePath: "gone.md", title: "\u{1B}[31mgone\u{7}", problem: "cannot read file"))
        return .success(items)
    }

    func openArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> {
        guard let article = articles[relativePath] else { return .failure(ServiceFailure("cannot read \(relativePath)")) }
        return .success(OpenedArticle(
            relativePath: relativePath, article: article, savedFocus: relativePath == "fixed.md" ? 3 : nil,
            annotations: stored[relativePath] ?? [], annotationsPending: relativePath == "fuzzed.md"))
    }

    func saveReadingPosition(relativePath: String, block: Int, percent: Int) -> ServiceFailure? { nil }

    func loadAnnotations(relativePath: String) -> LoadedAnnotations {
        let article = articles[relativePath] ?? Article(metadata: ArticleMetadata(title: ""), format: .markdown, blocks: [])
        return LoadedAnnotations(annotations: stored[relativePath] ?? [], text: ArticleText(article))
    }

    func saveAnnotations(relativePath: String, changes: [AnnotationChange]) -> Result<[Annotation], ServiceFailure> {
        if failsSaves { return .failure(ServiceFailure("No space left on device")) }
        let merged = AnnotationMerge.apply(changes, to: stored[relativePath] ?? [])
        stored[relativePath] = merged
        return .success(merged)
    }

    func exportNotes(relativePath: String?) -> Result<String, ServiceFailure> {
        .success("exported to /exports/\(relativePath ?? "all")")
    }

    func editExternally(_ text: String) -> Result<String, ServiceFailure> { .success(editedText) }

    /// Headings, prose, a list, a quote and code, with wide and combining characters.
    static let fixedArticle: Article = {
        let sentence = "Harbor cities are betting that the tide can pay for the lights. 東京の夜、AIと屋台 🍜 été. "
        var blocks: [Block] = [Block(kind: .heading(level: 1), text: "Harbor Cities Bet on Tidal Power")]
        for index in 1...5 {
            blocks.append(Block(
                kind: .paragraph, text: String(repeating: sentence, count: index),
                spans: [InlineSpan(range: 0..<6, style: .strong)]))
        }
        blocks.append(Block(kind: .listItem(marker: "•", depth: 0), text: "Turbines and moorings, about 61% of the budget."))
        blocks.append(Block(kind: .quote(depth: 1), text: "We are betting on the moon."))
        blocks.append(Block(kind: .heading(level: 2), text: "What the money buys"))
        blocks.append(Block(kind: .code(language: "swift"), text: "let turbines = 12\n\tbudget = \"61%\""))
        blocks.append(Block(kind: .paragraph, text: "The final paragraph mentions a lighthouse keeper."))
        return Article(metadata: ArticleMetadata(title: "Harbor Cities Bet on Tidal Power"), format: .markdown, blocks: blocks)
    }()
}
