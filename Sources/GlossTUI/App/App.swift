import GlossCore

/// The run loop: draws the state, reads a key, reduces it, and performs the effects.
public final class App {
    public private(set) var state: AppState
    private let terminal: Terminal
    private let services: ReaderServices
    private var running = true
    /// Whether a frame has been drawn since start: until then the screen holds nothing worth showing.
    private var hasDrawn = false
    /// Effects to perform when no key is waiting (see `idleDelay`).
    private var idleEffects: [Effect] = []
    /// Annotation changes whose last save failed, by article, with why: what is left when the
    /// run ends is not on disk, and the caller must keep it somewhere (a recovery file).
    public private(set) var unsavedAnnotations: [String: (changes: [AnnotationChange], failure: String)] = [:]

    public init(state: AppState, terminal: Terminal, services: ReaderServices) {
        self.state = state
        self.terminal = terminal
        self.services = services
        self.state.size = terminal.size
        if !terminal.supportsColor { self.state.theme = self.state.theme.monochrome }
    }

    /// Runs until quit or until input ends; `startup` effects run first (e.g. open an article).
    public func run(startup: [Effect] = []) {
        dispatch(.resize(terminal.size))
        if state.screen == .library || startup.isEmpty {
            loadLibrary(reportingFailure: true)
        }
        perform(startup)
        while running {
            draw()
            if idleEffects.contains(where: Self.precedesEveryKey) {
                // Every key would wait for it anyway (the rest of an article painted from its
                // opening): do it as soon as the first frame is out.
                runIdleEffects()
                continue
            }
            if !idleEffects.isEmpty {
                // Work left for an idle moment (loading annotations) waits briefly for a first
                // key, so that reading keys typed right away are not held up by it.
                if let early = terminal.pollKey(waitingMilliseconds: Self.idleDelay) {
                    handle(batchStartingWith: early)
                } else {
                    runIdleEffects()
                }
                continue
            }
            if state.feedFetch != nil || state.pageSavesRunning > 0 {
                // Work runs in the background: wait for keys briefly, then take in its news.
                if let key = terminal.pollKey(waitingMilliseconds: Self.backgroundPollDelay) {
                    handle(batchStartingWith: key)
                }
                for update in services.takeFeedFetchUpdates() {
                    dispatch(.feedFetch(update))
                }
                for update in services.takePageSaveUpdates() {
                    dispatch(.pageSave(update))
                }
                if terminal.isInputClosed {
                    perform(state.shutdownEffects())
                    break
                }
                continue
            }
            guard let key = terminal.readKey() else {
                // Input ended or a terminating signal arrived: keep the position, the unsaved
                // changes and a note being typed, then stop.
                perform(state.shutdownEffects())
                break
            }
            handle(batchStartingWith: key)
        }
    }

    /// How long idle work waits for a first key, in milliseconds: too short to notice.
    static let idleDelay = 40
    /// How often the status line follows a background fetch, in milliseconds.
    static let backgroundPollDelay = 100

    /// A scan that takes longer than this shows how far it is; a warm start never gets there.
    static let libraryProgressDelay = Duration.milliseconds(200)

    private func loadLibrary(reportingFailure: Bool) {
        let clock = ContinuousClock()
        let started = clock.now
        var shown = started
        // Only the first load shows progress: a reload happens over the list already shown.
        let result = services.loadLibrary { done, total in
            guard !state.library.isLoaded else { return }
            let now = clock.now
            guard now - started >= Self.libraryProgressDelay, now - shown >= Self.libraryProgressDelay else { return }
            shown = now
            dispatch(.libraryProgress(done: done, total: total))
            draw()
        }
        switch result {
        case .success(let items):
            dispatch(.libraryLoaded(items))
            showNotices()
        case .failure(let failure):
            if reportingFailure { dispatch(.libraryLoaded([])) }
            dispatch(.message(StatusMessage(failure.description, isError: true)))
        }
    }

    /// Handles `key` and the keys typed ahead behind it (a paste, key repeat, a fast typist)
    /// together, drawn once; an incremental search then runs once for the whole query.
    private func handle(batchStartingWith key: Key) {
        var batch = [key]
        while batch.count < 256, batch.last != .resize, let more = terminal.pollKey(waitingMilliseconds: 0) {
            batch.append(more)
        }
        for (index, key) in batch.enumerated() where running {
            if !idleEffects.isEmpty, state.needsIdleWork(before: key) || idleEffects.contains(where: Self.precedesEveryKey) {
                runIdleEffects()
            }
            state.isInputPending = index < batch.count - 1
            if key == .resize {
                dispatch(.resize(terminal.size))
            } else {
                dispatch(.key(key))
            }
        }
        state.isInputPending = false
    }

    /// Idle work that every key must wait for: the rest of an article shown from its opening,
    /// without which a key could act on part of the text.
    private static func precedesEveryKey(_ effect: Effect) -> Bool {
        if case .completeArticle = effect { return true }
        return false
    }

    private func runIdleEffects() {
        let effects = idleEffects
        idleEffects.removeAll()
        perform(effects, idle: true)
    }

    /// Puts what the services have to tell on the status line, as an error: it is about data.
    private func showNotices() {
        let notices = services.takeNotices()
        guard !notices.isEmpty else { return }
        dispatch(.message(StatusMessage(notices.joined(separator: "; "), isError: true, needsWholeLine: true)))
    }

    /// Applies one event and performs what it asks for.
    public func dispatch(_ event: Event) {
        perform(reduce(&state, event))
    }

