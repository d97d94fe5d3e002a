import Foundation

/// One generated benchmark article.
struct BenchArticle: Sendable {
    /// Short id used in results: `100KB`, `50MB`, `cjk-1MB`.
    var id: String
    /// How the size is shown: `100 KB`, `1 MB CJK+emoji`.
    var label: String
    var targetBytes: Int
    var script: ArticleGenerator.Script
    /// The file name inside the corpus directory.
    var fileName: String { "article-\(id).txt" }
}

/// The generated articles, kept in a cache directory and written again only when missing or
/// when the generator's version changed.
struct ArticleCorpus {
    static let sizes: [BenchArticle] = [
        BenchArticle(id: "100KB", label: "100 KB", targetBytes: 100_000, script: .latin),
        BenchArticle(id: "1MB", label: "1 MB", targetBytes: 1_000_000, script: .latin),
        BenchArticle(id: "10MB", label: "10 MB", targetBytes: 10_000_000, script: .latin),
        BenchArticle(id: "50MB", label: "50 MB", targetBytes: 50_000_000, script: .latin),
        BenchArticle(id: "cjk-1MB", label: "1 MB CJK+emoji", targetBytes: 1_000_000, script: .cjk),
    ]
    static let libraryDirectoryName = "library"

    let directory: String
    private let generator = ArticleGenerator()

    /// Opens the cache at `directory`, emptying it when it was written by another generator version.
    init(directory: String) throws(BenchError) {
        self.directory = directory
        let stamp = directory + "/VERSION"
        let expected = "gloss-bench article generator \(ArticleGenerator.version)\n"
        let fm = FileManager.default
        if (try? String(contentsOfFile: stamp, encoding: .utf8)) != expected {
            try? fm.removeItem(atPath: directory)
        }
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if !fm.fileExists(atPath: stamp) { try expected.write(toFile: stamp, atomically: true, encoding: .utf8) }
        } catch {
            throw .failed("cannot create the article cache \(directory): \(error.localizedDescription)")
        }
    }

    func path(of article: BenchArticle) -> String { directory + "/" + article.fileName }

    /// Writes `article` unless it is already there; returns its path.
    @discardableResult
    func prepare(_ article: BenchArticle) throws(BenchError) -> String {
        let path = path(of: article)
        if FileManager.default.fileExists(atPath: path) { return path }
        progress("generating \(article.fileName)")
        var generator = generator
        generator.script = article.script
        try write(generator.article(targetBytes: article.targetBytes), to: path)
        return path
    }

    /// A directory of `count` short articles for the library benchmark; returns its path.
    func prepareLibrary(count: Int) throws(BenchError) -> String {
        let library = directory + "/\(Self.libraryDirectoryName)-\(count)"
        let complete = library + "/.complete"
        if FileManager.default.fileExists(atPath: complete) { return library }
        progress("generating \(count) library articles")
        try? FileManager.default.removeItem(atPath: library)
        do {
            try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        } catch {
            throw .failed("cannot create \(library): \(error.localizedDescription)")
        }
        for number in 1...max(1, count) {
            let (name, bytes) = generator.libraryArticle(number: number)
            try write(bytes, to: library + "/" + name)
        }
        try write([], to: complete)
        return library
    }

    /// Writes through a temporary name, so an interrupted run never leaves a short article behind.
    private func write(_ bytes: [UInt8], to path: String) throws(BenchError) {
        let temporary = path + ".partial"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            throw .failed("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
