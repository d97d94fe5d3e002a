import GlossCore

extension AppState {
    mutating func handleReader(_ action: Action) -> [Effect] {
        guard var view = reader else {
            screen = .library
            return []
        }
        if let effects = handleReaderTriage(action) { return effects }
        defer { reader = view }
        let pageLines = max(1, view.viewport.height - 2)
        switch action {
        case .moveDown: view.focus(on: view.focus + 1)
        case .moveUp: view.focus(on: view.focus - 1)
        case .pageDown: page(&view, by: pageLines)
        case .pageUp: page(&view, by: -pageLines)
        case .halfPageDown: page(&view, by: max(1, view.viewport.height / 2))
        case .halfPageUp: page(&view, by: -max(1, view.viewport.height / 2))
        case .top:
            view.viewport.top = .start
            view.focus(on: 0)
        case .bottom:
            view.viewport.top = view.viewport.maxTop(in: view.layout)
            view.focus = max(0, view.blockCount - 1)
        case .nextHeading:
            if let next = view.headings.first(where: { $0 > view.focus }) {
                jump(&view, toHeading: next)
            } else {
                message = StatusMessage("no heading below")
            }
        case .previousHeading:
            if let previous = view.headings.last(where: { $0 < view.focus }) {
                jump(&view, toHeading: previous)
            } else {
                message = StatusMessage("no heading above")
            }
        case .search:
            prompt = .search(
                TextField(), origin: SearchOrigin(focus: view.focus, top: view.viewport.top, previous: view.search))
        case .searchNext: stepSearch(&view, forward: true)
        case .searchPrevious: stepSearch(&view, forward: false)
        case .back:
            let effects = saveEffects() + annotationSaveEffects()
            if quitsWithReader { return effects + [.quit] }
            screen = .library
            recordProgress(of: view)
            return effects
        case .clearFilter:
            view.search = nil
        case .linkList:
            reader = view
            return openLinkList()
        case .openInBrowser:
            reader = view
            return openArticleURL()
        default:
            reader = view
            let effects = handleAnnotationAction(action)
            if let changed = reader { view = changed }
            return effects
        }
        return []
    }

    /// Scrolls by lines and focuses the first paragraph that starts on the new screen.
    private func page(_ view: inout ReaderState, by lines: Int) {
        guard view.blockCount > 0 else { return }
        let before = view.viewport.top
        view.viewport.scroll(by: lines, in: view.layout)
        if view.viewport.top == before {
            // Already at an end: move the focus there instead.
            view.focus = lines > 0 ? view.blockCount - 1 : 0
            view.viewport.reveal(block: view.focus, in: view.layout)
            return
        }
        view.focus = view.viewport.firstBlockStartingOnScreen(in: view.layout)
    }

    private func jump(_ view: inout ReaderState, toHeading index: Int) {
        view.focus = index
        view.viewport.top = LinePosition(block: index, line: 0)
        view.viewport.clamp(in: view.layout)
    }

    mutating func stepSearch(_ view: inout ReaderState, forward: Bool) {
        guard let search = view.search, !search.query.isEmpty else {
            message = StatusMessage("no search yet: press / to search")
            return
        }
        let query = SearchQuery(search.query)
        let found: (match: SearchMatch, wrapped: Bool)?
        if let current = search.current, current.block == view.focus {
            found = TextSearch.next(after: current, in: view.article.blocks, query: query, forward: forward)
        } else {
            // Moved away from the last match (or none yet): search from the focused paragraph, as
            // vim and less search from the cursor; a match in that paragraph counts.
            found = TextSearch.nearest(
                from: view.focus, offset: forward ? 0 : .max, in: view.article.blocks, query: query, forward: forward)
        }
        guard let (match, wrapped) = found else {
            message = StatusMessage("not found: \(search.query)", isError: true)
            return
        }
        show(match, in: &view)
        if wrapped {
            message = StatusMessage(forward ? "search hit BOTTOM, continuing at TOP" : "search hit TOP, continuing at BOTTOM")
        }
    }

    /// Focuses the block holding `match` and scrolls its line into view.
    func show(_ match: SearchMatch, in view: inout ReaderState) {
        view.search?.current = match
        view.focus = match.block
        let lines = view.layout.lines(of: match.block)
        let line = lines.firstIndex { rendered in
            guard let range = rendered.text?.range else { return false }
            return range.contains(match.range.lowerBound) || range.lowerBound > match.range.lowerBound
        } ?? 0
        view.viewport.reveal(line: line, ofBlock: match.block, in: view.layout)
    }
}
