/// The run loop: draws the state, reads a key, reduces it, and performs the effects.
public final class App {
    public private(set) var state: AppState
    private let terminal: Terminal
    private let services: ReaderServices
    private var running = true
    /// Effects to perform when no key is waiting (see `idleDelay`).
    private var idleEffects: [Effect] = []

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
            if state.feedFetch != nil {
                // A fetch runs in the background: wait for keys briefly, then take in its news.
                if let key = terminal.pollKey(waitingMilliseconds: Self.backgroundPollDelay) {
                    handle(batchStartingWith: key)
                }
                for update in services.takeFeedFetchUpdates() {
                    dispatch(.feedFetch(update))
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

    private func loadLibrary(reportingFailure: Bool) {
        switch services.loadLibrary() {
        case .success(let items):
            dispatch(.libraryLoaded(items))
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
            if !idleEffects.isEmpty, !isReadingKey(key) || idleEffects.contains(where: Self.precedesEveryKey) {
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

    /// Keys that only read (move, search, help, leave) don't need the idle work done first;
    /// anything else (a highlight, a note) does.
    private func isReadingKey(_ key: Key) -> Bool {
        if key == .resize || state.prompt != nil || state.librarySearch != nil { return true }
        guard let action = state.keymap.action(for: key, in: state.mode) else { return true }
        return Self.readingActions.contains(action)
    }

    private static let readingActions: Set<Action> = [
        .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom,
        .nextHeading, .previousHeading, .search, .searchNext, .searchPrevious, .clearFilter,
        .redraw, .help, .quit, .back, .suspend, .searchLibrary,
    ]

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

    /// Applies one event and performs what it asks for.
    public func dispatch(_ event: Event) {
        perform(reduce(&state, event))
    }

    private func draw() {
        let frame = ScreenRenderer.render(state)
        terminal.draw(frame.buffer, cursor: frame.cursor)
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
                draw()
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
                guard let reader = state.reader, reader.relativePath == path, !reader.isPartial else { continue }
                perform([.saveReadingPosition(relativePath: path, block: reader.focus, percent: reader.percent)])
            case .loadAnnotations(let path):
                // The article is on screen first; its highlights follow when the reader is idle.
                guard idle else {
                    idleEffects.append(effect)
                    continue
                }
                dispatch(.annotationsLoaded(relativePath: path, services.loadAnnotations(relativePath: path)))
            case .saveAnnotations(let path, let changes):
                switch services.saveAnnotations(relativePath: path, changes: changes) {
                case .success(let stored): dispatch(.annotationsSaved(relativePath: path, stored: stored))
                case .failure(let failure):
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
            case .searchLibrary(let query):
                // The typed query is on screen while the index is brought up to date and searched.
                draw()
                dispatch(.librarySearchResults(query: query, services.searchLibrary(query)))
            case .saveReadingPosition(let path, let block, let percent):
                if let failure = services.saveReadingPosition(relativePath: path, block: block, percent: percent) {
                    state.message = StatusMessage("could not save reading position: \(failure)", isError: true)
                }
            }
        }
    }
}
