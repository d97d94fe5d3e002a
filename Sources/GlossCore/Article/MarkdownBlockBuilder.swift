/// Turns the enter/exit walk of a Markdown syntax tree into blocks.
///
/// - Headings, paragraphs and code blocks map to the block kinds of the same names; code keeps its
///   text verbatim without the final newline, and its language is the first word of the fence info.
/// - Paragraphs inside a block quote become `.quote(depth:)`, depth 0 for the outermost quote.
/// - Each list item is one `.listItem(marker:depth:)` block: marker `•`, or the item's real number
///   and delimiter (`3.` or `3)`); depth 0 for a top-level list, +1 per enclosing list. The item's
///   paragraphs are joined with "\n". A nested list, quote, code block or heading inside an item
///   ends the item's block; a paragraph after it continues the item as a block with an empty marker.
/// - HTML blocks become paragraphs holding the literal HTML (never interpreted); a table becomes one
///   `.table` block (rows joined by "\n", cells by " | ", see ``MarkdownTableBuilder``); thematic
///   breaks are skipped.
/// - Inline: emphasis, strong, code, links and strikethrough become spans; a soft break becomes a
///   space and a hard break "\n"; inline HTML stays literal text; an image becomes "[image: alt]".
///   Links and images keep their targets (``InlineLink``), unresolved; an image without alt text
///   becomes "[image]".
struct MarkdownBlockBuilder {
    private enum Container {
        case quote
        case list(ordered: Bool, next: Int, delimiter: String)
        case item(marker: String, depth: Int, emitted: Bool)

        var isQuote: Bool { if case .quote = self { true } else { false } }
        var isList: Bool { if case .list = self { true } else { false } }
        var isItem: Bool { if case .item = self { true } else { false } }
    }

    private(set) var blocks: [Block] = []
    /// Nesting has no limit of its own (cmark-gfm builds the tree without recursion), so nothing
    /// here walks this stack: the counts below are kept as containers open and close, or a list
    /// nested 100,000 deep on one line would cost time quadratic in its length.
    private var containers: [Container] = []
    private var quoteCount = 0
    private var listCount = 0
    /// The block whose text is being collected, with its kind.
    private var open: (kind: BlockKind, text: InlineTextBuilder)?
    /// The index in `containers` of the item that owns `open`, when it belongs to a list item.
    private var openItem: Int?
    /// The table being collected; its text goes into `open`.
    private var table: MarkdownTableBuilder?
    /// An image was entered and its alt text has not started: "[image: " waits for it.
    private var imageWaitsForAlt = false

    mutating func enter(_ node: MarkdownNode) {
        switch node {
        case .document, .other:
            break
        case .blockQuote:
            closeItemText()
            push(.quote)
        case let .list(ordered, start, delimiter):
            closeItemText()
            push(.list(ordered: ordered, next: start, delimiter: delimiter))
        case .item:
            closeItemText()
            push(.item(marker: nextMarker(), depth: listDepth, emitted: false))
        case let .codeBlock(literal, info):
            closeItemText()
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
            let code = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
            blocks.append(Block(kind: .code(language: language), text: code))
        case let .htmlBlock(literal):
            beginParagraph()
            var html = Substring(literal)
            while html.hasSuffix("\n") { html = html.dropLast() }
            open?.text.append(String(html))
            endParagraph()
        case .paragraph:
            beginParagraph()
        case let .heading(level):
            closeItemText()
            flushOpen()
            open = (.heading(level: level), InlineTextBuilder())
        case .thematicBreak:
            closeItemText()
        case let .table(alignments):
            closeItemText()
            flushOpen()
            table = MarkdownTableBuilder(alignments: alignments)
            open = (.paragraph, InlineTextBuilder())
        case .tableRow:
            withTableText { table, text in table.beginRow(in: &text) }
        case .tableCell:
            withTableText { table, text in table.beginCell(in: &text) }
        case let .text(literal), let .htmlInline(literal):
            appendText(literal)
        case .softBreak:
            appendText(" ")
        case .lineBreak:
            appendText("\n")
        case let .code(literal):
            pushStyle(.code)
            appendText(literal)
            popStyle()
        case .emphasis: pushStyle(.emphasis)
        case .strong: pushStyle(.strong)
        case .link(let url):
            pushStyle(.link)
            open?.text.openLink(url, kind: .link)
        case .strikethrough: pushStyle(.strikethrough)
        case .image(let url):
            if open == nil { beginParagraph() }
            open?.text.openLink(url, kind: .image)
            imageWaitsForAlt = true
        }
    }

