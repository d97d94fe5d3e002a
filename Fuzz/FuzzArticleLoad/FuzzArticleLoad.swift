import FuzzSupport
import GlossCore

/// Article loading on bytes of any kind, then layout of every block.
///
/// Input: byte 0 picks the file name (plain text or Markdown), byte 1 the wrap width, the rest
/// is the file. Checked: a file without NUL bytes always loads, unless its front matter may nest
/// too deep for the YAML parser (then it is refused with that reason); every block is NFC; spans lie in
/// their block; `ArticleText` agrees with the blocks; wrapped lines cover the text, never exceed
/// the width, agree with `lineCount`, and contain nothing a terminal would interpret; links lie in
/// their block, and with link markers lines still cover the text without exceeding the width.
func fuzzArticleLoad(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data: data, size: size)
    let fileName = input.element(of: ["article.txt", "article.md", "ARTICLE.MARKDOWN", "notes", "a.md.txt"])
    let width = input.int(in: 0...120)
    let bytes = input.rest()

    let article: Article
    do {
        article = try ArticleLoader.load(bytes: bytes, fileName: fileName)
    } catch .nestedTooDeep(what: "front matter", limit: YAMLNesting.maximumDepth) {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        FuzzCheck.expect(bytes.dropFirst(start).starts(with: Array("---".utf8)), "refused as deep front matter without any")
        FuzzCheck.expect(!bytes.contains(0), "a file with a NUL byte was refused for its front matter")
        return 0
    } catch {
        FuzzCheck.expect(bytes.contains(0), "a file without NUL bytes was refused: \(error)")
        return 0
    }
    FuzzCheck.expect(!bytes.contains(0), "a file with a NUL byte was loaded")

    let text = ArticleText(article)
    FuzzCheck.expect(text.blockCount == article.blocks.count, "ArticleText has \(text.blockCount) blocks")
    for (index, block) in article.blocks.enumerated() {
        let scalars = block.text.unicodeScalars.count
        FuzzCheck.expect(
            ArticleText.nfc(block.text).unicodeScalars.elementsEqual(block.text.unicodeScalars),
            "block \(index) is not NFC: \(block.text.debugDescription)")
        FuzzCheck.expect(text.range(ofBlock: index)?.count == scalars, "block \(index) length differs in ArticleText")
        for span in block.spans {
            FuzzCheck.expect(
                span.range.lowerBound >= 0 && span.range.upperBound <= scalars,
                "span \(span.range) outside block \(index) of \(scalars) scalars")
        }
        for link in block.links {
            FuzzCheck.expect(
                link.range.lowerBound >= 0 && link.range.upperBound <= scalars && !link.url.isEmpty,
                "link \(link.range) outside block \(index) of \(scalars) scalars, or without a target")
        }
        checkLayout(of: block, width: width, scalars: scalars)
        checkMarkers(of: block, width: width, scalars: scalars)
    }
    _ = article.numberedLinks
    _ = article.wordCount
    return 0
}

private func checkLayout(of block: Block, width: Int, scalars: Int) {
    let lines: [WrappedLine]
    if case .code = block.kind {
        lines = TextWrapper.codeLines(block.text, width: width)
        FuzzCheck.expect(TextWrapper.codeLineCount(block.text, width: width) == lines.count, "code line count differs")
    } else {
        lines = TextWrapper.wrap(block.text, spans: block.spans, width: width, firstIndent: 2)
        FuzzCheck.expect(
            TextWrapper.lineCount(block.text, width: width, firstIndent: 2) == lines.count, "line count differs")
        var expectedStart = 0
        for line in lines {
            FuzzCheck.expect(line.range.lowerBound == expectedStart, "line ranges are not contiguous: \(lines.map(\.range))")
            expectedStart = line.range.upperBound
        }
        FuzzCheck.expect(lines.isEmpty || expectedStart == scalars, "lines cover \(expectedStart) of \(scalars) scalars")
    }
    let limit = max(1, width)
    for line in lines {
        FuzzCheck.expect(line.width <= limit, "a line of width \(line.width) in \(limit) columns")
        FuzzCheck.expect(line.glyphs.reduce(0) { $0 + $1.width } == line.width, "line width is not its glyphs' width")
        for glyph in line.glyphs {
            FuzzCheck.expect(
                !glyph.text.unicodeScalars.contains(where: TerminalSafe.needsPlaceholder),
                "unsafe scalar reaches the terminal: \(glyph.text.debugDescription)")
        }
    }
}

/// Link markers (`[12]`) change where lines break but never what text they cover or the width.
private func checkMarkers(of block: Block, width: Int, scalars: Int) {
    guard !block.links.isEmpty else { return }
    if case .code = block.kind { return }
    let markers = LinkMarker.markers(for: block.links, in: block.text, firstNumber: 98)
    let lines = TextWrapper.wrap(block.text, spans: block.spans, width: width, markers: markers)
    var expectedStart = 0
    for line in lines {
        FuzzCheck.expect(line.range.lowerBound == expectedStart, "marked line ranges are not contiguous")
        expectedStart = line.range.upperBound
        FuzzCheck.expect(line.width <= max(1, width), "a marked line of width \(line.width) in \(width) columns")
        for glyph in line.glyphs where glyph.style.contains(.linkMarker) {
            FuzzCheck.expect(glyph.scalarCount == 0, "a marker glyph shows text")
        }
    }
    FuzzCheck.expect(lines.isEmpty || expectedStart == scalars, "marked lines cover \(expectedStart) of \(scalars)")
}
