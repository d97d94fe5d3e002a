import GlossCore

/// The one place state changes: applies an event and returns the effects for the run loop.
public func reduce(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .resize(let size):
        let wasHidden = state.isPaneAutoHidden
        state.size = size
        state.relayout()
        if state.isPaneAutoHidden, !wasHidden { state.message = state.paneHiddenHint }
        return [.redraw]
    case .libraryProgress(let done, let total):
        state.library.loadingProgress = LibraryState.LoadingProgress(done: done, total: total)
        return []
    case .libraryLoaded(let items):
        state.library.items = items
        state.library.isLoaded = true
        state.library.loadingProgress = nil
        state.library.scrollToSelection(rows: LibraryPane.rows(forHeight: state.bodyHeight))
        return []
    case .articleOpened(let opened):
        state.openReader(opened)
        var effects: [Effect] = []
        if let i = state.library.items.firstIndex(where: { $0.relativePath == opened.relativePath }),
           !state.library.items[i].isRead {
            state.library.items[i].isRead = true
            // Marked unread but opened before: its position exists, so `markOpened` won't say it is read.
            if opened.savedFocus != nil { effects.append(.markArticles(paths: [opened.relativePath], change: .read)) }
        }
        if let landing = state.landing, landing.path == opened.relativePath {
            state.land(landing)
            if !opened.isPartial { state.landing = nil }
        }
        if opened.isPartial { return effects + [.completeArticle(relativePath: opened.relativePath)] }
        if opened.annotationsPending { effects.append(.loadAnnotations(relativePath: opened.relativePath)) }
        // An article is read once it has been opened, even if gloss never gets to save on leaving.
        if opened.savedFocus == nil { effects.append(.markOpened(relativePath: opened.relativePath)) }
        return effects
    case .annotationsLoaded(let path, let loaded):
        guard state.reader?.relativePath == path else { return [] }
        state.reader?.annotations = ReaderAnnotations(
            annotations: loaded.annotations, text: loaded.text, isReadOnly: loaded.isReadOnly)
        if !loaded.messages.isEmpty, state.message == nil || state.message?.isError == false {
            let joined = loaded.messages.joined(separator: "; ")
            state.message = StatusMessage(joined, isError: joined.contains("could not"))
        }
        return []
    case .openFailed(let path, let message):
        state.pendingOpen = nil
        state.landing = nil
        if let reader = state.reader, reader.relativePath == path, reader.isPartial {
            // The rest of a large article could not be read: its opening must not pass for all of it.
            state.reader = nil
            state.screen = .library
        }
        state.message = StatusMessage("\(path): \(message)", isError: true)
        return state.quitsWithReader && state.reader == nil ? [.quit] : []
    case .message(let message):
        state.message = message
        return []
    case .annotationsSaved(let path, let stored):
        guard state.reader?.relativePath == path else { return [] }
        state.reader?.annotations.markSaved()
        state.reader?.annotations.adoptStored(stored)
        return []
    case .annotationsSaveFailed(let path, let text):
        guard state.reader?.relativePath == path else { return [] }
        state.message = StatusMessage("not saved: \(text) (kept, retried with the next change)", isError: true)
        return []
    case .noteEditedExternally(let id, let text):
        return state.saveNote(text, forAnnotation: id)
    case .feedFetch(let update):
        return state.applyFeedFetch(update)
    case .openedLongEnough(let path):
        // Only the article still open, and all of it, has a position worth recording.
        guard let reader = state.reader, reader.relativePath == path, !reader.isPartial else { return [] }
        return [.saveReadingPosition(relativePath: path, block: reader.focus, percent: reader.percent)]
    case .markFailed(let reason):
        state.message = StatusMessage("mark not saved: \(reason)", isError: true)
        return []
    case .articleDeleted(let path, let failure):
        return state.finishDelete(path, failure: failure)
    case .pageSave(let update):
        return state.applyPageSave(update)
    case .browse(let url):
        guard let url, !url.isEmpty else {
            state.message = StatusMessage("this article has no URL (front matter url)")
            return []
        }
        return state.openInBrowser(url)
    case .librarySearchResults(let query, let result):
        return state.applyLibrarySearch(query: query, result: result)
    case .key(let key):
        return state.handle(key)
    }
}

