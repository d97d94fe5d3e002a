import GlossCore

/// The link list (`L`): every numbered link of the open article, a filter, and the selection.
public struct LinkListState: Hashable, Sendable {
    public var links: [ArticleLink]
    /// The filter text; links whose text or URL contain it (ignoring case) are shown.
    public var filter = TextField()
    /// True while `/` is typing into the filter.
    public var isFiltering = false
    /// Index into `visible` of the selected link.
    public var selected = 0
    /// Digits typed so far to jump to a link by its number.
    public var typedNumber = ""

    /// The list opened with the first link of `focus` (the focused paragraph) selected, else the
    /// first link after it, else the first.
    public init(links: [ArticleLink], focus: Int) {
        self.links = links
        selected = links.firstIndex { ($0.block ?? Int.max) >= focus } ?? 0
    }

    public var visible: [ArticleLink] {
        let needle = filter.text.lowercased()
        guard !needle.isEmpty else { return links }
        return links.filter { $0.label.lowercased().contains(needle) || $0.url.lowercased().contains(needle) }
    }

    public var selectedLink: ArticleLink? {
        let shown = visible
        return shown.indices.contains(selected) ? shown[selected] : nil
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    public mutating func move(by delta: Int) {
        let count = visible.count
        selected = count == 0 ? 0 : max(0, min(count - 1, selected + delta))
    }

    /// Selects link number `number` when it is shown; returns whether it is.
    @discardableResult
    public mutating func select(number: Int) -> Bool {
        guard let index = visible.firstIndex(where: { $0.number == number }) else { return false }
        selected = index
        return true
    }
}
