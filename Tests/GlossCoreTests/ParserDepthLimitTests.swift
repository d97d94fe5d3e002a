import Testing

@testable import GlossCore

/// Every parser an article goes through, fed nesting far deeper than any real article, through
/// the real loader: YAML front matter is measured and refused before the YAML parser recurses;
/// Markdown (cmark-gfm and Gloss's walk over its tree) has no recursion and loads any depth.
@Suite("Parser depth limits: articles")
struct ParserDepthLimitTests {
    static let deepFrontMatter: [String] = [
        "title: " + String(repeating: "[", count: 5_000),
        "title: " + String(repeating: "{a: ", count: 5_000),
        String(repeating: "- ", count: 5_000) + "a",
        String(repeating: "? ", count: 5_000) + "a",
        "title: x\ntags: " + String(repeating: "[", count: YAMLNesting.maximumDepth - 1) + "\n",
        (0..<200).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n"),
    ]

    @Test("Front matter nested too deep is refused with that reason, never parsed", arguments: deepFrontMatter)
    func deepFrontMatterIsRefused(yaml: String) {
        for fileName in ["a.md", "a.txt"] {
            #expect(throws: ArticleLoadError.nestedTooDeep(what: "front matter", limit: YAMLNesting.maximumDepth)) {
                try ArticleLoader.load(bytes: Array("---\n\(yaml)\n---\nBody.\n".utf8), fileName: fileName)
            }
        }
        #expect(ArticleLoadError.nestedTooDeep(what: "front matter", limit: 100).description
            == "front matter nested too deep (more than 100 levels)")
    }

    @Test("Front matter nested deeply but under the limit still loads")
    func frontMatterUnderTheLimitLoads() throws {
        let levels = YAMLNesting.maximumDepth - 3
        let tags = String(repeating: "[", count: levels) + "a" + String(repeating: "]", count: levels)
        let article = try loadMarkdown("---\ntitle: Deep enough\ntags: \(tags)\n---\nBody.\n")
        #expect(article.metadata.title == "Deep enough")
        #expect(article.blocks.map(\.text) == ["Body."])
    }

    @Test("Brackets, quotes and indentation of ordinary front matter are far from the limit")
    func ordinaryFrontMatterIsNotRefused() throws {
        let yaml = """
            title: "Why [this] matters: {a} and [[b]] — it's :-["
            author: O'Brien [ed.]
            tags: [news, {kind: long}, [nested, list]]
            description: |
              Code [with [unclosed brackets
                and deeper indentation
                    still deeper
            # a comment with [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
            extra:
              - one
              - two: 2
                three:
                  - [4, 5]
            """
        let article = try loadMarkdown("---\n\(yaml)\n---\nBody.\n")
        #expect(article.metadata.title == "Why [this] matters: {a} and [[b]] — it's :-[")
        #expect(article.metadata.author == "O'Brien [ed.]")
        #expect(article.metadata.tags == ["news"])
    }

    /// The bound never falls below the real nesting: a document nested `depth` levels by each
    /// construct exceeds every limit under `depth`.
    @Test("The nesting bound is never below the real depth", arguments: 1...40)
    func boundIsSafe(depth: Int) {
        let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let mappings = String(repeating: "{a: ", count: depth) + "b" + String(repeating: "}", count: depth)
        let sequences = String(repeating: "- ", count: depth) + "a"
        let indented = (0..<depth).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " b"
        let sameIndent = (0..<depth).map { level in
            String(repeating: "  ", count: level / 2) + (level.isMultiple(of: 2) ? "a:" : "- ")
        }.joined(separator: "\n") + "b"
        for yaml in [flow, mappings, sequences, "k: " + flow, indented, sameIndent] {
            #expect(YAMLNesting.exceeds(depth - 1, in: yaml.utf8), "\(yaml.debugDescription)")
        }
    }

    @Test("Markdown nested 100,000 deep loads: block quotes, lists, both, emphasis")
    func deepMarkdownLoads() throws {
        let depth = 100_000
        let quotes = try loadMarkdown(String(repeating: ">", count: depth) + " a\n")
        #expect(quotes.blocks.map(\.kind) == [.quote(depth: depth - 1)])
        let lists = try loadMarkdown(String(repeating: "- ", count: depth) + "a\n")
        #expect(lists.blocks.count == depth)
        #expect(lists.blocks.first == Block(kind: .listItem(marker: "•", depth: depth - 1), text: "a"))
        let mixed = try loadMarkdown(String(repeating: "> - ", count: depth / 2) + "a\n")
        #expect(mixed.blocks.first == Block(kind: .listItem(marker: "•", depth: depth / 2 - 1), text: "a"))
        let stars = String(repeating: "*", count: depth - 1)
        let emphasis = try loadMarkdown(stars + "a" + stars + "\n")
        #expect(emphasis.blocks.map(\.text) == ["a"])
        #expect(emphasis.blocks.first?.spans == [InlineSpan(range: 0..<1, style: [.emphasis, .strong])])
    }

    @Test("Nested styles close back to the enclosing style")
    func nestedStylesUnwind() throws {
        let article = try loadMarkdown("**a *b `c` b* a** d\n")
        #expect(article.blocks.first?.text == "a b c b a d")
        #expect(article.blocks.first?.spans == [
            InlineSpan(range: 0..<2, style: .strong),
            InlineSpan(range: 2..<4, style: [.strong, .emphasis]),
            InlineSpan(range: 4..<5, style: [.strong, .emphasis, .code]),
            InlineSpan(range: 5..<7, style: [.strong, .emphasis]),
            InlineSpan(range: 7..<9, style: .strong),
        ])
    }

    @Test("A table wider than the cap keeps its first columns and every cell's text in the last")
    func wideTablesAreCapped() throws {
        let columns = 1_000
        let row = { (cell: String) in "|" + (0..<columns).map { "\(cell)\($0)" }.joined(separator: "|") + "|\n" }
        let article = try loadMarkdown(row("h") + "|" + Array(repeating: "-", count: columns).joined(separator: "|") + "|\n" + row("x"))
        #expect(article.warnings == [MarkdownTableCap.warning])
        #expect(article.warnings.first?.contains("more than 128 columns") == true)
        // A table is one block: its rows joined by line breaks, its cells by " | ".
        #expect(article.blocks.count == 1)
        let rows = try #require(article.blocks.first?.text).components(separatedBy: "\n")
        #expect(rows.count == 2)
        let cells = try #require(rows.last).components(separatedBy: " | ")
        #expect(cells.count == MarkdownTableCap.maximumColumns)
        #expect(cells.prefix(127) == ArraySlice((0..<127).map { "x\($0)" }))
        #expect(cells.last == (127..<columns).map { "x\($0)" }.joined(separator: "|"))
    }

    @Test("Code blocks, narrow tables and escaped pipes are left as they are")
    func capLeavesOtherTextAlone() throws {
        let pipes = String(repeating: "|", count: 300)
        let code = try loadMarkdown("```\n\(pipes)\n```\n\n    \(pipes)\n")
        #expect(code.blocks.map(\.text) == [pipes, pipes])
        #expect(code.warnings.isEmpty)
        let narrow = try loadMarkdown("|a|b|\n|-|-|\n|1|2|\n")
        #expect(narrow.blocks.map(\.text) == ["a | b\n1 | 2"])
        #expect(narrow.warnings.isEmpty)
        let escaped = String(repeating: "a\\|", count: 300)
        let paragraph = try loadMarkdown(escaped + "\n")
        #expect(paragraph.blocks.map(\.text) == [String(repeating: "a|", count: 300)])
        #expect(paragraph.warnings.isEmpty)
    }

    @Test("A narrow table with rows of 40,000 cells keeps its two columns")
    func wideRowsOfANarrowTableAreCapped() throws {
        let wide = "|" + Array(repeating: "x", count: 40_000).joined(separator: "|") + "|\n"
        let article = try loadMarkdown("|a|b|\n|-|-|\n" + wide + wide)
        #expect(article.blocks.count == 1)
        #expect(article.blocks.first?.text.components(separatedBy: "\n") == ["a | b", "x | x", "x | x"])
        #expect(article.warnings == [MarkdownTableCap.warning])
    }
}
