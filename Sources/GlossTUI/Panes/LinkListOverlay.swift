import GlossCore

/// `L`: the open article's links over the whole body, one row each: number, text and URL.
public enum LinkListOverlay {
    public static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
        guard let list = state.linkList, area.width > 4, area.height > 2 else { return }
        let theme = state.theme
        buffer.fill(area)
        let shown = list.visible
        let title = "Links (\(shown.count) of \(list.links.count))  Enter:open  a:save  y:URL  /:filter  q:close"
        buffer.put(Truncate.toWidth(title, area.width - 2), x: area.x + 1, y: area.y, style: theme.style(.title))
        let showsFilter = list.isFiltering || !list.filter.text.isEmpty
        let rows = max(1, area.height - 2 - (showsFilter ? 1 : 0))
        let top = list.selected < rows ? 0 : list.selected - rows + 1
        let numberWidth = String(list.links.last?.number ?? 1).count + 2
        for (row, index) in (top..<min(shown.count, top + rows)).enumerated() {
            let y = area.y + 2 + row
            let link = shown[index]
            let selected = index == list.selected
            let base = selected ? theme.style(.selection) : .plain
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: base) }
            let number = "[\(link.number)]"
            let numberText = String(repeating: " ", count: max(0, numberWidth - number.count)) + number
            var x = area.x + 1
            x += buffer.put(numberText + " ", x: x, y: y, style: base.merged(with: theme.style(.linkMarker)))
            let room = max(0, area.maxX - x - 1)
            let label = link.label.isEmpty ? (link.kind == .image ? "image" : "(no text)") : link.label
            let labelWidth = min(DisplayWidth.of(label), max(room / 2, room - DisplayWidth.of(link.url) - 2))
            x += buffer.put(Truncate.toWidth(label, labelWidth), x: x, y: y, style: base, maxWidth: room)
            x += 2
            let urlRoom = max(0, area.maxX - x - 1)
            buffer.put(Truncate.toWidth(link.url, urlRoom), x: x, y: y, style: base.merged(with: theme.style(.dim)), maxWidth: urlRoom)
        }
        if shown.isEmpty {
            buffer.put("no link matches", x: area.x + 1, y: area.y + 2, style: theme.style(.dim))
        }
        if showsFilter {
            let prompt = "/" + list.filter.text + (list.isFiltering ? "▏" : "")
            buffer.put(Truncate.toWidth(prompt, area.width - 2), x: area.x + 1, y: area.maxY - 1, style: theme.style(.status))
        }
    }
}
