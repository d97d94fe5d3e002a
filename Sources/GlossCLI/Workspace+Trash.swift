import GlossCore
import GlossStorage

/// Deleting to the trash and restoring, shared by `gloss delete`, `gloss trash` and the TUI.
extension Workspace {
    var trash: Trash { Trash(dataDirectory: paths.data, articlesDirectory: paths.articles) }

    /// Moves the article at `relativePath` (relative to the articles directory) to the trash.
    /// Its annotations and marks stay where they are, keyed by the path, so a restore finds them.
    func trashArticle(_ relativePath: String) throws(CLIError) {
        guard !relativePath.hasPrefix("/") else {
            throw .failed("\(relativePath): not in the articles directory (only library articles go to the trash)")
        }
        do {
            try trash.delete(relativePath)
        } catch {
            throw .failed("could not move \(relativePath) to the trash: \(error.description)")
        }
    }

    /// How many live annotations are stored for the article at `relativePath`.
    func liveAnnotationCount(of relativePath: String) -> Int {
        let store = AnnotationStore(dataDirectory: paths.data)
        let identity = ArticleIdentity(path: relativePath, title: "", fingerprint: "")
        return (try? store.load(identity))?.liveAnnotations.count ?? 0
    }
}
