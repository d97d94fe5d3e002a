import GlossCore

/// One row of the notes pane's body before it is placed on the screen.
struct NotesPaneRow: Sendable {
    /// A run of text in one style; the pieces of a row are drawn one after the other.
    struct Piece: Sendable {
        var text: String
        var style: Style
    }

    var pieces: [Piece]
    /// The index (into the shown entries) of the entry this row belongs to; nil between entries.
    var entry: Int?
    /// The entry's first line, with its colour marker, `¶ n` and date.
    var isHeading = false

    static let blank = NotesPaneRow(pieces: [], entry: nil)
}

/// Turns annotations into the rows of the notes pane: a heading line, up to three lines of the
/// quote, the note and the tags, all wrapped to the pane's width.
enum NotesPaneLayout {
    static let quoteLineLimit = 3
    static let ellipsis = "…"

    static func rows(
        for annotation: Annotation, entry: Int, width: Int, theme: Theme, colors: HighlightSettings,
        isEditing: Bool
    ) -> [NotesPaneRow] {
        var rows = [
            NotesPaneRow(
                pieces: [
                    .init(text: "█", style: markerStyle(annotation.color, theme: theme, colors: colors)),
                    .init(
                        text: " " + heading(annotation, isEditing: isEditing, width: width - 2),
                        style: theme.style(.dim)),
                ],
                entry: entry, isHeading: true)
        ]
        for line in quoteLines(annotation.anchor.quote.exact, width: width) {
            rows.append(NotesPaneRow(pieces: [.init(text: line, style: theme.style(.quote))], entry: entry))
        }
        let note = noteWithoutTrailingTags(annotation.note)
        if !note.isEmpty {
            for line in TextWrapper.wrap(note, width: width) {
                rows.append(NotesPaneRow(pieces: [.init(text: line.text, style: .plain)], entry: entry))
            }
        }
        if !annotation.tags.isEmpty {
            let tags = annotation.tags.map { "#" + $0 }.joined(separator: " ")
            for line in TextWrapper.wrap(tags, width: width) {
                rows.append(NotesPaneRow(pieces: [.init(text: line.text, style: theme.style(.dim))], entry: entry))
            }
        }
        return rows
    }

    /// `¶ 4 · 2026-11-24`, with `–6` for a highlight over several blocks, `~` for a fuzzy
    /// match and `(orphaned)` for one that could not be placed. The date is left out when the
    /// line would not fit in `width` columns, rather than cut in the middle.
    static func heading(_ annotation: Annotation, isEditing: Bool, width: Int) -> String {
        let anchor = annotation.anchor
        var text = "¶ \(anchor.blockIndex + 1)"
        if anchor.blockEnd > anchor.blockIndex { text += "–\(anchor.blockEnd + 1)" }
        switch anchor.status {
        case .fuzzy: text += "~"
        case .orphan: text += " (orphaned)"
        case .exact, .mapped: break
        }
        if isEditing { text += " · editing" }
        let dated = text + " · " + String(annotation.created.description.prefix(10))
        return DisplayWidth.of(dated) <= width ? dated : text
    }

    /// The note as shown above the tags line: tags that merely close the note ("… #energy
    /// #budget") are left to that line, while tags inside a sentence stay where they are.
    static func noteWithoutTrailingTags(_ note: String) -> String {
        var text = note.trimmingTrailingWhitespace()
        while let space = text.lastIndex(where: \.isWhitespace) ?? (text.isEmpty ? nil : text.startIndex) {
            let token = text[space...].drop { $0.isWhitespace }
            guard token.first == "#", NoteTags.extract(from: String(token)).map({ "#" + $0 }) == [String(token)]
            else { break }
            text = String(text[..<space]).trimmingTrailingWhitespace()
        }
        return text
    }

    /// The highlight colour named `name`, drawn as a solid block (an underlined one without colour).
    static func markerStyle(_ name: String, theme: Theme, colors: HighlightSettings) -> Style {
        let configured = colors.colors.first { $0.name.lowercased() == name.lowercased() }
            ?? colors.color(number: colors.defaultColor) ?? colors.colors.first
        let color = configured?.color ?? .yellow
        var style = theme.highlightStyle(color)
        if !theme.isMonochrome { style.foreground = color }
        return style
    }

    /// The quote on at most `quoteLineLimit` lines, its whitespace (line breaks between blocks
    /// too) shown as single spaces; the last line ends in `…` when the quote goes on.
    static func quoteLines(_ quote: String, width: Int) -> [String] {
        let width = max(1, width)
        // Only the start of a long quote can show, so only that much is wrapped.
        let (flat, isCut) = flattened(quote, characterLimit: (quoteLineLimit + 1) * (width + 1))
        guard !flat.isEmpty else { return [] }
        let lines = TextWrapper.wrap(flat, width: width)
        guard isCut || lines.count > quoteLineLimit else { return lines.map(\.text) }
        var shown = lines.prefix(quoteLineLimit).map(\.text)
        if let last = lines.prefix(quoteLineLimit).last {
            shown[shown.count - 1] = withEllipsis(last, width: width)
        }
        return shown
    }

    /// `line` shortened until `…` fits after it within `width` columns.
    static func withEllipsis(_ line: WrappedLine, width: Int) -> String {
        var glyphs = line.glyphs[...]
        var used = line.width
        while let last = glyphs.last, used + 1 > width || last.text == " " {
            used -= last.width
            glyphs = glyphs.dropLast()
        }
        return glyphs.map(\.text).joined() + ellipsis
    }

    /// `text` with each run of whitespace as one space, cut after `characterLimit` characters;
    /// the flag tells whether anything was cut.
    static func flattened(_ text: String, characterLimit: Int) -> (String, Bool) {
        var out = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if count >= characterLimit { return (out, true) }
            if pendingSpace {
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            out.append(character)
            count += 1
        }
        return (out, false)
    }
}

private extension WrappedLine {
    /// What the line shows, placeholders and substitutes included.
    var text: String { glyphs.map(\.text).joined() }
}

private extension String {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[..<end])
    }
}
