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
    /// Why the file can't be read, or "empty article"; nil for a readable article.
    public var problem: String?

    public init(
        relativePath: String, title: String, author: String? = nil, source: String? = nil, date: String? = nil,
        tags: [String] = [], words: Int = 0, minutes: Int = 0, progress: Int? = nil, annotationCount: Int = 0,
        problem: String? = nil
    ) {
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

    /// Whether the item matches a filter: every word of it appears in title, source, author, tags or path.
    public func matches(filter: String) -> Bool {
        let words = filter.lowercased().split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack = ([title, source ?? "", author ?? "", date ?? "", relativePath] + tags)
            .joined(separator: "\u{1F}").lowercased()
        return words.allSatisfy { haystack.contains($0) }
    }
}

/// The library screen: all items, the live filter and the selection.
public struct LibraryState: Hashable, Sendable {
    public var items: [LibraryItem] = [] { didSet { refilter() } }
    public var filter: String = "" { didSet { refilter() } }
    /// Indices into `items` that pass the filter, in display order.
    public private(set) var visible: [Int] = []
    /// Index into `visible`.
    public var selected: Int = 0
    /// First visible row index into `visible`, for scrolling.
    public var top: Int = 0
    public var isLoaded = false

    public init(items: [LibraryItem] = []) {
        self.items = items
        refilter()
    }

    public var selectedItem: LibraryItem? {
        guard visible.indices.contains(selected), items.indices.contains(visible[selected]) else { return nil }
        return items[visible[selected]]
    }

    private mutating func refilter() {
        let previous = selectedItem?.relativePath
        visible = items.indices.filter { items[$0].matches(filter: filter) }
        if let previous, let i = visible.firstIndex(where: { items[$0].relativePath == previous }) {
            selected = i
        } else {
            selected = min(selected, max(0, visible.count - 1))
        }
    }

    public mutating func select(_ index: Int) {
        selected = max(0, min(index, visible.count - 1))
    }

    /// Keeps the selection inside a window of `rows` entries starting at `top`.
    public mutating func scrollToSelection(rows: Int) {
        let rows = max(1, rows)
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        top = max(0, min(top, max(0, visible.count - rows)))
    }
}
