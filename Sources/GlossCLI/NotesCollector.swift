import Foundation
import GlossCore
import GlossStorage

/// Gathers what `gloss notes` lists: one article's annotations, or those of every annotated
/// article in the library plus the stored annotations whose article is gone. Each article is
/// opened as the reader opens it, so its annotations are re-anchored (and the moves saved).
struct NotesCollector {
    let workspace: Workspace
    let store: AnnotationStore

    init(workspace: Workspace) {
        self.workspace = workspace
        self.store = AnnotationStore(dataDirectory: workspace.paths.data)
    }

    /// The annotations of the article `file` (a path as `gloss read` takes it). A deleted
    /// article's annotations are still found by the path it had.
    func article(_ file: String) throws(CLIError) -> NotesArticle {
        let located: (absolute: String, key: String)
        do {
            located = try workspace.locate(file)
        } catch {
            if let stored = storedAnnotations(forMissing: file) {
                return NotesArticle(stored: stored, problem: missingProblem(stored.article.path))
            }
            throw error
        }
        let article = try workspace.loadArticle(absolute: located.absolute, key: located.key)
        do {
            return NotesArticle(try open(article, key: located.key))
        } catch {
            throw .failed(error.description)
        }
    }

    /// Every article with live annotations, in path order.
    func library() throws(CLIError) -> [NotesArticle] {
        let files: [LibraryScanner.FoundFile]
        do {
            files = try workspace.scanner.articleFiles()
        } catch {
            throw .failed(error.description)
        }
        let listing = store.listing()
        let storedNames = listing.names
        guard !storedNames.isEmpty else { return [] }
        var results: [NotesArticle] = []
        var claimed: Set<String> = []
        var unannotated: [LibraryScanner.FoundFile] = []
        for file in files {
            let name = listing.fileName(of: file.relativePath)
            if storedNames.contains(name) {
                claimed.insert(name)
                results += notes(relativePath: file.relativePath, absolutePath: file.absolutePath, problem: file.problem)
            } else if file.problem == nil {
                unannotated.append(file)
            }
        }
        // Files no library article claims: articles outside the directory, renamed, or deleted.
        var gone: [AnnotationFile] = []
        for name in storedNames.subtracting(claimed).sorted() {
            guard let path = listing.articlePath(ofFileNamed: name) else {
                results.append(NotesArticle(path: name, problem: "annotation file could not be read"))
                continue
            }
            let candidates = ArticleAnnotations.storedPathCandidates(path, articlesDirectory: workspace.paths.articles)
            if let absolute = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
                let key = absolute.hasPrefix(workspace.paths.articles + "/") ? path : absolute
                results += notes(relativePath: key, absolutePath: absolute, problem: nil)
            } else if let stored = try? store.load(ArticleIdentity(path: path, title: "", fingerprint: "")),
                      !stored.liveAnnotations.isEmpty
            {
                gone.append(stored)
            }
        }
        if !gone.isEmpty {
            results += adoptRenamed(&gone, candidates: unannotated)
        }
        results += gone.map { NotesArticle(stored: $0, problem: missingProblem($0.article.path)) }
        return results.sorted { $0.path < $1.path }
    }

    private func open(_ article: Article, key: String) throws(StorageError) -> ArticleAnnotations {
        try ArticleAnnotations.open(
            article: article, relativePath: key, store: store, articlesDirectory: workspace.paths.articles)
    }

    /// One annotated article's entry; empty when all its annotations are deleted.
    private func notes(relativePath: String, absolutePath: String, problem: String?) -> [NotesArticle] {
        let identity = ArticleIdentity(path: relativePath, title: "", fingerprint: "")
        let loaded: Article
        do throws(CLIError) {
            if let problem { throw .unreadable(relativePath, problem) }
            loaded = try workspace.loadArticle(absolute: absolutePath, key: relativePath)
        } catch {
            guard let stored = try? store.load(identity), !stored.liveAnnotations.isEmpty else { return [] }
            return [NotesArticle(stored: stored, problem: "article cannot be read: \(problem ?? error.description)")]
        }
        do {
            let entry = NotesArticle(try open(loaded, key: relativePath))
            return entry.annotations.isEmpty ? [] : [entry]
        } catch {
            return [NotesArticle(path: relativePath, problem: "annotations could not be read: \(error.description)")]
        }
    }

    /// Why a stored article's file is not there: deleted to the trash, or missing.
    private func missingProblem(_ storedPath: String) -> String {
        workspace.trash.find(storedPath) != nil ? "in trash" : "article missing"
    }

    /// Opens the library articles whose text matches a gone article's, which adopts its annotations.
    private func adoptRenamed(_ gone: inout [AnnotationFile], candidates: [LibraryScanner.FoundFile]) -> [NotesArticle] {
        var results: [NotesArticle] = []
        for file in candidates where !gone.isEmpty {
            guard let article = try? workspace.loadArticle(absolute: file.absolutePath, key: file.relativePath) else { continue }
            let fingerprint = ArticleFingerprint.sha256(of: ArticleText(article))
            guard gone.contains(where: { $0.article.fingerprint == fingerprint }),
                  let session = try? open(article, key: file.relativePath)
            else { continue }
            // Adopting moves the file away from its old name.
            gone.removeAll { !FileManager.default.fileExists(atPath: store.location(of: $0.article.path)) }
            let entry = NotesArticle(session)
            if !entry.annotations.isEmpty { results.append(entry) }
        }
        return results
    }

    /// The stored annotations of an article path that no longer exists, if it has live ones.
    private func storedAnnotations(forMissing file: String) -> AnnotationFile? {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = Paths.standardized(file.hasPrefix("/") ? file : cwd + "/" + file)
        let root = workspace.paths.articles.hasSuffix("/") ? workspace.paths.articles : workspace.paths.articles + "/"
        var keys = [absolute.hasPrefix(root) ? String(absolute.dropFirst(root.count)) : absolute]
        if !file.hasPrefix("/") { keys.append(file) }
        for key in keys {
            if let stored = try? store.load(ArticleIdentity(path: key, title: "", fingerprint: "")),
               !stored.liveAnnotations.isEmpty
            {
                return stored
            }
        }
        return nil
    }
}
