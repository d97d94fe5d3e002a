/// Loads an article from the bytes of a `.txt`, `.md` or `.markdown` file.
///
/// The format follows the file name: `.md` and `.markdown` (any case) are Markdown, parsed with
/// cmark-gfm; anything else is plain text, whose layout (one paragraph per line, or hard-wrapped)
/// is detected (see ``ArticleFormat``). Either may open with YAML front matter.
///
/// Loading never fails on text: a UTF-8 byte order mark is dropped, CRLF and lone CR become LF,
/// invalid UTF-8 becomes U+FFFD (with a warning), and tabs and control characters are kept for the
/// renderer to show. A file with a NUL byte is binary and is refused, and so is front matter that
/// may nest deeper than ``YAMLNesting/maximumDepth`` (the YAML parser recurses per level and would
/// exhaust the stack). An empty or blank file gives
/// an article with no blocks. The title comes from front matter, else a heading opening the text, else the
/// file name. Work is linear in the size of the file.
public enum ArticleLoader {
    /// Loads from raw bytes, the fastest form (for memory-mapped files or `Data.withUnsafeBytes`).
    public static func load(bytes: UnsafeRawBufferPointer, fileName: String) throws(ArticleLoadError) -> Article {
        let result = bytes.withMemoryRebound(to: UInt8.self) { buffer in
            Result { () throws(ArticleLoadError) in try load(buffer: buffer, fileName: fileName) }
        }
        return try result.get()
    }

    /// Loads from raw bytes that may be handed back while they are parsed: `release(pointer)`
    /// says no byte before `pointer` will be read again (see `ArticleFile.withReleasableBytes`).
    /// Plain text gives its bytes back as its paragraphs become blocks, and text that needs
    /// normalizing gives them all back once it is copied, so an article is not held twice.
    public static func load(
        bytes: UnsafeRawBufferPointer, fileName: String, releasing release: (UnsafeRawPointer) -> Void
    ) throws(ArticleLoadError) -> Article {
        let result = bytes.withMemoryRebound(to: UInt8.self) { buffer in
            Result { () throws(ArticleLoadError) in try load(buffer: buffer, fileName: fileName, release: release) }
        }
        return try result.get()
    }

    /// Loads from an array of bytes.
    public static func load(bytes: [UInt8], fileName: String) throws(ArticleLoadError) -> Article {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ArticleLoadError) in try load(buffer: buffer, fileName: fileName) }
        }
        return try result.get()
    }

    /// Loads from any collection of bytes (`Data`, `ArraySlice`, …); contiguous ones are not copied.
    public static func load(bytes: some Collection<UInt8>, fileName: String) throws(ArticleLoadError) -> Article {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(ArticleLoadError) in try load(buffer: buffer, fileName: fileName) }
        }
        if let contiguous { return try contiguous.get() }
        return try load(bytes: Array(bytes), fileName: fileName)
    }

    /// Whether a file name picks the Markdown parser.
    public static func isMarkdown(fileName: String) -> Bool {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return false }
        let fileExtension = fileName[fileName.index(after: dot)...].lowercased()
        return fileExtension == "md" || fileExtension == "markdown"
    }

    // MARK: - Pipeline

    static func load(
        buffer: UnsafeBufferPointer<UInt8>, fileName: String, release: (UnsafeRawPointer) -> Void = { _ in }
    ) throws(ArticleLoadError) -> Article {
        if let nul = ByteScan.firstIndex(of: 0, in: buffer) {
            throw .binary("NUL byte at offset \(nul)")
        }
        var warnings: [String] = []
        if let invalid = ByteScan.firstInvalidUTF8Offset(in: buffer) {
            warnings.append("invalid UTF-8 at byte offset \(invalid) was replaced with U+FFFD")
        }
        // Annotation offsets count scalars of NFC text, so blocks are NFC from the start: then an
        // offset in a block's text is the same offset the annotation stores.
        if !buffer.allSatisfy({ $0 < 0x80 }) {
            var normalized = ArticleText.nfc(String(decoding: buffer, as: UTF8.self))
            if let end = buffer.baseAddress.map({ UnsafeRawPointer($0 + buffer.count) }) { release(end) }
            let result = normalized.withUTF8 { utf8 in
                Result { () throws(ArticleLoadError) in
                    try parseNormalized(utf8, fileName: fileName, warnings: warnings, release: { _ in })
                }
            }
            return try result.get()
        }
        return try parseNormalized(buffer, fileName: fileName, warnings: warnings, release: release)
    }

    private static func parseNormalized(
        _ buffer: UnsafeBufferPointer<UInt8>, fileName: String, warnings: [String],
        release: (UnsafeRawPointer) -> Void
    ) throws(ArticleLoadError) -> Article {
        var warnings = warnings
        let markdown = isMarkdown(fileName: fileName)
        let parsed = ByteScan.withNormalizedLines(buffer) { text in
            Result { () throws(ArticleLoadError) in try parse(text, markdown: markdown, release: release) }
        }
        var (format, blocks, frontMatter, parserWarnings) = try parsed.get()
        warnings += frontMatter.warnings + parserWarnings
        ArticleLinkResolver.resolve(&blocks, enclosures: &frontMatter.enclosures, against: frontMatter.url)

        let title = frontMatter.title ?? ArticleTitle.fallback(blocks: blocks, format: format, fileName: fileName)
        var metadata = ArticleMetadata(
            title: title, author: frontMatter.author, source: frontMatter.source,
            date: frontMatter.date, url: frontMatter.url, tags: frontMatter.tags
        )
        metadata.enclosures = frontMatter.enclosures
        metadata.via = frontMatter.via
        return Article(metadata: metadata, format: format, blocks: blocks, warnings: warnings)
    }

    /// Splits off front matter and parses the rest in the chosen format.
    private static func parse(
        _ text: UnsafeBufferPointer<UInt8>, markdown: Bool, release: (UnsafeRawPointer) -> Void
    ) throws(ArticleLoadError) -> (ArticleFormat, [Block], FrontMatter, parserWarnings: [String]) {
        var frontMatter = FrontMatter()
        var body = text
        if let (yaml, bodyStart) = FrontMatter.locate(in: text) {
            switch FrontMatter.read(ByteScan.string(yaml, in: text)) {
            case .metadata(let read):
                frontMatter = read
                body = UnsafeBufferPointer(rebasing: text[bodyStart...])
            case .invalid(let reason):
                frontMatter.warnings.append("front matter ignored, it is not valid YAML: \(reason)")
                body = UnsafeBufferPointer(rebasing: text[bodyStart...])
            case .notFrontMatter:
                break
            case .tooDeep:
                throw .nestedTooDeep(what: "front matter", limit: YAMLNesting.maximumDepth)
            }
        }
        if markdown {
            let (blocks, warnings) = try MarkdownParser.parse(body)
            return (.markdown, blocks, frontMatter, warnings)
        }
        let (format, blocks) = PlainTextParser.parse(body, release: release)
        return (format, blocks, frontMatter, [])
    }
}