    mutating func exit(_ node: MarkdownNode) {
        switch node {
        case .blockQuote, .list:
            closeItemText()
            popContainer()
        case .item:
            if openItem != nil {
                closeItemText()
            } else if case let .item(marker, depth, false)? = containers.last {
                // An empty item still shows its marker, so numbering stays visible.
                blocks.append(Block(kind: .listItem(marker: marker, depth: depth), text: ""))
            }
            popContainer()
        case .paragraph:
            endParagraph()
        case .table:
            if let end = open?.text.scalarCount, let shape = table?.finish(at: end) {
                open?.kind = .table(shape)
            }
            table = nil
            flushOpen()
        case .heading:
            flushOpen()
        case .link:
            open?.text.closeLink()
            popStyle()
        case .emphasis, .strong, .strikethrough:
            popStyle()
        case .image:
            if imageWaitsForAlt {
                imageWaitsForAlt = false
                appendText("[image]")
            } else {
                appendText("]")
            }
            open?.text.closeLink()
        default:
            break
        }
    }

    /// Closes whatever is still open and returns the blocks.
    mutating func finish() -> [Block] {
        flushOpen()
        return blocks
    }

    // MARK: - Paragraph-like blocks

    /// Opens a block for a paragraph in its context: the text of the enclosing list item, a quote
    /// inside a block quote, or a plain paragraph.
    private mutating func beginParagraph() {
        guard let itemIndex = innermostItemIndex else {
            flushOpen()
            open = (quoteDepth.map { BlockKind.quote(depth: $0) } ?? .paragraph, InlineTextBuilder())
            return
        }
        if openItem == itemIndex, open != nil {
            open?.text.append("\n")
            return
        }
        flushOpen()
        guard case let .item(marker, depth, emitted) = containers[itemIndex] else { return }
        open = (.listItem(marker: emitted ? "" : marker, depth: depth), InlineTextBuilder())
        openItem = itemIndex
    }

    /// Ends a paragraph; inside a list item the block stays open for the item's next paragraph.
    private mutating func endParagraph() {
        if openItem == nil { flushOpen() }
    }

    /// Emits the open list-item block before something that is not part of the item's text.
    private mutating func closeItemText() {
        guard let itemIndex = openItem else { return }
        flushOpen()
        if containers.indices.contains(itemIndex), case let .item(marker, depth, _) = containers[itemIndex] {
            containers[itemIndex] = .item(marker: marker, depth: depth, emitted: true)
        }
    }

    private mutating func flushOpen() {
        defer {
            open = nil
            openItem = nil
        }
        guard let (kind, text) = open else { return }
        if case .listItem = kind {
            blocks.append(text.block(kind))
        } else if !text.isEmpty {
            blocks.append(text.block(kind))
        }
    }

    /// Runs `body` on the table and the open text, moved out so that neither is copied.
    private mutating func withTableText(_ body: (inout MarkdownTableBuilder, inout InlineTextBuilder) -> Void) {
        guard var current = open, var builder = table else { return }
        open = nil
        table = nil
        body(&builder, &current.text)
        open = current
        table = builder
    }

    // MARK: - Inline text

    private mutating func appendText(_ piece: String) {
        if open == nil { beginParagraph() }
        if imageWaitsForAlt, !piece.isEmpty {
            imageWaitsForAlt = false
            open?.text.append("[image: ")
        }
        open?.text.append(piece)
    }

    private mutating func pushStyle(_ style: InlineStyle) {
        if open == nil { beginParagraph() }
        open?.text.pushStyle(style)
    }

    private mutating func popStyle() {
        open?.text.popStyle()
    }

    // MARK: - Context

    private mutating func push(_ container: Container) {
        if container.isQuote { quoteCount += 1 }
        if container.isList { listCount += 1 }
        containers.append(container)
    }

    private mutating func popContainer() {
        guard let container = containers.popLast() else { return }
        if container.isQuote { quoteCount -= 1 }
        if container.isList { listCount -= 1 }
    }

    /// The index of the innermost list item, unless a block quote is nested inside it.
    private var innermostItemIndex: Int? {
        guard let index = containers.lastIndex(where: { $0.isQuote || $0.isItem }), containers[index].isItem
        else { return nil }
        return index
    }

    private var quoteDepth: Int? {
        quoteCount > 0 ? quoteCount - 1 : nil
    }

    private var listDepth: Int {
        max(0, listCount - 1)
    }

    /// The marker of the next item of the innermost list, advancing its counter.
    private mutating func nextMarker() -> String {
        guard let index = containers.lastIndex(where: \.isList),
            case let .list(ordered, next, delimiter) = containers[index]
        else { return "•" }
        guard ordered else { return "•" }
        containers[index] = .list(ordered: true, next: next + 1, delimiter: delimiter)
        return "\(next)\(delimiter)"
    }
}
