import GlossCore

/// One row of the library: what the list shows about an article file.
public struct LibraryItem: Hashable, Sendable {
    public var relativePath: String
    public var title: String
    public var author: String?
    public var source: String?
    public var date: String?
    public var tags: [String]
    public var words: Int
    public var minutes: Int
    /// Percent read (0-100), nil when never opened.
    public var progress: Int?
    public var annotationCount: Int
    /// True when the article's annotations could not be read (set aside as damaged): the count
    /// is then unknown and shown as `?`, not 0.
    public var annotationsUnreadable = false
    /// Why the file can't be read, or "empty article"; nil for a readable article.
    public var problem: String?
    /// The heading the article is listed under: the feed (folder) it came from; nil for an
    /// article at the top of the articles directory.
    public var group: String?
    /// Read or unread: the user's mark, else whether it was ever opened.
    public var isRead: Bool
    public var isStarred: Bool
    public var isArchived: Bool
    /// A hash of the file's bytes, so marks follow a renamed article; nil when unknown.
    public var contentHash: String?

    public init(
        relativePath: String, title: String, author: String? = nil, source: String? = nil, date: String? = nil,
        tags: [String] = [], words: Int = 0, minutes: Int = 0, progress: Int? = nil, annotationCount: Int = 0,
        problem: String? = nil, group: String? = nil, isRead: Bool? = nil, isStarred: Bool = false,
        isArchived: Bool = false, contentHash: String? = nil
    ) {
        self.group = group
        self.isRead = isRead ?? (progress != nil)
        self.isStarred = isStarred
        self.isArchived = isArchived
        self.contentHash = contentHash
        self.relativePath = relativePath
        self.title = title
        self.author = author
        self.source = source
        self.date = date
        self.tags = tags
        self.words = words
        self.minutes = minutes
        self.progress = progress
        self.annotationCount = annotationCount
        self.problem = problem
    }

    /// The note count as shown: `?` when the annotations could not be read.
    public var annotationCountText: String { annotationsUnreadable ? "?" : String(annotationCount) }

    /// Unread until it has been opened (opening records a reading position) or marked read.
    public var isUnread: Bool { !isRead && problem == nil }

    /// Whether the item is shown in `view`.
    public func isShown(in view: LibraryView) -> Bool {
        view.includes(read: !isUnread, starred: isStarred, archived: isArchived)
    }

    /// This item with a mark change applied (as storage will record it).
    public func applying(_ change: MarkChange) -> LibraryItem {
        var copy = self
        switch change {
        case .read: copy.isRead = true
        case .unread: copy.isRead = false
        case .star: copy.isStarred = true
        case .unstar: copy.isStarred = false
        case .archive: copy.isArchived = true
        case .unarchive: copy.isArchived = false
        }
        return copy
    }

    /// Whether the item matches a filter: every word of it appears in title, source, author, tags,
    /// group (feed name) or path.
    public func matches(filter: String) -> Bool {
        let words = filter.lowercased().split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack = ([title, source ?? "", author ?? "", date ?? "", group ?? "", relativePath] + tags)
            .joined(separator: "\u{1F}").lowercased()
        return words.allSatisfy { haystack.contains($0) }
    }
}

/// The library screen: all items, the live filter and the selection. Items are shown in
/// groups (articles at the top of the articles directory first, then one heading per feed
/// folder), newest first within each group.
public struct LibraryState: Hashable, Sendable {
    public var items: [LibraryItem] = [] {
        didSet {
            // `visible` still indexes the old items: read the place from those.
            let place = listedPaths(in: oldValue)
            // Marking an article read changes no position: keep the order, refilter only.
            if !LibraryOrder.keepsOrder(oldValue, items) { order = LibraryOrder.sorted(items) }
            refilter(keeping: place)
        }
    }
    public var filter: String = "" {
        didSet { refilter(keeping: listedPaths(in: items)) }
    }
    /// The view (Inbox, Unread, Starred, Archive); the filter works within it.
    public var view: LibraryView = .inbox {
        didSet { refilter(keeping: listedPaths(in: items)) }
    }
    /// Indices into `items` in display order, before filtering.
    private var order: [Int] = []
    /// Indices into `items` that pass the filter, in display order.
    public private(set) var visible: [Int] = []
    /// What the list shows, row by row: group headings and items.
    public private(set) var rows: [LibraryRow] = []
    /// For each index into `visible`, its index in `rows`.
    private var rowOfVisible: [Int] = []
    /// Index into `visible`.
    public var selected: Int = 0
    /// The first row shown (index into `rows`), for scrolling.
    public var top: Int = 0
    public var isLoaded = false
    /// How far the first scan is, while it takes long enough to say so.
    public var loadingProgress: LoadingProgress?
    public struct LoadingProgress: Hashable, Sendable {
        public var done: Int
        public var total: Int
    }
    /// Why feeds failed in the last background fetch, by group name, shown in their headings.
    public var feedErrors: [String: String] = [:]

