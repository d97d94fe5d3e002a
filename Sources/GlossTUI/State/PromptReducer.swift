import GlossCore

extension AppState {
    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        guard let current = prompt else { return [] }
        switch current {
        case .confirm(_, let step):
            return handleConfirmKey(key, step: step)
        case .noteFilter(let field):
            handleNoteFilterKey(key, field: field)
        case .filter(var field):
            switch key {
            case .enter:
                prompt = nil
            case .escape:
                prompt = nil
                library.filter = ""
            default:
                if field.handle(key) == .edited { library.filter = field.text }
                prompt = .filter(field)
            }
            library.select(library.selected)
            library.scrollToSelection(rows: LibraryPane.rows(forHeight: bodyHeight))
        case .search(var field, let origin):
            switch key {
            case .enter:
                prompt = nil
                if isSearchStale {
                    isSearchStale = false
                    searchIncrementally(field.text, from: origin)
                }
                if field.text.isEmpty {
                    reader?.search = origin.previous
                } else if reader?.search?.current == nil {
                    message = StatusMessage("not found: \(field.text)", isError: true)
                }
            case .escape:
                prompt = nil
                isSearchStale = false
                restore(origin)
            default:
                let edited = field.handle(key) == .edited
                prompt = .search(field, origin: origin)
                if edited || isSearchStale {
                    if isInputPending {
                        isSearchStale = true
                    } else {
                        isSearchStale = false
                        searchIncrementally(field.text, from: origin)
                    }
                }
            }
        }
        return []
    }

    private mutating func restore(_ origin: SearchOrigin) {
        guard var view = reader else { return }
        view.focus = origin.focus
        view.viewport.top = origin.top
        view.viewport.clamp(in: view.layout)
        view.search = origin.previous
        reader = view
    }

    /// Finds the first match at or after where the search started, as the query is typed.
    private mutating func searchIncrementally(_ text: String, from origin: SearchOrigin) {
        guard var view = reader else { return }
        defer { reader = view }
        guard !text.isEmpty else {
            view.focus = origin.focus
            view.viewport.top = origin.top
            view.search = nil
            return
        }
        view.search = SearchState(query: text)
        let start = SearchMatch(block: origin.focus, range: -1 ..< -1)
        let query = SearchQuery(text)
        if let (match, wrapped) = TextSearch.next(after: start, in: view.article.blocks, query: query, forward: true) {
            show(match, in: &view)
            if wrapped { message = StatusMessage("search hit BOTTOM, continuing at TOP") }
        } else {
            view.focus = origin.focus
            view.viewport.top = origin.top
            message = StatusMessage("not found: \(text)", isError: true)
        }
    }
}
