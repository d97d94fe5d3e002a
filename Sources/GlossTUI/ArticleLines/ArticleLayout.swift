import GlossCore

/// Lays out an article's blocks at a text width, lazily and with a cache, so that moving around
/// a huge article only ever wraps the blocks near the screen.
public final class ArticleLayout {
    public let blocks: [Block]
    public private(set) var width: Int
    /// False for `gloss dump`, where code lines are printed whole, however long.
    public let wrapsCode: Bool
    private var cache: [Int: [RenderedLine]] = [:]
    /// Wrapping is cheap per block but not free; dropping everything past this keeps memory flat.
    private let cacheLimit = 4_096

    /// Drawn above the first block's lines; nil for none.
    public let header: BylineHeader?
    /// The number of each block's first link, when link markers are shown (nil otherwise).
    private let firstLinkNumbers: [Int]?
    /// Links in all blocks: enclosures are numbered after them.
    private let blockLinkCount: Int

    public init(
        blocks: [Block], width: Int, wrapsCode: Bool = true, header: BylineHeader? = nil, showsLinkMarkers: Bool = false
    ) {
        self.blocks = blocks
        self.width = max(1, width)
        self.wrapsCode = wrapsCode
        self.header = header
        var numbers: [Int] = []
        var count = 0
        if showsLinkMarkers { numbers.reserveCapacity(blocks.count) }
        for block in blocks {
            if showsLinkMarkers { numbers.append(count + 1) }
            count += block.links.count
        }
        self.firstLinkNumbers = showsLinkMarkers ? numbers : nil
        self.blockLinkCount = count
    }

    public var showsLinkMarkers: Bool { firstLinkNumbers != nil }

    /// Changes the text width; cached lines are only valid for one width.
    public func setWidth(_ newWidth: Int) {
        let w = max(1, newWidth)
        guard w != width else { return }
        width = w
        cache.removeAll(keepingCapacity: true)
    }

    public var blockCount: Int { blocks.count }

    /// The rendered lines of block `index`, including its trailing separator line if any.
    public func lines(of index: Int) -> [RenderedLine] {
        guard blocks.indices.contains(index) else { return [] }
        if let hit = cache[index] { return hit }
        if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
        let block = blocks[index]
        let markers = firstLinkNumbers.map { LinkMarker.markers(for: block.links, in: block.text, firstNumber: $0[index]) } ?? []
        var lines = Self.render(block, width: width, wrapsCode: wrapsCode, markers: markers)
        if index == 0, let header {
            let enclosures = showsLinkMarkers ? header.enclosures.indices.map { blockLinkCount + $0 + 1 } : nil
            lines = header.lines(width: width, enclosureNumbers: enclosures) + lines
        }
        if hasSeparator(after: index) { lines.append(RenderedLine(prefix: "", text: nil, role: .separator)) }
        cache[index] = lines
        return lines
    }

    public func height(of index: Int) -> Int { lines(of: index).count }

    /// The number of lines of block `index` that hold text (its height without the separator).
    public func textHeight(of index: Int) -> Int {
        lines(of: index).reduce(0) { $0 + ($1.role == .separator ? 0 : 1) }
    }

    /// Consecutive list items stay together; every other pair of blocks gets a blank line.
    private func hasSeparator(after index: Int) -> Bool {
        let next = index + 1
        guard blocks.indices.contains(next) else { return false }
        if case .listItem = blocks[index].kind, case .listItem = blocks[next].kind { return false }
        return true
    }

    /// Code is never reflowed: a source line wider than the column is broken at the column and
    /// its rest drawn on the next lines behind a dim `↪` in the margin, so every character shows.
    static let codeContinuationMarker = "↪ "

    static func render(_ block: Block, width: Int, wrapsCode: Bool = true, markers: [LinkMarker] = []) -> [RenderedLine] {
        switch block.kind {
        case .heading(let level):
            return TextWrapper.wrap(block.text, spans: block.spans, width: width, markers: markers)
                .map { RenderedLine(prefix: "", text: $0, role: .heading(level: level)) }
        case .paragraph:
            return TextWrapper.wrap(block.text, spans: block.spans, width: width, markers: markers)
                .map { RenderedLine(prefix: "", text: $0, role: .paragraph) }
        case .listItem(let marker, let depth):
            let indent = String(repeating: " ", count: min(depth * 2, width / 2))
            let shownMarker = TerminalSafe.visible(marker)
            let first = indent + shownMarker + " "
            let hanging = String(repeating: " ", count: DisplayWidth.of(first))
            let wrapped = TextWrapper.wrap(
                block.text, spans: block.spans, width: width - DisplayWidth.of(first), markers: markers)
            return wrapped.enumerated().map { i, line in
                RenderedLine(prefix: i == 0 ? first : hanging, text: line, role: .listItem)
            }
        case .quote(let depth):
            let bars = String(repeating: "│ ", count: min(depth + 1, max(1, width / 4)))
            return TextWrapper.wrap(block.text, spans: block.spans, width: width - DisplayWidth.of(bars), markers: markers)
                .map { RenderedLine(prefix: bars, text: $0, role: .quote) }
        case .code:
            // Unwrapped code still needs a finite width; no line is that long.
            let codeWidth = wrapsCode ? width - 2 : Int.max / 4
            return TextWrapper.codeLinesMarkingContinuations(block.text, width: codeWidth).map { line, continues in
                continues
                    ? RenderedLine(prefix: codeContinuationMarker, text: line, role: .code, prefixElement: .dim)
                    : RenderedLine(prefix: "  ", text: line, role: .code)
            }
        case .table(let shape):
            return TableLayout(block: block, shape: shape, width: width).lines
        }
    }
}
