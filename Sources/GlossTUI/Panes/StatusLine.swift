import GlossCore

/// The bottom row: a prompt while typing, else a message or the title, and the position.
public enum StatusLine {
    public static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) -> (x: Int, y: Int)? {
        guard !area.isEmpty else { return nil }
        let theme = state.theme
        let base = theme.style(.status)
        buffer.fill(area, style: base)
        if case .confirm(let question, _) = state.prompt {
            buffer.put(Truncate.toWidth(question, area.width - 2), x: area.x + 1, y: area.y, style: base)
            return (min(area.maxX - 1, area.x + 1 + DisplayWidth.of(Truncate.toWidth(question, area.width - 2)) + 1), area.y)
        }
        if let prompt = state.prompt {
            let (label, field): (String, TextField)
            switch prompt {
            case .confirm: return nil
            case .search(let f, _): (label, field) = ("/", f)
            case .filter(let f): (label, field) = ("filter: ", f)
            case .noteFilter(let f): (label, field) = ("filter notes: ", f)
            }
            let x = area.x + buffer.put(label, x: area.x, y: area.y, style: base, maxWidth: area.width)
            let before = String(field.characters.prefix(field.cursor))
            let beforeWidth = DisplayWidth.of(before)
            let room = area.maxX - x - 1
            // Keep the cursor visible when the text is longer than the line.
            let skip = max(0, beforeWidth - room)
            let shown = skip > 0 ? String(dropColumns(skip, from: field.text)) : field.text
            buffer.put(shown, x: x, y: area.y, style: base, maxWidth: room)
            return (min(area.maxX - 1, x + beforeWidth - skip), area.y)
        }
        var message = state.message
        if let shown = message, area.height > 1 {
            // A message that must be read whole and does not fit beside the position gets the
            // rows above the status line, wrapped, so the position stays in sight below it.
            let style = shown.isError ? base.merged(with: theme.style(.error)) : base
            let rows = area.height - 1
            for (row, line) in TextWrapper.wrap(shown.text, width: max(1, area.width - 2)).prefix(rows).enumerated() {
                buffer.put(line.glyphs.map(\.text).joined(), x: area.x + 1, y: area.y + row, style: style)
            }
            message = nil
        }
        let line = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
        var right = rightText(state)
        var leftWidth = max(0, line.width - DisplayWidth.of(right) - 3)
        if let message {
            // A path just written matters more than the position: when it does not fit beside
            // it, it gets the whole line.
            if message.needsWholeLine, DisplayWidth.of(message.text) > leftWidth {
                right = ""
                leftWidth = max(0, line.width - 2)
            }
            let style = message.isError ? base.merged(with: theme.style(.error)) : base
            buffer.put(Truncate.toWidth(message.text, leftWidth), x: line.x + 1, y: line.y, style: style)
        } else {
            buffer.put(Truncate.toWidth(leftText(state), leftWidth), x: line.x + 1, y: line.y, style: base)
        }
        buffer.put(right, x: line.maxX - DisplayWidth.of(right) - 1, y: line.y, style: base)
        return nil
    }

    /// At most this many rows are taken by a long message, above the status line.
    static let maxMessageRows = 3

    /// The rows the status line needs: one, or more for a message that must be read whole (a
    /// path just written, the pane hint) and does not fit beside the position: it is wrapped on
    /// its own rows above.
    public static func height(for state: AppState, width: Int) -> Int {
        guard state.prompt == nil, let message = state.message, message.needsWholeLine else { return 1 }
        let beside = width - DisplayWidth.of(rightText(state)) - 3
        guard DisplayWidth.of(message.text) > beside else { return 1 }
        let rows = TextWrapper.lineCount(message.text, width: max(1, width - 2))
        return max(1, min(maxMessageRows, rows, state.size.height / 2 - 1) + 1)
    }

    static func leftText(_ state: AppState) -> String {
        if let pending = state.pendingOpen { return "opening \(pending)…" }
        switch state.screen {
        case .library:
            if let fetch = state.feedFetch { return fetch.statusText }
            if state.pageSavesRunning > 0 { return "saving …" }
            let counts = state.library.viewCounts
            return "\(state.library.view.title) \(counts.count) · \(counts.unread) unread"
        case .reader:
            if state.pageSavesRunning > 0 { return "saving …" }
            return state.reader?.article.metadata.title ?? ""
        }
    }

    static func rightText(_ state: AppState) -> String {
        switch state.screen {
        case .library:
            let count = state.library.visible.count
            let pos = count == 0 ? "0/0" : "\(state.library.selected + 1)/\(count)"
            return "\(pos)  /:filter  ?:help"
        case .reader:
            guard let view = state.reader else { return "" }
            guard view.blockCount > 0 else { return "q:back  ?:help" }
            // While a large article's rest is read, its length is not known yet.
            let position = view.isPartial
                ? "¶ \(view.focus + 1)/…" : "¶ \(view.focus + 1)/\(view.blockCount)  \(view.percent)%"
            switch state.mode {
            case .visual: return "-- VISUAL --  \(position)  Esc:cancel"
            case .pane: return "-- NOTES --  \(position)  Tab:reader  ?:help"
            case .links: return "-- LINKS --  \(position)  ?:help"
            default:
                let count = view.annotations.annotations.count
                let notes = count == 0 ? "" : "\(count) note\(count == 1 ? "" : "s")  "
                // A fetch started in the library goes on while reading; show that it does.
                let fetching = state.feedFetch.map { "feeds \($0.done)/\($0.total)…  " } ?? ""
                return "\(fetching)\(notes)\(position)  /:search  ?:help"
            }
        }
    }

    private static func dropColumns(_ columns: Int, from text: String) -> Substring {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex, used < columns {
            used += DisplayWidth.of(text[index])
            index = text.index(after: index)
        }
        return text[index...]
    }
}