    public init(items: [LibraryItem] = []) {
        self.items = items
        reorder()
    }

    private mutating func reorder() {
        order = LibraryOrder.sorted(items)
        refilter()
    }

    public var selectedItem: LibraryItem? {
        guard visible.indices.contains(selected), items.indices.contains(visible[selected]) else { return nil }
        return items[visible[selected]]
    }

    private mutating func refilter() {
        refilter(keeping: listedPaths(in: items))
    }

    /// What was listed before a change, by path, and which of it was selected.
    private func listedPaths(in listed: [LibraryItem]) -> (paths: [String], selected: Int) {
        (visible.compactMap { listed.indices.contains($0) ? listed[$0].relativePath : nil }, selected)
    }

    /// Filters again and keeps the selection on the same article when it is still listed, else
    /// on the nearest one that is (the next, then the previous, and so on outwards), so a reload
    /// (a fetch, a filter, an article added or removed) never moves the reader elsewhere.
    private mutating func refilter(keeping place: (paths: [String], selected: Int)) {
        let filter = self.filter
        // No filter matches everything: don't lower 20,000 items' text to find that out.
        visible = filter.isEmpty
            ? order.filter { items[$0].isShown(in: view) }
            : order.filter { items[$0].isShown(in: view) && items[$0].matches(filter: filter) }
        (rows, rowOfVisible) = LibraryOrder.rows(visible: visible, items: items)
        guard place.paths.indices.contains(place.selected) else {
            selected = min(selected, max(0, visible.count - 1))
            return
        }
        var position: [String: Int] = [:]
        for (index, item) in visible.enumerated() { position[items[item].relativePath] = index }
        let old = place.paths
        for distance in 0..<old.count {
            for candidate in [place.selected + distance, place.selected - distance] where old.indices.contains(candidate) {
                if let found = position[old[candidate]] {
                    selected = found
                    return
                }
            }
        }
        selected = min(selected, max(0, visible.count - 1))
    }

    /// How many articles the view holds and how many of them are unread (before filtering).
    public var viewCounts: (count: Int, unread: Int) {
        var count = 0, unread = 0
        for item in items where item.isShown(in: view) {
            count += 1
            if item.isUnread { unread += 1 }
        }
        return (count, unread)
    }

    /// The visible items of the selected item's group (all visible items when ungrouped).
    public var selectedGroupPaths: [String] {
        guard let selected = selectedItem else { return [] }
        return visible.map { items[$0] }.filter { $0.group == selected.group }.map(\.relativePath)
    }

    /// Applies a mark change to the items at `paths` in place. The selection stays on the same
    /// article when it is still shown, else on the one that took its place (see `refilter`).
    public mutating func apply(_ change: MarkChange, to paths: Set<String>) {
        var changed = items
        for index in changed.indices where paths.contains(changed[index].relativePath) {
            changed[index] = changed[index].applying(change)
        }
        items = changed
    }

    public mutating func select(_ index: Int) {
        selected = max(0, min(index, visible.count - 1))
    }

    /// The row of the selected item in `rows`.
    public var selectedRow: Int? {
        rowOfVisible.indices.contains(selected) ? rowOfVisible[selected] : nil
    }

    /// Keeps the selected item (and its group's heading when it is the group's first item) inside
    /// a window as tall as `rows` items, starting at `top`.
    public mutating func scrollToSelection(rows count: Int) {
        let lines = max(1, count) * LibraryRow.itemHeight
        guard let row = selectedRow else {
            top = 0
            return
        }
        var first = row
        if first > 0, case .heading = rows[first - 1] { first -= 1 }
        if first < top { top = first }
        var used = 0
        for index in top...row where rows.indices.contains(index) { used += rows[index].height }
        while used > lines, top < row {
            used -= rows[top].height
            top += 1
        }
        // Don't leave empty lines at the bottom when rows above could fill them.
        var below = 0
        for index in top..<rows.count {
            below += rows[index].height
            if below >= lines { break }
        }
        while top > 0, below + rows[top - 1].height <= lines {
            top -= 1
            below += rows[top].height
        }
        top = max(0, min(top, max(0, rows.count - 1)))
    }
}
