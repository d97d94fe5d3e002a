/// Where a wrapped line starts and which scalars it draws, before any glyph is built.
struct LineSpan: Hashable, Sendable {
    /// First scalar offset belonging to the line (dropped spaces belong to the line before).
    var start: Int
    /// The scalars drawn: always contiguous, since only leading and trailing spaces are dropped.
    var content: Range<Int>
}

/// Greedy line breaking in one pass over the grapheme clusters, keeping only the last break
/// opportunity of the current line: when a cluster does not fit, the line ends there and the
/// clusters after it carry over. No per-word buffer, so a 2 MB paragraph costs one scan.
struct LineBreaker {
    private let firstWidth: Int
    private let width: Int
    private(set) var lines: [LineSpan] = []

    // The line being filled.
    private var lineStart = 0
    private var contentStart: Int?
    /// Where spaces at the start of a line opened by a newline begin: kept when they fit.
    private var leadingSpacesStart: Int?
    private var contentEnd = 0
    /// Columns used so far, spaces after the last visible cluster included.
    private var lineWidth = 0
    private var openedByNewline = true

    // The last place the current line may break: the line would keep what came before it and
    // the next line would start at `resumeOffset`.
    private var hasOpportunity = false
    private var opportunityHadContent = false
    private var opportunityContentEnd = 0
    private var resumeOffset: Int?
    private var widthAtResume = 0

    private var inSpaces = false
    private var previous: BreakClass?

    init(width: Int, firstWidth: Int) {
        self.width = max(1, width)
        self.firstWidth = max(1, firstWidth)
    }

    /// Lines of `text` wrapped to `width` columns, the first to `firstWidth`.
    /// `markers` (sorted by offset) widen the character they follow, so they wrap with it.
    static func lines(of text: String, width: Int, firstWidth: Int, markers: [LinkMarker] = []) -> [LineSpan] {
        var breaker = LineBreaker(width: width, firstWidth: firstWidth)
        var offset = 0
        var nextMarker = 0
        for character in text {
            // One look at a single ASCII scalar gives everything.
            if let ascii = character.singleASCIIByte {
                var width = 1
                while nextMarker < markers.count, markers[nextMarker].offset <= offset {
                    if markers[nextMarker].offset == offset { width += markers[nextMarker].width }
                    nextMarker += 1
                }
                breaker.add(character, kind: BreakClass.ascii(UInt32(ascii)), width: width, at: offset, scalarCount: 1)
                offset += 1
            } else {
                let count = character.unicodeScalars.count
                var width = DisplayWidth.of(character)
                while nextMarker < markers.count, markers[nextMarker].offset < offset + count {
                    if markers[nextMarker].offset >= offset { width += markers[nextMarker].width }
                    nextMarker += 1
                }
                breaker.add(character, kind: BreakClass(character), width: width, at: offset, scalarCount: count)
                offset += count
            }
        }
        breaker.finish()
        return breaker.lines
    }

    private var available: Int { lines.isEmpty ? firstWidth : width }

    mutating func add(_ character: Character, kind: BreakClass, width: Int, at offset: Int, scalarCount: Int) {
        switch kind {
        case .newline:
            endLine(contentEnd: contentEnd, hadContent: contentStart != nil)
            lineStart = offset + scalarCount
            openedByNewline = true
            previous = nil
        case .space:
            addSpace(width: width, at: offset)
        default:
            addVisible(character, kind: kind, width: width, at: offset, scalarCount: scalarCount)
        }
    }

    private mutating func addSpace(width spaceWidth: Int, at offset: Int) {
        // Lines only wrap before a visible cluster, so spaces never start a wrapped line.
        if contentStart == nil, leadingSpacesStart == nil { leadingSpacesStart = offset }
        if !inSpaces {
            markOpportunity()
            inSpaces = true
        }
        lineWidth += spaceWidth
        previous = .space
    }

    private mutating func addVisible(
        _ character: Character, kind: BreakClass, width glyphWidth: Int, at offset: Int, scalarCount: Int
    ) {
        if inSpaces {
            inSpaces = false
        } else if let previous, previous != .space, breakAllowed(after: previous, before: kind, character) {
            markOpportunity()
        }
        if hasOpportunity, resumeOffset == nil {
            resumeOffset = offset
            widthAtResume = lineWidth
        }
        if contentStart == nil, lines.isEmpty, glyphWidth > firstWidth, glyphWidth <= width {
            // A wide character that only the narrowed first line cannot hold waits for the next.
            endLine(contentEnd: offset, hadContent: false)
            lineStart = offset
            openedByNewline = false
        }
        if lineWidth + glyphWidth > available {
            if hasOpportunity { breakAtOpportunity() }
            if lineWidth + glyphWidth > available, contentStart != nil {
                endLine(contentEnd: contentEnd, hadContent: true)
                lineStart = offset
                openedByNewline = false
            }
        }
        if contentStart == nil { contentStart = leadingSpacesStart ?? offset }
        contentEnd = offset + scalarCount
        lineWidth += glyphWidth
        previous = kind
    }

    private func breakAllowed(after previous: BreakClass, before kind: BreakClass, _ character: Character) -> Bool {
        let isLetter = previous == .hyphen && (character.unicodeScalars.first?.properties.isAlphabetic ?? false)
        return BreakClass.allowsBreak(between: previous, and: kind, afterIsLetter: isLetter)
    }

    private mutating func markOpportunity() {
        hasOpportunity = true
        opportunityHadContent = contentStart != nil
        opportunityContentEnd = contentEnd
        resumeOffset = nil
        widthAtResume = lineWidth
    }

    private mutating func breakAtOpportunity() {
        guard let resume = resumeOffset else { return }
        let carried = lineWidth - widthAtResume
        let carriesContent = contentStart != nil && contentEnd > resume
        if opportunityHadContent {
            lines.append(LineSpan(start: lineStart, content: (contentStart ?? resume)..<opportunityContentEnd))
            lineStart = resume
            openedByNewline = false
        }
        // Either a new line or, with nothing before the opportunity, the same line without its
        // leading spaces.
        contentStart = carriesContent ? resume : nil
        leadingSpacesStart = nil
        lineWidth = carried
        hasOpportunity = false
        resumeOffset = nil
    }

    /// Ends the current line; the caller says where the next one starts.
    private mutating func endLine(contentEnd end: Int, hadContent: Bool) {
        let content = hadContent ? (contentStart ?? lineStart)..<end : lineStart..<lineStart
        lines.append(LineSpan(start: lineStart, content: content))
        contentStart = nil
        leadingSpacesStart = nil
        contentEnd = end
        lineWidth = 0
        hasOpportunity = false
        resumeOffset = nil
        inSpaces = false
    }

    /// Ends the last line. Text after the last newline makes a line only if it draws something,
    /// and empty text still has one (empty) line.
    mutating func finish() {
        if contentStart != nil || !openedByNewline || lines.isEmpty {
            endLine(contentEnd: contentEnd, hadContent: contentStart != nil)
        }
    }
}
