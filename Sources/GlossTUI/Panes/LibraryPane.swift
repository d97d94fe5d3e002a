import GlossCore

/// The library list: two lines per article (title with progress and notes, then details).
public enum LibraryPane {
    static let rowHeight = 2
    static let headerHeight = 2

    /// How many entries fit in a body of `height` rows.
    public static func rows(forHeight height: Int) -> Int {
        max(1, (height - headerHeight) / rowHeight)
    }

    public static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let theme = state.theme
        let library = state.library
        buffer.fill(area)
        let count = library.visible.count
        let total = library.items.count
        var header = "Gloss · \(total) article\(total == 1 ? "" : "s")"
        if !library.filter.isEmpty { header += " · \(count) matching “\(library.filter)”" }
        buffer.put(header, x: area.x + 1, y: area.y, style: theme.style(.title), maxWidth: area.width - 2)
        if count == 0 {
            let text = !library.isLoaded ? loadingText(library.loadingProgress)
                : total == 0 ? "No articles yet: put .txt or .md files in the articles directory."
                : "Nothing matches the filter (Esc clears it)."
            buffer.put(text, x: area.x + 2, y: area.y + headerHeight, style: theme.style(.dim), maxWidth: area.width - 3)
            return
        }
        let rows = library.rows
        var row = max(0, min(library.top, rows.count - 1))
        var y = area.y + headerHeight
        while rows.indices.contains(row), y + rows[row].height <= area.maxY {
            switch rows[row] {
            case .heading(let name, let count, let unread):
                drawHeading(
                    name, count: count, unread: unread, error: library.feedErrors[name], at: y, in: area, theme: theme,
                    into: &buffer)
            case .item(let index):
                guard library.visible.indices.contains(index), library.items.indices.contains(library.visible[index])
                else { break }
                let item = library.items[library.visible[index]]
                drawItem(item, selected: index == library.selected, at: y, in: area, theme: theme, into: &buffer)
            }
            y += rows[row].height
            row += 1
        }
    }

    /// `── Ars Technica · 12 · 3 unread ──────`, with the error of a failed fetch after it.
    private static func drawHeading(
        _ name: String, count: Int, unread: Int, error: String?, at y: Int, in area: Rect, theme: Theme,
        into buffer: inout Buffer
    ) {
        var label = "── \(TerminalSafe.visible(name)) · \(count)"
        if unread > 0 { label += " · \(unread) unread" }
        label += " "
        let width = max(1, area.width - 2)
        let shown = Truncate.toWidth(label, width)
        var used = buffer.put(shown, x: area.x + 1, y: y, style: theme.style(.title), maxWidth: width)
        if let error, width - used > 1 {
            let failed = Truncate.toWidth("· fetch failed: \(TerminalSafe.visible(error)) ", width - used)
            used += buffer.put(failed, x: area.x + 1 + used, y: y, style: theme.style(.error), maxWidth: width - used)
        }
        let rest = width - used
        if rest > 0 { buffer.put(String(repeating: "─", count: rest), x: area.x + 1 + used, y: y, style: theme.style(.dim)) }
    }

    private static func drawItem(
        _ item: LibraryItem, selected: Bool, at y: Int, in area: Rect, theme: Theme, into buffer: inout Buffer
    ) {
        let marker = selected ? "▌" : " "
        buffer.put(marker, x: area.x, y: y, style: theme.style(.focus))
        buffer.put(marker, x: area.x, y: y + 1, style: theme.style(.focus))
        let right = rightColumn(item)
        let rightWidth = DisplayWidth.of(right)
        let titleWidth = max(1, area.width - 3 - rightWidth - 1)
        var titleStyle = theme.style(.title)
        if selected { titleStyle = titleStyle.merged(with: theme.style(.selection)) }
        let shown = Truncate.toWidth((item.isStarred ? "★ " : "") + item.title, titleWidth)
        buffer.put(shown, x: area.x + 2, y: y, style: titleStyle, maxWidth: titleWidth)
        buffer.put(right, x: area.maxX - rightWidth - 1, y: y, style: theme.style(.dim))
        let details = detailLine(item)
        buffer.put(
            Truncate.toWidth(details, area.width - 4), x: area.x + 2, y: y + 1,
            style: item.problem == nil ? theme.style(.dim) : theme.style(.error), maxWidth: area.width - 3)
    }

    /// `Loading…`, with how many articles were handled while a long first scan runs.
    static func loadingText(_ progress: LibraryState.LoadingProgress?) -> String {
        guard let progress else { return "Loading…" }
        return "Loading… \(progress.done.formatted()) of \(progress.total.formatted()) articles"
    }

    /// Progress and note count, right-aligned on the title line.
    static func rightColumn(_ item: LibraryItem) -> String {
        let percent = item.progress.map { "\($0)%" }
        // Unread articles say so (with how far they were read, if opened before); read ones
        // never opened say "read".
        let progress = !item.isRead ? (percent.map { "new \($0)" } ?? "new") : (percent ?? "read")
        return "\(progress)  ✎ \(item.annotationCountText)"
    }

    static func detailLine(_ item: LibraryItem) -> String {
        if let problem = item.problem { return "\(item.relativePath) · \(problem)" }
        var parts: [String] = []
        if let source = item.source { parts.append(source) }
        if let date = item.date { parts.append(date) }
        parts.append("\(item.words.formatted()) words")
        parts.append("\(item.minutes) min")
        return parts.joined(separator: " · ")
    }
}

extension Int {
    /// Thousands separated by commas, without Foundation's formatters.
    func formatted() -> String {
        let digits = String(Swift.abs(self))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return self < 0 ? "-" + out : out
    }
}