    private func draw() {
        let frame = ScreenRenderer.render(state)
        terminal.draw(frame.buffer, cursor: frame.cursor)
        hasDrawn = true
    }

    /// A graphical browser starts detached and the reader stays; a text-mode one gets the
    /// terminal until it exits, as `$EDITOR` does.
    private func openInBrowser(_ url: String, inTerminal: Bool) {
        let failure: ServiceFailure?
        if inTerminal {
            terminal.release()
            failure = services.openInBrowser(url, inTerminal: true)
            terminal.reclaim()
            dispatch(.resize(terminal.size))
            terminal.invalidate()
        } else {
            failure = services.openInBrowser(url, inTerminal: false)
        }
        if let failure { dispatch(.message(StatusMessage(failure.description, isError: true))) }
    }

    private func perform(_ effects: [Effect], idle: Bool = false) {
        for effect in effects {
            switch effect {
            case .quit:
                running = false
            case .redraw:
                terminal.invalidate()
            case .suspend:
                terminal.suspend()
                terminal.resume()
                dispatch(.resize(terminal.size))
            case .openArticle(let path):
                // What was on screen shows while a slow article loads; before the first frame
                // there is nothing to keep, and drawing an empty reader first only delays the
                // real first screen (a whole frame written for nothing, about a millisecond).
                if hasDrawn { draw() }
                switch services.openArticle(relativePath: path) {
                case .success(let opened): dispatch(.articleOpened(opened))
                case .failure(let failure): dispatch(.openFailed(relativePath: path, message: failure.description))
                }
            case .completeArticle(let path):
                guard idle else {
                    idleEffects.append(effect)
                    continue
                }
                switch services.completeArticle(relativePath: path) {
                case .success(let opened): dispatch(.articleOpened(opened))
                case .failure(let failure): dispatch(.openFailed(relativePath: path, message: failure.description))
                }
            case .markOpened(let path):
                guard idle else {
                    idleEffects.append(effect)
                    continue
                }
                dispatch(.openedLongEnough(relativePath: path))
            case .loadAnnotations(let path):
                // The article is on screen first; its highlights follow when the reader is idle.
                guard idle else {
                    idleEffects.append(effect)
                    continue
                }
                dispatch(.annotationsLoaded(relativePath: path, services.loadAnnotations(relativePath: path)))
                showNotices()
            case .saveAnnotations(let path, let changes):
                switch services.saveAnnotations(relativePath: path, changes: changes) {
                case .success(let stored):
                    // Changes kept from an earlier reader of this article stay until a save carries them.
                    if let pending = unsavedAnnotations[path] {
                        let sent = Set(changes)
                        let left = pending.changes.filter { !sent.contains($0) }
                        unsavedAnnotations[path] = left.isEmpty ? nil : (left, pending.failure)
                    }
                    dispatch(.annotationsSaved(relativePath: path, stored: stored))
                    showNotices()
                case .failure(let failure):
                    // Each save sends every change not yet stored, so this replaces the last list.
                    unsavedAnnotations[path] = (changes, failure.description)
                    dispatch(.annotationsSaveFailed(relativePath: path, message: failure.description))
                }
            case .exportNotes(let path):
                draw()
                switch services.exportNotes(relativePath: path) {
                case .success(let report): dispatch(.message(StatusMessage(report, needsWholeLine: true)))
                case .failure(let failure):
                    dispatch(.message(StatusMessage(failure.description, isError: true, needsWholeLine: true)))
                }
            case .editNoteExternally(let id, let text):
                terminal.release()
                let edited = services.editExternally(text)
                terminal.reclaim()
                dispatch(.resize(terminal.size))
                terminal.invalidate()
                switch edited {
                case .success(let text): dispatch(.noteEditedExternally(annotationID: id, text: text))
                case .failure(let failure): dispatch(.message(StatusMessage(failure.description, isError: true)))
                }
            case .fetchFeeds:
                if let failure = services.startFeedFetch() {
                    dispatch(.feedFetch(.unavailable(failure.description)))
                }
            case .reloadLibrary:
                loadLibrary(reportingFailure: false)
            case .markArticles(let paths, let change):
                // The mark shows at once; the save (a locked rewrite of the state file) follows.
                draw()
                if let failure = services.markArticles(paths, change) {
                    dispatch(.markFailed(failure.description))
                    loadLibrary(reportingFailure: false)
                }
            case .deleteArticle(let path):
                draw()
                let failure = services.deleteArticle(relativePath: path)
                dispatch(.articleDeleted(relativePath: path, failure: failure?.description))
                if failure != nil { loadLibrary(reportingFailure: false) }
            case .openURL(let url, let inTerminal):
                openInBrowser(url, inTerminal: inTerminal)
            case .openArticleURL(let path, _):
                switch services.articleURL(relativePath: path) {
                case .success(let url): dispatch(.browse(url))
                case .failure(let failure): dispatch(.message(StatusMessage(failure.description, isError: true)))
                }
            case .saveLinkedPage(let url, let via):
                if let failure = services.startPageSave(url: url, via: via) {
                    dispatch(.pageSave(.failed(url: url, message: failure.description)))
                }
            case .searchLibrary(let query):
                // The typed query is on screen while the index is brought up to date and searched.
                draw()
                dispatch(.librarySearchResults(query: query, services.searchLibrary(query)))
            case .saveReadingPosition(let path, let block, let percent):
                if let failure = services.saveReadingPosition(relativePath: path, block: block, percent: percent) {
                    dispatch(.message(StatusMessage("could not save reading position: \(failure)", isError: true)))
                }
            }
        }
    }
}
