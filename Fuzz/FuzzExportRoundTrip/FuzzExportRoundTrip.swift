import FuzzSupport
import GlossCore
import GlossTestSupport

/// The Markdown export round trip: random quotes, notes, sections and metadata are exported,
/// then read back with cmark-gfm and Yams, and must come back as exactly what went in.
///
/// Input, in order: the title and a tag (also used as author and date), then 1 to 5 highlights and
/// 0 to 2 orphans, each a quote, a note, whether a new section starts (and its text), a colour,
/// a status and a paragraph. Texts are built from Markdown/YAML/Unicode hazard pieces or raw
/// bytes. Checked: the export is NFC; it reads back with no stray block; every quote, note, block
/// id, section and the title is what went in (in NFC; notes keep the export's shape, a heading's line
/// breaks as spaces); every front matter value parses back as the same string.
func fuzzExportRoundTrip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data: data, size: size)
    let pieces = FuzzCheck.hazardousPieces
    // A title is never blank (front matter, else a heading, else the file name), so it starts
    // with a letter here, as a section does.
    let title = "T " + input.text(pieces: pieces, limit: 10)
    let tag = input.text(pieces: pieces, limit: 6)

    var highlights: [ExportHighlight] = []
    var section: String?
    for index in 0..<input.int(in: 1...5) {
        let quote = input.text(pieces: pieces, limit: 12)
        let note = input.text(pieces: pieces, limit: 12)
        if input.bool() { section = "S " + input.text(pieces: pieces, limit: 6) }
        highlights.append(highlight(index, quote: quote, note: note, section: section, input: &input, status: nil))
    }
    var orphans: [ExportHighlight] = []
    for index in 0..<input.int(in: 0...2) {
        let quote = input.text(pieces: pieces, limit: 12)
        let note = input.text(pieces: pieces, limit: 12)
        orphans.append(highlight(100 + index, quote: quote, note: note, section: nil, input: &input, status: .orphan))
    }
    let all = highlights + orphans
    let article = ExportArticle(
        title: title, author: tag, source: nil, url: title, date: tag, file: title, fingerprint: "0000",
        tags: tag.isEmpty ? [] : [tag, "plain"], updated: all.map(\.modified).max())
    let output = MarkdownExport.render(ExportDocument(article: article, highlights: highlights, orphans: orphans))

    FuzzCheck.expect(nfcScalars(output) == Array(output.unicodeScalars), "the export is not NFC: \(output.debugDescription)")
    let read: ExportReadBack
    do {
        read = try ExportReadBack(output)
    } catch {
        FuzzCheck.expect(false, "\(error) in \(output.debugDescription)")
        return 0
    }
    FuzzCheck.expect(read.strayBlocks.isEmpty, "stray blocks \(read.strayBlocks.prefix(3)) in \(output.debugDescription)")
    FuzzCheck.expect(read.entries.count == all.count, "\(read.entries.count) entries of \(all.count) in \(output.debugDescription)")
    for (entry, highlight) in zip(read.entries, all) {
        FuzzCheck.expect(entry.quote == markdownScalars(highlight.quote), "quote \(highlight.quote.debugDescription) in \(output.debugDescription)")
        // A note is the user's own Markdown: how its text reads back can depend on the rest of the
        // file (a link definition in another note, a byte order mark that is first only when read
        // alone), so what is checked here is that no note breaks the export's shape: every entry
        // after it is found whole. The round-trip tests check notes' exact text on fixed inputs.
        _ = entry.note
        FuzzCheck.expect(entry.blockID == highlight.blockID, "block id \(entry.blockID) for \(highlight.blockID)")
        FuzzCheck.expect(entry.isOrphan == (highlight.status == .orphan), "orphan placement of \(highlight.id)")
        FuzzCheck.expect(entry.meta.hasPrefix("¶ \(highlight.paragraph)"), "meta line \(entry.meta.debugDescription)")
        if highlight.status != .orphan {
            let heading = highlight.section.map { markdownScalars($0).map { $0 == "\n" ? " " : $0 } }
            FuzzCheck.expect(
                entry.section.map { Array($0.unicodeScalars) } == heading,
                "section \(String(describing: highlight.section).debugDescription) in \(output.debugDescription)")
        }
    }
    let heading = markdownScalars(title).map { $0 == "\n" ? " " : $0 }
    FuzzCheck.expect(Array(read.title.unicodeScalars) == heading, "title \(title.debugDescription) in \(output.debugDescription)")
    checkFrontMatter(read, title: title, tag: tag, output: output)
    return 0
}

private func checkFrontMatter(_ read: ExportReadBack, title: String, tag: String, output: String) {
    for (key, value) in [("title", title), ("url", title), ("file", title), ("author", tag), ("date", tag)] {
        let stored = read.frontMatter[key]?.scalar.map { Array($0.string.unicodeScalars) }
        FuzzCheck.expect(stored == yamlScalars(value), "front matter \(key) for \(value.debugDescription) in \(output.debugDescription)")
    }
    if !tag.isEmpty {
        let items = read.frontMatter["tags"]?.sequence?.map { Array(($0.scalar?.string ?? "").unicodeScalars) }
        FuzzCheck.expect(items == [yamlScalars(tag), Array("plain".unicodeScalars)], "tags for \(tag.debugDescription)")
    }
}

private func highlight(
    _ index: Int, quote: String, note: String, section: String?, input: inout FuzzInput, status: AnchorStatus?
) -> ExportHighlight {
    let color = input.element(of: ["yellow", "green", "*red*", "a|b", "<b>", "[x]"])
    let status = status ?? input.element(of: [AnchorStatus.exact, .mapped, .fuzzy])
    let paragraph = input.int(in: 1...300)
    let anchor = AnnotationAnchor(
        quote: TextQuoteSelector(exact: quote), position: TextPositionSelector(start: 0, end: 0),
        blockIndex: paragraph - 1, blockEnd: paragraph - 1 + input.int(in: 0...3), status: status)
    let hex = String(index, radix: 16)
    let id = String(repeating: "0", count: max(0, 8 - hex.count)) + hex + "-0000-4000-8000-000000000000"
    let created = Timestamp(millisecondsSince1970: 1_795_514_400_000 + Int64(index) * 86_400_000)
    let annotation = Annotation(id: id, created: created, color: color, note: note, anchor: anchor)
    return ExportHighlight(annotation, section: section)
}

private func nfcScalars(_ text: String) -> [Unicode.Scalar] {
    Array(ArticleText.nfc(text).unicodeScalars)
}

/// Text as a CommonMark reader gets it back: NFC, and U+0000 as U+FFFD, which CommonMark
/// requires of every reader (a NUL cannot be written in Markdown in any form).
private func markdownScalars(_ text: String) -> [Unicode.Scalar] {
    nfcScalars(text).map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }
}

/// A front matter value as Yams reads it back: Yams drops a byte order mark at the start of a
/// string (a reader's quirk; the file holds it).
private func yamlScalars(_ text: String) -> [Unicode.Scalar] {
    var scalars = nfcScalars(text)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    return scalars
}
