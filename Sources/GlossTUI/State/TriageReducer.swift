import GlossCore

/// Triage in the library and the reader: read/unread, star, archive, delete, views, and
/// moving to the next or previous article of the view.
extension AppState {
    /// `A` asks first when it would mark more articles than this.
    static let markGroupConfirmThreshold = 10

    /// Handles a triage action in the library; nil when `action` is not one.
    mutating func handleLibraryTriage(_ action: Action) -> [Effect]? {
        switch action {
        case .viewInbox, .viewUnread, .viewStarred, .viewArchive:
            let views: [Action: LibraryView] = [
                .viewInbox: .inbox, .viewUnread: .unread, .viewStarred: .starred, .viewArchive: .archive,
            ]
            if let view = views[action] { library.view = view }
            return []
        case .toggleRead, .toggleStar, .toggleArchive, .deleteArticle, .markGroupRead:
            break
        default:
            return nil
        }
        guard let item = library.selectedItem else {
            message = StatusMessage("no article selected")
            return []
        }
        switch action {
        case .toggleRead: return mark(item.isUnread ? .read : .unread, [item.relativePath])
        case .toggleStar: return mark(item.isStarred ? .unstar : .star, [item.relativePath])
        case .toggleArchive: return mark(item.isArchived ? .unarchive : .archive, [item.relativePath])
        case .markGroupRead:
            let paths = library.selectedGroupPaths.filter { path in
                library.items.first { $0.relativePath == path }?.isUnread ?? false
            }
            guard !paths.isEmpty else {
                message = StatusMessage("nothing unread here")
                return []
            }
            if paths.count > Self.markGroupConfirmThreshold {
                prompt = .confirm("mark \(paths.count) articles read? (y/n)", .mark(.read, paths: paths))
                return []
            }
            return mark(.read, paths)
        case .deleteArticle:
            let notes = item.annotationCount
            let kept = notes == 0 ? "" : notes == 1 ? " its note is kept" : " its \(notes) notes are kept"
            let title = TerminalSafe.visible(item.title)
            prompt = .confirm(
                "delete \"\(title)\"?\(kept.isEmpty ? "" : kept) (y/n)", .delete(relativePath: item.relativePath))
            return []
        default:
            return []
        }
    }

    /// Handles a triage action in the reader; nil when `action` is not one.
    mutating func handleReaderTriage(_ action: Action) -> [Effect]? {
        guard let view = reader else { return nil }
        let path = view.relativePath
        switch action {
        case .nextArticle: return openNeighbour(of: path, step: 1)
        case .previousArticle: return openNeighbour(of: path, step: -1)
        case .toggleStar:
            let starred = library.items.first { $0.relativePath == path }?.isStarred ?? false
            let effects = mark(starred ? .unstar : .star, [path])
            message = StatusMessage(starred ? "unstarred" : "starred")
            return effects
        case .archiveAndNext:
            // Find the next article before archiving takes this one out of the view.
            let next = neighbour(of: path, step: 1)
            let effects = mark(.archive, [path])
            guard let next else {
                return effects + leaveReader(message: "archived; that was the last article in \(library.view.title)")
            }
            return effects + open(next, leaving: view)
        default:
            return nil
        }
    }

    /// Applies a confirmed (or cancelled) triage step from the yes/no prompt.
    mutating func handleConfirmKey(_ key: Key, step: TriageStep) -> [Effect] {
        prompt = nil
        guard key == .char("y") || key == .char("Y") else {
            message = StatusMessage("cancelled")
            return []
        }
        switch step {
        case .mark(let change, let paths): return mark(change, paths)
        case .delete(let path): return [.deleteArticle(relativePath: path)]
        }
    }

    /// The library after a delete: the article leaves the list, or the reason is shown.
    mutating func finishDelete(_ path: String, failure: String?) -> [Effect] {
        if let failure {
            message = StatusMessage("not deleted: \(failure)", isError: true)
            return []
        }
        let title = library.items.first { $0.relativePath == path }?.title ?? path
        library.items.removeAll { $0.relativePath == path }
        library.scrollToSelection(rows: LibraryPane.rows(forHeight: bodyHeight))
        message = StatusMessage("moved \"\(title)\" to the trash (gloss trash restore \(path))")
        return []
    }

    /// Shows the change at once and asks storage to record it.
    private mutating func mark(_ change: MarkChange, _ paths: [String]) -> [Effect] {
        library.apply(change, to: Set(paths))
        library.scrollToSelection(rows: LibraryPane.rows(forHeight: bodyHeight))
        return [.markArticles(paths: paths, change: change)]
    }

    /// The article `step` places from `path` in the library's current view and order; from the
    /// selection when `path` is not in the view.
    private func neighbour(of path: String, step: Int) -> LibraryItem? {
        let shown = library.visible.compactMap { library.items.indices.contains($0) ? library.items[$0] : nil }
        let current = shown.firstIndex { $0.relativePath == path } ?? (library.selected - (step > 0 ? 1 : -1))
        var index = current + step
        while shown.indices.contains(index) {
            if shown[index].problem == nil || shown[index].problem == "empty article" { return shown[index] }
            index += step
        }
        return nil
    }

    private mutating func openNeighbour(of path: String, step: Int) -> [Effect] {
        guard let view = reader else { return [] }
        guard let next = neighbour(of: path, step: step) else {
            message = StatusMessage(step > 0 ? "no next article in \(library.view.title)" : "no previous article in \(library.view.title)")
            return []
        }
        return open(next, leaving: view)
    }

    /// Saves what the open article needs and opens `item`, which becomes the library's selection.
    private mutating func open(_ item: LibraryItem, leaving view: ReaderState) -> [Effect] {
        let effects = saveEffects() + annotationSaveEffects()
        recordProgress(of: view)
        if let index = library.visible.firstIndex(where: { library.items[$0].relativePath == item.relativePath }) {
            library.select(index)
        }
        pendingOpen = item.relativePath
        return effects + [.openArticle(relativePath: item.relativePath)]
    }

    private mutating func leaveReader(message text: String) -> [Effect] {
        let effects = saveEffects() + annotationSaveEffects()
        if let view = reader { recordProgress(of: view) }
        if quitsWithReader { return effects + [.quit] }
        screen = .library
        message = StatusMessage(text)
        library.scrollToSelection(rows: LibraryPane.rows(forHeight: bodyHeight))
        return effects
    }

    /// Shows the reader's progress and note count in the library row of its article.
    mutating func recordProgress(of view: ReaderState) {
        if let i = library.items.firstIndex(where: { $0.relativePath == view.relativePath }) {
            library.items[i].progress = view.percent
            library.items[i].isRead = true
            library.items[i].annotationCount = view.annotations.annotations.count
            library.items[i].annotationsUnreadable = library.items[i].annotationsUnreadable && view.annotations.annotations.isEmpty
        }
    }
}