extension AppState {
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [.redraw] }
        // Esc typed quickly before a key arrives as Alt+key; when Alt+key means nothing, replay both.
        if case .alt(let c) = key, prompt == nil, keymap.action(for: key, in: mode) == nil {
            return handle(.escape) + handle(.char(c))
        }
        message = nil
        if noteEditor != nil { return handleEditorKey(key) }
        if prompt != nil { return handlePromptKey(key) }
        if librarySearch != nil, !isHelpVisible { return handleLibrarySearchKey(key) }
        if isHelpVisible { return handleHelpKey(key) }
        if let effects = takeOffer(key) { return effects }
        if mode == .links, let effects = handleLinkListInput(key) { return effects }
        guard let action = keymap.action(for: key, in: mode) else {
            message = StatusMessage("\(key.notation) is not bound here (? shows the keys)")
            return []
        }
        switch action {
        case .quit: return quitEffects()
        case .help:
            isHelpVisible = true
            helpScroll = 0
            return []
        case .redraw: return [.redraw]
        case .suspend: return saveEffects() + [.suspend]
        case .searchLibrary where mode == .library || mode == .reader: return openLibrarySearch()
        default: break
        }
        switch mode {
        case .library: return handleLibrary(action)
        case .reader: return handleReader(action)
        case .visual: return handleVisual(action)
        case .pane: return handlePane(action)
        case .links: return handleLinkList(action)
        }
    }

    /// Whether work left for an idle moment (loading annotations, recording the open) must be
    /// done before `key`: keys whose action only reads (`Action.isReading`) don't need it.
    public func needsIdleWork(before key: Key) -> Bool {
        if key == .resize || prompt != nil || librarySearch != nil { return false }
        guard let action = keymap.action(for: key, in: mode) else { return false }
        return !action.isReading
    }

    func saveEffects() -> [Effect] {
        guard let reader, reader.blockCount > 0, !reader.isPartial else { return [] }
        return [.saveReadingPosition(relativePath: reader.relativePath, block: reader.focus, percent: reader.percent)]
    }

    func quitEffects() -> [Effect] { saveEffects() + annotationSaveEffects() + [.quit] }

    /// What to save when gloss must stop without a quit key (a terminating signal, or input
    /// ending with the terminal): a note being typed is kept as the note, changes whose save
    /// failed are sent once more, and the reading position is saved.
    mutating func shutdownEffects() -> [Effect] {
        if let editing = noteEditor, editing.editor.isModified {
            noteEditor = nil
            // Its effects are the unsaved changes, which `annotationSaveEffects` sends with the rest.
            _ = saveNote(editing.editor.textToSave, forAnnotation: editing.annotationID)
        }
        return saveEffects() + annotationSaveEffects()
    }

    private mutating func handleHelpKey(_ key: Key) -> [Effect] {
        switch keymap.action(for: key, in: mode) {
        case .moveDown: helpScroll += 1
        case .moveUp: helpScroll = max(0, helpScroll - 1)
        case .pageDown, .halfPageDown: helpScroll += max(1, bodyHeight / 2)
        case .pageUp, .halfPageUp: helpScroll = max(0, helpScroll - max(1, bodyHeight / 2))
        case .quit where key == .char("Q"): return quitEffects()
        default: isHelpVisible = false
        }
        return []
    }

    /// Lays the reader out again after the window or settings changed.
    mutating func relayout() {
        let area = textArea
        reader?.resize(textWidth: area.width, viewHeight: area.height)
        let screen = Rect(x: 0, y: 0, width: size.width, height: bodyHeight)
        noteEditor?.editor.fitPopup(in: screen)
        library.scrollToSelection(rows: LibraryPane.rows(forHeight: bodyHeight))
    }

    mutating func openReader(_ opened: OpenedArticle) {
        pendingOpen = nil
        let annotations = opened.annotationsPending
            ? ReaderAnnotations.loading
            : ReaderAnnotations(
                annotations: opened.annotations, text: opened.text ?? ArticleText(opened.article),
                isReadOnly: opened.isReadOnly)
        screen = .reader
        visual = nil
        noteEditor = nil
        pane.hasFocus = false
        pane.selectedID = nil
        pane.filter = ""
        // The pane takes room from the text, so the layout width depends on it.
        let textArea = self.textArea
        linkList = nil
        reader = ReaderState(
            relativePath: opened.relativePath, article: opened.article, textWidth: textArea.width,
            viewHeight: textArea.height, focus: opened.savedFocus ?? 0, annotations: annotations,
            header: settings.header ? BylineHeader(opened.article.metadata) : nil, linkMarkers: settings.linkMarkers
        )
        reader?.isPartial = opened.isPartial
        if let first = opened.article.warnings.first {
            message = StatusMessage(first, isError: true)
        } else if let note = opened.messages.first {
            message = StatusMessage(opened.messages.joined(separator: "; "), isError: note.contains("could not"))
        } else if isPaneAutoHidden {
            message = paneHiddenHint
        }
    }
}
