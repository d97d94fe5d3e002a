import Foundation

/// A generated article ready for end-to-end runs: on disk, with annotations stored for it in a
/// data directory of its own, and a private home directory for the programs.
struct PreparedArticle {
    static let annotationCount = 100

    var article: BenchArticle
    var target: ScreenTarget
    var data: String
    var home: String
}

extension BenchContext {
    /// Generates the article if needed and stores `PreparedArticle.annotationCount` annotations for
    /// it with the real store, so gloss opens it "with annotations present".
    func prepare(_ article: BenchArticle) throws(BenchError) -> PreparedArticle {
        if let cached = preparedArticles[article.id] { return cached }
        let path = try corpus.prepare(article)
        progress("preparing \(article.fileName) with \(PreparedArticle.annotationCount) annotations")
        let loaded = try LoadedArticle.load(path: path, relativePath: article.fileName)
        let data = try freshDirectory("data-\(article.id)")
        try loaded.store(loaded.annotations(count: PreparedArticle.annotationCount), dataDirectory: data)
        let prepared = PreparedArticle(
            article: article, target: loaded.target(path: path), data: data, home: try freshDirectory("home-\(article.id)"))
        preparedArticles[article.id] = prepared
        return prepared
    }

    /// A job running `program` on a prepared article. Keys are sent once the whole article is
    /// on screen (`wholeArticle`), or else as soon as the first screen is.
    func job(_ program: ViewerProgram, _ prepared: PreparedArticle, keys: String? = nil, wholeArticle: Bool = true,
             expected: ((TerminalScreen) -> Bool)? = nil) -> TerminalJob {
        TerminalJob(
            program: program,
            arguments: program.arguments(for: prepared.target, articles: corpus.directory, data: prepared.data),
            subject: prepared.target.fileName, home: prepared.home, data: program.kind == .gloss ? prepared.data : nil,
            isReady: { screen in
                wholeArticle ? program.isWholeArticleScreen(screen, prepared.target)
                    : program.isFirstScreen(screen, prepared.target)
            },
            keys: keys, expected: expected)
    }
}
