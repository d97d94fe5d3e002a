import GlossCore

extension AppState {
    /// `S`: opens the search screen over the library or the reader.
    mutating func openLibrarySearch() -> [Effect] {
        librarySearch = LibrarySearchState()
        return []
    }

    /// Keys on the search screen. While more typed keys wait (`isInputPending`) the search is
    /// left for the last of them, so a paste or a fast typist searches once.
    mutating func handleLibrarySearchKey(_ key: Key) -> [Effect] {
        var effects = libraryScreenKey(key)
        if effects.contains(where: { if case .searchLibrary = $0 { return true } else { return false } }) {
            effects.removeAll { if case .searchLibrary = $0 { return true } else { return false } }
            librarySearch?.isStale = true
        }
        if !isInputPending, let search = librarySearch, search.isStale {
            librarySearch?.isStale = false
            // Drawn while the run loop works: the first search may have to build the index.
            if search.answered == nil { librarySearch?.notice = Self.firstSearchNotice }
            effects.append(.searchLibrary(query: search.field.text))
        }
        return effects
    }

    private mutating func libraryScreenKey(_ key: Key) -> [Effect] {
        guard var search = librarySearch else { return [] }
        defer { if librarySearch != nil { librarySearch = search } }
        switch key {
        case .escape:
            librarySearch = nil
            return []
        case .enter:
            if search.answered != search.field.text, !LibraryQuery.parse(search.field.text).isEmpty {
                // Typed ahead of the results: open the best one when they come.
                search.opensWhenAnswered = true
                search.isStale = true
                return []
            }
            guard search.hits.indices.contains(search.selected) else { return [] }
            return open(search.hits[search.selected])
        case .tab:
            search.listHasFocus.toggle()
            return []
        case .down, .ctrl("n"):
            search.move(by: 1, rows: librarySearchRows)
            return []
        case .up, .ctrl("p"):
            search.move(by: -1, rows: librarySearchRows)
            return []
        default:
            break
        }
        if search.listHasFocus {
            switch key {
            case .char("j"): search.move(by: 1, rows: librarySearchRows)
            case .char("k"): search.move(by: -1, rows: librarySearchRows)
            case .char("g"): search.move(by: -search.hits.count, rows: librarySearchRows)
            case .char("G"): search.move(by: search.hits.count, rows: librarySearchRows)
            case .char("/"): search.listHasFocus = false
            default: message = StatusMessage("\(key.notation): j/k move, Enter opens, Tab types, Esc closes")
            }
            return []
        }
        guard search.field.handle(key) == .edited else { return [] }
        let text = search.field.text
        if LibraryQuery.parse(text).isEmpty {
            search.hits = []
            search.answered = text
            search.notice = nil
            return []
        }
        return [.searchLibrary(query: text)]
    }

    private mutating func open(_ hit: SearchHit) -> [Effect] {
        librarySearch = nil
        // A note hit lands on the highlighted text it belongs to, which is in the article.
        landing = SearchLanding(path: hit.path, block: max(0, (hit.paragraph ?? 1) - 1), match: hit.quote ?? hit.firstMatch)
        return saveEffects() + [.openArticle(relativePath: hit.path)]
    }

    /// The search service answered `query`; older answers than the field's text are dropped.
    mutating func applyLibrarySearch(query: String, result: Result<LibrarySearchAnswer, ServiceFailure>) -> [Effect] {
        guard var search = librarySearch, search.field.text == query else { return [] }
        switch result {
        case .success(let answer):
            search.hits = answer.hits
            search.notice = answer.notices.first ?? (answer.hits.isEmpty ? "no matches" : nil)
        case .failure(let failure):
            search.hits = []
            search.notice = failure.description
        }
        search.answered = query
        search.selected = 0
        search.top = 0
        librarySearch = search
        if search.opensWhenAnswered, let best = search.hits.first {
            return open(best)
        }
        librarySearch?.opensWhenAnswered = false
        return []
    }

    /// After an article opened from a search result: focus its paragraph and search the match
    /// in the reader, so it is highlighted and `n`/`N` continue from there.
    mutating func land(_ landing: SearchLanding) {
        guard var view = reader, view.relativePath == landing.path else { return }
        defer { reader = view }
        view.focus(on: landing.block)
        guard let text = landing.match else { return }
        view.search = SearchState(query: text)
        let start = SearchMatch(block: view.focus, range: -1 ..< -1)
        if let (match, _) = TextSearch.next(after: start, in: view.article.blocks, query: SearchQuery(text), forward: true) {
            show(match, in: &view)
        }
    }

    static let firstSearchNotice = "searching… (the first search brings the index up to date)"

    /// Results that fit on the search screen (two lines each, under a two-line header).
    var librarySearchRows: Int { max(1, (bodyHeight - LibrarySearchPane.headerHeight) / LibrarySearchPane.rowHeight) }
}

extension LibrarySearchState {
    mutating func move(by offset: Int, rows: Int) {
        guard !hits.isEmpty else { return }
        selected = max(0, min(hits.count - 1, selected + offset))
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
    }
}

/// What the search service found for one query.
public struct LibrarySearchAnswer: Hashable, Sendable {
    public var hits: [SearchHit]
    public var notices: [String]

    public init(hits: [SearchHit], notices: [String] = []) {
        self.hits = hits
        self.notices = notices
    }
}
