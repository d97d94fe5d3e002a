import Foundation
import GlossCore
import GlossStorage
import GlossTUI

/// The real world for the TUI: article files, reading positions and annotation counts on disk.
final class LiveServices: ReaderServices {
    let workspace: Workspace
    let paragraphOverride: Int?
    let states: StateStore
    let annotationStore: AnnotationStore
    /// The annotation session of the open article, by relative path.
    var sessions: [String: ArticleAnnotations] = [:]
    /// The article just opened, until its annotations are loaded (after the first screen).
    var articles: [String: Article] = [:]
    /// Feed names by folder (from feeds.toml), read once, for the library's group headings.
    var feedNames: [String: String]?
    /// The hash of each article's bytes from the last library scan, so a mark remembers it.
    var contentHashes: [String: String] = [:]
    /// News from a background feed fetch (`R`) for the run loop.
    let fetchUpdates = FeedFetchUpdates()
    /// What to tell the user that no result carries (see `takeNotices`).
    var notices: [String] = []
    /// The saved position an opening was shown at, so that reading the rest of that article
    /// does not read and parse the state file a second time.
    private var openingFocus: (path: String, focus: Int?)?
    /// News from pages being saved from links (`a` in the link list).
    let pageSaveUpdates = UpdateQueue<PageSaveUpdate>()

    init(workspace: Workspace, paragraphOverride: Int? = nil) {
        self.workspace = workspace
        self.paragraphOverride = paragraphOverride
        self.states = StateStore(dataDirectory: workspace.paths.data)
        self.annotationStore = AnnotationStore(dataDirectory: workspace.paths.data)
    }

    func loadLibrary() -> Result<[LibraryItem], ServiceFailure> {
        loadLibrary(progress: { _, _ in })
    }

    func loadLibrary(progress: (_ done: Int, _ total: Int) -> Void) -> Result<[LibraryItem], ServiceFailure> {
        let entries: [LibraryEntry]
        do {
            let cache = LibraryCache(dataDirectory: workspace.paths.data)
            entries = try workspace.scanner.scan(cache: cache, progress: progress)
            // Only speed is lost if the cache can't be written (a read-only data directory).
            try? cache.save()
        } catch {
            return .failure(ServiceFailure(error.description))
        }
        contentHashes = Dictionary(entries.compactMap { e in e.contentHash.map { (e.relativePath, $0) } }) { a, _ in a }
        let state = readingState(adoptingRenamesIn: entries)
        let positions = state.positions
        let store = AnnotationStore(dataDirectory: workspace.paths.data)
        // One directory listing decides which articles have a file at all, so unannotated ones cost nothing.
        let stored = store.listing()
        /// nil when the annotations could not be read (damaged, set aside, nothing restored).
        func annotationCount(_ path: String) -> Int? {
            guard stored.hasFile(for: path) else {
                return stored.hasUnreadableAnnotations(for: path) ? nil : 0
            }
            let location = store.location(of: path)
            let identity = ArticleIdentity(path: path, title: "", fingerprint: "")
            guard let file = try? store.load(identity) else { return nil }
            // Nothing shown but something said: the file was set aside with nothing to restore, or is blocked.
            if file.liveAnnotations.isEmpty, !file.messages.isEmpty,
               file.isReadOnly || !FileManager.default.fileExists(atPath: location) {
                return nil
            }
            return file.liveAnnotations.count
        }
        let names = feedNames ?? loadFeedNames()
        feedNames = names
        return .success(entries.map { entry -> LibraryItem in
            // Articles in a folder are grouped under it: a feed's name, or the folder's own name.
            let folder = entry.relativePath.firstIndex(of: "/").map { String(entry.relativePath[..<$0]) }
            let count = annotationCount(entry.relativePath)
            var item = LibraryItem(
                relativePath: entry.relativePath, title: entry.title, author: entry.author, source: entry.source,
                date: entry.date, tags: entry.tags, words: entry.wordCount, minutes: entry.minutes,
                progress: positions[entry.relativePath].map { $0.percent ?? 0 },
                annotationCount: count ?? 0,
                problem: entry.problem, group: folder.map { names[$0] ?? $0 },
                isRead: state.isRead(entry.relativePath), isStarred: state.marks[entry.relativePath]?.starred ?? false,
                isArchived: state.marks[entry.relativePath]?.archived ?? false, contentHash: entry.contentHash)
            item.annotationsUnreadable = count == nil
            return item
        })
    }

    /// A large article comes back as its opening when that holds the screen to show (see
    /// `ArticleSource.loadOpening`); the TUI asks for the rest before handling a key.
    func openArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> {
        open(relativePath: relativePath, allowingPartial: true)
    }

    func completeArticle(relativePath: String) -> Result<OpenedArticle, ServiceFailure> {
        open(relativePath: relativePath, allowingPartial: false)
    }

    private func open(relativePath: String, allowingPartial: Bool) -> Result<OpenedArticle, ServiceFailure> {
        let path = relativePath.hasPrefix("/") ? relativePath : workspace.paths.articles + "/" + relativePath
        var focus = paragraphOverride.map { $0 - 1 }
        if !allowingPartial, let opening = openingFocus, opening.path == relativePath {
            focus = opening.focus
        } else if focus == nil, let state = try? states.loadReadingState() {
            focus = state.positions[relativePath]?.blockIndex
        }
        openingFocus = nil
        let article: Article
        var isPartial = false
        do throws(CLIError) {
            if allowingPartial,
               let opening = try workspace.loadOpening(absolute: path, key: relativePath, showing: focus ?? 0) {
                article = opening
                isPartial = true
            } else {
                article = try workspace.loadArticle(absolute: path, key: relativePath)
            }
        } catch {
            // The reader puts the article's path in front of the reason itself.
            if case .unreadable(_, let reason) = error { return .failure(ServiceFailure(reason)) }
            return .failure(ServiceFailure(error.description))
        }
        // One article is open at a time: drop what an earlier one held (a 50 MB article's text).
        articles = isPartial ? [:] : [relativePath: article]
        if isPartial { openingFocus = (relativePath, focus) }
        sessions = sessions.filter { $0.key == relativePath }
        return .success(OpenedArticle(
            relativePath: relativePath, article: article, savedFocus: focus, annotationsPending: true,
            isPartial: isPartial))
    }

    func takeNotices() -> [String] {
        let all = notices + SetAsideLog.drain()
        notices = []
        return all
    }

    /// Keeps what storage set aside for the status line, except what `told` already says.
    func noteSetAside(except told: [String]) {
        notices += SetAsideLog.drain().filter { message in !told.contains { $0.contains(message) } }
    }

    func saveReadingPosition(relativePath: String, block: Int, percent: Int) -> ServiceFailure? {
        let position = ReadingPosition(blockIndex: block, updated: SystemClock.now(), percent: percent)
        do {
            _ = try states.record(position, for: relativePath, markLastOpened: true)
            return nil
        } catch {
            return ServiceFailure(error.description)
        }
    }
}
