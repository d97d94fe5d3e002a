import GlossCore

/// The library search screen (`S`): the query line, a status line, then two lines per result:
/// title, path, ¶ and kind (with the quote of a note), then the snippet with its matches marked.
public enum LibrarySearchPane {
    static let headerHeight = 2
    static let rowHeight = 2
    static let prompt = "Search: "

    /// Draws the screen; returns where the cursor goes while the query is being typed.
    @discardableResult
    public static func render(
        _ search: LibrarySearchState, theme: Theme, in area: Rect, into buffer: inout Buffer
    ) -> (x: Int, y: Int)? {
        guard !area.isEmpty else { return nil }
        buffer.fill(area)
        let width = max(1, area.width - 2)
        let used = buffer.put(prompt, x: area.x + 1, y: area.y, style: theme.style(.title), maxWidth: width)
        buffer.put(search.field.text, x: area.x + 1 + used, y: area.y, maxWidth: width - used)
        let cursorColumn = DisplayWidth.of(String(search.field.characters.prefix(search.field.cursor)))
        buffer.put(status(search), x: area.x + 1, y: area.y + 1, style: theme.style(.dim), maxWidth: width)
        var y = area.y + headerHeight
        var index = max(0, search.top)
        while search.hits.indices.contains(index), y + rowHeight <= area.maxY {
            draw(search.hits[index], selected: index == search.selected, at: y, in: area, theme: theme, into: &buffer)
            y += rowHeight
            index += 1
        }
        guard !search.listHasFocus else { return nil }
        return (min(area.maxX - 1, area.x + 1 + used + cursorColumn), area.y)
    }

    static func status(_ search: LibrarySearchState) -> String {
        if let notice = search.notice { return notice }
        guard search.answered != nil, !search.hits.isEmpty else {
            return "words, \"a phrase\", -word, #tag, in:notes, in:titles · Esc: back"
        }
        let count = "\(search.hits.count) match\(search.hits.count == 1 ? "" : "es")"
        return search.listHasFocus
            ? "\(count) · j/k: move · Enter: open · Tab: edit the query · Esc: back"
            : "\(count) · ↓/↑: move · Enter: open · Tab: the list (j/k) · Esc: back"
    }

    private static func draw(
        _ hit: SearchHit, selected: Bool, at y: Int, in area: Rect, theme: Theme, into buffer: inout Buffer
    ) {
        let width = max(1, area.width - 2)
        let marker = selected ? "▸ " : "  "
        var head = hit.title + " · " + hit.path
        if let paragraph = hit.paragraph { head += " · ¶ \(paragraph)" }
        if hit.quote != nil {
            head += " · note"
        } else if hit.kind != .text {
            head += " · \(hit.kind.rawValue)"
        }
        if let quote = hit.quote { head += " on “\(quote)”" }
        let style = selected ? theme.style(.focus) : theme.style(.heading)
        if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
        buffer.put(marker + Truncate.toWidth(head, width - 2), x: area.x + 1, y: y, style: style, maxWidth: width)
        drawSnippet(hit.snippet, x: area.x + 5, y: y + 1, width: max(1, area.width - 6), theme: theme, into: &buffer)
    }

    /// The snippet with each `«…»` part in the search-match style (the marks themselves dropped).
    static func drawSnippet(_ snippet: String, x: Int, y: Int, width: Int, theme: Theme, into buffer: inout Buffer) {
        var column = 0
        var marked = false
        var piece = ""
        func flush() {
            guard !piece.isEmpty, column < width else { return }
            column += buffer.put(
                piece, x: x + column, y: y, style: marked ? theme.style(.searchMatch) : .plain, maxWidth: width - column)
            piece = ""
        }
        for character in snippet {
            if character == "«" || character == "»" {
                flush()
                marked = character == "«"
            } else {
                piece.append(character)
            }
        }
        flush()
    }
}
