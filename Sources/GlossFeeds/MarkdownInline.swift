import GlossCore

/// The inline content of one Markdown block, built from pieces and escaped when rendered.
///
/// Text is kept apart from markup (`*`, `[`, `](url)`) until the end, so that only text is escaped
/// and whitespace can be collapsed the way a browser does, and moved out of emphasis delimiters
/// (`**bold **` would not render as bold).
struct MarkdownInline {
    enum Piece: Equatable {
        case text(String)
        case markup(String)
        case space
        case hardBreak
    }

    private(set) var pieces: [Piece] = []
    private var run = String.UnicodeScalarView()

    /// Whether nothing visible has been added.
    var isEmpty: Bool {
        run.isEmpty && pieces.allSatisfy { $0 == .space || $0 == .hardBreak }
    }

    /// Adds text as a browser shows it: runs of whitespace are one space, control characters are
    /// dropped (but for the C1 controls that stand for windows-1252 quotes and dashes).
    mutating func appendText(_ text: String) {
        for scalar in text.unicodeScalars {
            if TextScalar.isWhitespace(scalar) {
                appendSpace()
            } else if TextScalar.isControl(scalar) {
                if let character = Windows1252.character(forControl: scalar) { run.append(character) }
            } else {
                run.append(scalar)
            }
        }
    }

    mutating func appendSpace() {
        flushRun()
        if pieces.last != .space { pieces.append(.space) }
    }

    /// Markup written as is (code spans, delimiters).
    mutating func appendMarkup(_ markup: String) {
        flushRun()
        pieces.append(.markup(markup))
    }

    mutating func appendHardBreak() {
        flushRun()
        pieces.append(.hardBreak)
    }

    /// Adds `inner` between two delimiters, with its outer spaces moved outside them; nothing when
    /// `inner` is empty but for spaces.
    mutating func append(_ inner: MarkdownInline, open: String, close: String) {
        var inner = inner
        inner.flushRun()
        var content = inner.pieces
        let leading = content.first == .space
        let trailing = content.last == .space
        while let first = content.first, first == .space || first == .hardBreak { content.removeFirst() }
        while let last = content.last, last == .space || last == .hardBreak { content.removeLast() }
        if leading { appendSpace() }
        guard !content.isEmpty else { return }
        flushRun()
        pieces.append(.markup(open))
        pieces += content
        pieces.append(.markup(close))
        if trailing { appendSpace() }
    }

    /// Adds `inner` unchanged (an element without Markdown of its own, such as `<span>`).
    mutating func append(_ inner: MarkdownInline) {
        var inner = inner
        inner.flushRun()
        flushRun()
        for piece in inner.pieces {
            if piece == .space { appendSpace() } else { pieces.append(piece) }
        }
    }

    private mutating func flushRun() {
        guard !run.isEmpty else { return }
        pieces.append(.text(String(run)))
        run = String.UnicodeScalarView()
    }

    // MARK: - Rendering

    /// The block's Markdown lines (more than one only after hard breaks), escaped; blank when empty.
    func rendered() -> String {
        var copy = self
        copy.flushRun()
        return copy.lines().map(Self.render).filter { !$0.isEmpty }.joined(separator: "\\\n")
    }

    /// The text with spaces for line breaks, for headings and table cells, escaped as one line.
    ///
    /// - Parameter heading: Whether the line is an ATX heading's text, whose closing `#`s would
    ///   otherwise be taken for the heading's optional closing sequence.
    func renderedAsOneLine(heading: Bool = false) -> String {
        var copy = self
        copy.flushRun()
        let joined = copy.lines().reduce(into: [Piece]()) { all, line in
            if !all.isEmpty { all.append(.space) }
            all += line
        }
        let line = Self.render(joined)
        guard heading, line.hasSuffix("#") else { return line }
        let body = line.reversed().drop { $0 == "#" }
        // Only a run after a space (or a whole line of them) closes a heading.
        guard body.isEmpty || body.first == " " else { return line }
        let hashes = line.count - body.count
        return String(body.reversed()) + String(repeating: "\\#", count: hashes)
    }

    /// The pieces split at hard breaks, each line without spaces at its ends.
    private func lines() -> [[Piece]] {
        var lines: [[Piece]] = [[]]
        for piece in pieces {
            if piece == .hardBreak {
                lines.append([])
            } else if piece == .space, lines[lines.count - 1].isEmpty || lines[lines.count - 1].last == .space {
                continue
            } else {
                lines[lines.count - 1].append(piece)
            }
        }
        return lines.map { line in
            var line = line
            while line.last == .space { line.removeLast() }
            return line
        }.filter { !$0.isEmpty }
    }

    private static func render(_ line: [Piece]) -> String {
        var out = ""
        for (index, piece) in line.enumerated() {
            switch piece {
            case .text(let text):
                let next = index + 1 < line.count ? line[index + 1] : nil
                let openEnd: Bool
                if case .markup = next { openEnd = true } else { openEnd = false }
                var escaped = MarkdownEscaper.run(text, lineStart: index == 0, openEnd: openEnd)
                // `!` before a link's `[` would make it an image.
                if case .markup(let markup)? = next, markup.hasPrefix("["), escaped.hasSuffix("!"), !escaped.hasSuffix("\\!") {
                    escaped.removeLast()
                    escaped += "\\!"
                }
                out += escaped
            case .markup(let markup):
                out += markup
            case .space:
                out += " "
            case .hardBreak:
                break
            }
        }
        return out
    }
}
