extension AppState {
    mutating func handleLibrary(_ action: Action) -> [Effect] {
        let rows = LibraryPane.rows(forHeight: bodyHeight)
        if let effects = handleLibraryTriage(action) { return effects }
        switch action {
        case .moveDown: library.select(library.selected + 1)
        case .moveUp: library.select(library.selected - 1)
        case .top: library.select(0)
        case .bottom: library.select(library.visible.count - 1)
        case .pageDown: library.select(library.selected + rows)
        case .pageUp: library.select(library.selected - rows)
        case .halfPageDown: library.select(library.selected + max(1, rows / 2))
        case .halfPageUp: library.select(library.selected - max(1, rows / 2))
        case .open:
            guard let item = library.selectedItem else { return [] }
            if let problem = item.problem, problem != "empty article" {
                message = StatusMessage("\(item.relativePath): \(problem)", isError: true)
                return []
            }
            pendingOpen = item.relativePath
            return [.openArticle(relativePath: item.relativePath)]
        case .filter:
            prompt = .filter(TextField(library.filter))
        case .clearFilter:
            library.filter = ""
        case .back:
            return [.quit]
        case .export:
            guard let item = library.selectedItem else {
                message = StatusMessage("no article selected")
                return []
            }
            guard item.annotationCount > 0 else {
                message = StatusMessage("\(item.title) has no highlights to export")
                return []
            }
            message = StatusMessage("exporting…")
            return [.exportNotes(relativePath: item.relativePath)]
        case .exportAll:
            message = StatusMessage("exporting…")
            return [.exportNotes(relativePath: nil)]
        case .fetchFeeds:
            return startFeedFetch()
        case .openInBrowser:
            guard let item = library.selectedItem else {
                message = StatusMessage("no article selected")
                return []
            }
            return [.openArticleURL(relativePath: item.relativePath, inTerminal: linkSettings.browserInTerminal)]
        default:
            message = StatusMessage("\(action.rawValue) is not available in the library")
        }
        library.scrollToSelection(rows: rows)
        return []
    }
}
