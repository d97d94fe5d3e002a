import CCmarkGFM
import Synchronization

/// Parses Markdown with cmark-gfm (CommonMark plus the GitHub table, strikethrough and autolink
/// extensions) and turns the syntax tree into blocks with ``MarkdownBlockBuilder``.
enum MarkdownParser {
    /// cmark-gfm's extension registry is global and not thread-safe while it is being filled, so
    /// it is filled once here; the extensions are immutable afterwards and shared by all parsers.
    private struct SyntaxExtensions: @unchecked Sendable {
        let pointers: [OpaquePointer]
    }

    private static let syntaxExtensions: SyntaxExtensions = {
        cmark_gfm_core_extensions_ensure_registered()
        let names = ["table", "strikethrough", "autolink"]
        return SyntaxExtensions(pointers: names.compactMap { cmark_find_syntax_extension($0) })
    }()

    /// The blocks of `text`, and a warning when its tables had to be capped (``MarkdownTableCap``).
    static func parse(_ text: UnsafeBufferPointer<UInt8>) throws(ArticleLoadError) -> (blocks: [Block], warnings: [String]) {
        guard let capped = MarkdownTableCap.capped(text) else { return (try blocks(from: text), []) }
        let result = capped.withUnsafeBufferPointer { buffer in
            Result { () throws(ArticleLoadError) in try blocks(from: buffer) }
        }
        return (try result.get(), [MarkdownTableCap.warning])
    }

    /// cmark-gfm keeps the characters its inline extensions react to (`~` of strikethrough, the
    /// autolink triggers) in a process-wide table that attaching an extension to a parser adds to
    /// and freeing the parser takes from, so two parses at once can each see the other's half-made
    /// table: strikethrough or entities were then read differently at random (seen in parallel
    /// tests). One parse at a time keeps every result the same.
    private static let parseLock = Mutex(())

    private static func blocks(from text: UnsafeBufferPointer<UInt8>) throws(ArticleLoadError) -> [Block] {
        let result = parseLock.withLock { _ in Result { () throws(ArticleLoadError) in try unlockedBlocks(from: text) } }
        return try result.get()
    }

    private static func unlockedBlocks(from text: UnsafeBufferPointer<UInt8>) throws(ArticleLoadError) -> [Block] {
        // VALIDATE_UTF8 makes cmark replace invalid sequences with U+FFFD itself.
        guard let parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8) else { throw .markdownParserFailed }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in syntaxExtensions.pointers {
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        if let escaped = FootnoteDefinitions.escaped(text) {
            escaped.withUnsafeBufferPointer(feed)
        } else {
            feed(text)
        }
        guard let document = cmark_parser_finish(parser) else { throw .markdownParserFailed }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { throw .markdownParserFailed }
        defer { cmark_iter_free(iterator) }

        // The iterator walks the tree without recursion, so deeply nested input cannot
        // exhaust the stack.
        var builder = MarkdownBlockBuilder()
        while true {
            let event = cmark_iter_next(iterator)
            guard event == CMARK_EVENT_ENTER || event == CMARK_EVENT_EXIT else { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let markdownNode = MarkdownNode(node, entering: entering)
            if entering {
                builder.enter(markdownNode)
            } else {
                builder.exit(markdownNode)
            }
        }
        return builder.finish()
    }
}
