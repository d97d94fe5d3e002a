/// The run loop: draws the state, reads a key, reduces it, and performs the effects.
public final class App {
    public private(set) var state: AppState
    private let terminal: Terminal
    private let services: ReaderServices
    private var running = true

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
            switch services.loadLibrary() {
            case .success(let items):
                dispatch(.libraryLoaded(items))
            case .failure(let failure):
                dispatch(.libraryLoaded([]))
                dispatch(.message(StatusMessage(failure.description, isError: true)))
            }
        }
        perform(startup)
        while running {
            draw()
            guard let key = terminal.readKey() else {
                // Input ended or a terminating signal arrived: keep the reading position, then stop.
                perform(state.saveEffects())
                break
            }
            // Keys typed ahead (a paste, key repeat, a fast typist) are handled together and
            // drawn once; an incremental search then runs once for the whole query.
            var batch = [key]
            while batch.count < 256, batch.last != .resize, let more = terminal.pollKey() { batch.append(more) }
            for (index, key) in batch.enumerated() where running {
                state.isInputPending = index < batch.count - 1
                if key == .resize {
                    dispatch(.resize(terminal.size))
                } else {
                    dispatch(.key(key))
                }
            }
            state.isInputPending = false
        }
    }

    /// Applies one event and performs what it asks for.
    public func dispatch(_ event: Event) {
        perform(reduce(&state, event))
    }

    private func draw() {
        let frame = ScreenRenderer.render(state)
        terminal.draw(frame.buffer, cursor: frame.cursor)
    }

    private func perform(_ effects: [Effect]) {
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
            case .loadAnnotations(let path):
                // The article is on screen first; its highlights follow a moment later.
                draw()
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
                case .success(let report): dispatch(.message(StatusMessage(report)))
                case .failure(let failure): dispatch(.message(StatusMessage(failure.description, isError: true)))
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
            case .saveReadingPosition(let path, let block, let percent):
                if let failure = services.saveReadingPosition(relativePath: path, block: block, percent: percent) {
                    state.message = StatusMessage("could not save reading position: \(failure)", isError: true)
                }
            }
        }
    }
}
