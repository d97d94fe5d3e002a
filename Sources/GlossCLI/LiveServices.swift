import Foundation
import GlossCore
import GlossTUI

/// The real world for the TUI: article files, reading positions and annotation counts on disk.
final class LiveServices: ReaderServices {
    let workspace: Workspace
    let paragraphOverride: Int?

    init(workspace: Workspace, paragraphOverride: Int? = nil) {
        self.workspace = workspace
        self.paragraphOverride = paragraphOverride
    }

    func loadLibrary() -> [LibraryItem] {
        // TEMPORARY: replaced by the storage module's scanner.
        let root = workspace.paths.articles
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var items: [LibraryItem] = []
        while let rel = walker.nextObject() as? String {
            guard rel.hasSuffix(".txt") || rel.hasSuffix(".md") else { continue }
            do {
                let article = try ArticleSource.load(path: root + "/" + rel)
                let words = article.wordCount
                items.append(LibraryItem(relativePath: rel, title: article.metadata.title, author: article.metadata.author,
                    source: article.metadata.source, date: article.metadata.date, tags: article.metadata.tags,
                    words: words, minutes: WordCounter.minutes(forWords: words),
                    problem: article.isEmpty ? "empty article" : nil))
            } catch {
                items.append(LibraryItem(relativePath: rel, title: rel, problem: error.description))
            }
        }
        return items.sorted { $0.title.lowercased() < $1.title.lowercased() }
    }

    func openArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> {
        let path = relativePath.hasPrefix("/") ? relativePath : workspace.paths.articles + "/" + relativePath
        do {
            let article = try ArticleSource.load(path: path)
            let focus = paragraphOverride.map { $0 - 1 }
            return .success(OpenedArticle(relativePath: relativePath, article: article, savedFocus: focus))
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    func saveReadingPosition(relativePath: String, block: Int, percent: Int) -> ServiceFailure? {
        nil
    }
}
