import GlossCore

/// The article text: the lines of the visible blocks, styled, with the focused block marked
/// in the left margin, highlights as background colour, the visual selection and search matches.
public enum ArticlePane {
    public static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty, let view = state.reader else { return }
        let theme = state.theme
        buffer.fill(area)
        guard view.blockCount > 0 else {
            buffer.put("empty article", x: area.x, y: area.y, style: theme.style(.dim), maxWidth: area.width)
            return
        }
        let query = view.search.map { SearchQuery($0.query) }
        var position = view.viewport.top
        var matches: (block: Int, ranges: [Range<Int>])?
        var marks: (block: Int, spans: [MarkSpan])?
        let selection = state.visual.map { $0.selection.blockRanges(in: view.article.blocks) } ?? []
        // Every block drawn has at least one row, so these are all the blocks that can show.
        let shown = position.block..<max(position.block, min(view.blockCount, position.block + area.height))
        let highlights = view.annotations.highlights(inBlocks: shown)
        for row in 0..<area.height {
            guard position.block < view.blockCount else { break }
            let lines = view.layout.lines(of: position.block)
            if lines.indices.contains(position.line) {
                if let query, !query.text.isEmpty, matches?.block != position.block {
                    let text = view.article.blocks[position.block].text
                    matches = (position.block, TextSearch.matches(of: query, in: text))
                }
                if marks?.block != position.block {
                    marks = (
                        position.block,
                        spans(
                            ofBlock: position.block, highlights: highlights[position.block] ?? [], selection: selection,
                            state: state))
                }
                let line = lines[position.line]
                let focused = position.block == view.focus
                if focused, line.role != .separator, !line.role.isHeader, area.x >= 2 {
                    buffer.put("▎", x: area.x - 2, y: area.y + row, style: theme.style(.focus))
                }
                draw(
                    line, at: area.y + row, in: area, theme: theme, focused: focused,
                    matches: matches?.block == position.block ? matches?.ranges ?? [] : [],
                    current: view.search?.current?.block == position.block ? view.search?.current?.range : nil,
                    marks: marks?.spans ?? [], into: &buffer)
            }
            if position.line + 1 < lines.count {
                position.line += 1
            } else {
                position = LinePosition(block: position.block + 1, line: 0)
            }
        }
    }

    static func baseStyle(for role: LineRole, theme: Theme) -> Style {
        switch role {
        case .heading(let level):
            let style = theme.style(.heading)
            return level <= 1 ? style.merged(with: Style(attributes: [.underline])) : style
        case .quote: return theme.style(.quote)
        case .code: return theme.style(.code)
        case .tableHeader: return theme.style(.strong)
        case .headerTitle: return theme.style(.title)
        case .headerByline, .headerRule: return theme.style(.dim)
        case .paragraph, .listItem, .table, .separator: return .plain
        }
    }

    private static func draw(
        _ line: RenderedLine, at y: Int, in area: Rect, theme: Theme, focused: Bool,
        matches: [Range<Int>], current: Range<Int>?, marks: [MarkSpan], into buffer: inout Buffer
    ) {
        let base = baseStyle(for: line.role, theme: theme)
        var x = area.x
        if !line.prefix.isEmpty {
            let prefixStyle =
                line.prefixElement.map { theme.style($0) } ?? (line.role == .listItem ? theme.style(.focus) : base)
            x += buffer.put(line.prefix, x: x, y: y, style: prefixStyle, maxWidth: area.maxX - x)
        }
        guard let text = line.text else { return }
        for glyph in text.glyphs {
            guard x + glyph.width <= area.maxX else { break }
            if glyph.style.contains(.linkMarker) {
                // A marker is not text: highlights, the selection and matches leave it alone.
                buffer.put(glyph.text, x: x, y: y, style: theme.style(.linkMarker), maxWidth: glyph.width)
                x += glyph.width
                continue
            }
            var style = base.merged(with: inlineStyle(glyph.style, theme: theme))
            // Later spans are inner ones (and the selection comes last), so the last hit wins.
            if let mark = marks.last(where: { $0.range.contains(glyph.offset) }) {
                style = style.merged(with: mark.style)
            }
            if let current, current.overlaps(glyph.offset..<(glyph.offset + max(1, glyph.scalarCount))) {
                style = style.merged(with: theme.style(.searchMatch)).merged(with: Style(attributes: [.bold]))
            } else if matches.contains(where: { $0.contains(glyph.offset) }) {
                style = style.merged(with: theme.style(.searchMatch))
            }
            buffer.put(glyph.text, x: x, y: y, style: style, maxWidth: glyph.width)
            x += glyph.width
        }
    }

    /// A styled stretch of a block's text: a highlight or the selection.
    struct MarkSpan {
        var range: Range<Int>
        var style: Style
    }

    /// The highlights of `block` (outermost first, as `ReaderAnnotations.highlights(inBlock:)`
    /// gives them), then the part of the selection in it.
    static func spans(
        ofBlock block: Int, highlights: [(range: Range<Int>, color: String)],
        selection: [(block: Int, range: Range<Int>)], state: AppState
    ) -> [MarkSpan] {
        var spans = highlights.map { highlight in
            MarkSpan(range: highlight.range, style: state.theme.highlightStyle(color(named: highlight.color, in: state)))
        }
        for part in selection where part.block == block {
            spans.append(MarkSpan(range: part.range, style: state.theme.style(.selection)))
        }
        return spans
    }

    /// The terminal colour of a highlight colour name; unknown names get the default colour.
    static func color(named name: String, in state: AppState) -> Color {
        let settings = state.highlightSettings
        if let match = settings.colors.first(where: { $0.name == name }) { return match.color }
        return settings.color(number: settings.defaultColor)?.color ?? .yellow
    }

    static func inlineStyle(_ inline: InlineStyle, theme: Theme) -> Style {
        var style = Style.plain
        if inline.contains(.emphasis) { style = style.merged(with: theme.style(.emphasis)) }
        if inline.contains(.strong) { style = style.merged(with: theme.style(.strong)) }
        if inline.contains(.code) { style = style.merged(with: theme.style(.code)) }
        if inline.contains(.link) { style = style.merged(with: theme.style(.link)) }
        if inline.contains(.strikethrough) { style = style.merged(with: Style(attributes: [.dim])) }
        return style
    }
}
