/// Extracts the readable article from a whole web page, readability-style.
///
/// Scripts, styles, forms, navigation, asides, footers, hidden elements and anything whose class
/// or id marks it as furniture (comments, sidebars, ads, share bars, related links, newsletters)
/// are removed; the main content is then chosen by ``ContentScorer`` and cleaned of link lists
/// before it is converted by the same rules as ``HTMLToMarkdown``.
public enum ReadableExtractor {
    /// Extracts from a page's bytes.
    ///
    /// - Parameters:
    ///   - url: The page's address: relative links resolve against it.
    ///   - encoding: The charset named by the server, if any; otherwise the page's own declaration.
    public static func extract(
        from bytes: some Collection<UInt8>, url: String? = nil, encoding: String? = nil
    ) throws(FeedError) -> ExtractedPage {
        let copy = Array(bytes)
        let result = copy.withUnsafeBufferPointer { buffer in
            Result { () throws(FeedError) -> ExtractedPage in
                guard buffer.contains(where: { $0 > 0x20 }) else { throw .emptyDocument }
                let encoding = encoding ?? CharsetSniffer.defaultEncoding(for: buffer)
                // Class hints sometimes mark a whole page as furniture (`<div id="page" class="nav-open">`):
                // when the strict pass finds little, a lenient one that trusts only tags and roles runs too.
                let strict = Result { () throws(FeedError) in try extract(buffer, url: url, encoding: encoding, pass: .strict) }
                if case .success(let page) = strict, page.markdown.count >= minimumStrictText { return page }
                let lenient = Result { () throws(FeedError) in try extract(buffer, url: url, encoding: encoding, pass: .lenient) }
                switch (strict, lenient) {
                case (.success(let first), .success(let second)):
                    return second.markdown.count > first.markdown.count * 2 ? second : first
                case (.success(let page), .failure), (.failure, .success(let page)):
                    return page
                case (.failure(let error), .failure):
                    throw error
                }
            }
        }
        return try result.get()
    }

    /// Extracts from a page held in a string.
    public static func extract(html: String, url: String? = nil) throws(FeedError) -> ExtractedPage {
        try extract(from: Array(html.utf8), url: url, encoding: "UTF-8")
    }

    /// How much furniture a pass removes.
    enum Pass {
        /// Tags, roles and class or id hints.
        case strict
        /// Tags and roles only.
        case lenient
    }

    /// Below this many characters of Markdown, a strict pass is checked against a lenient one.
    static let minimumStrictText = 250

    private static func extract(
        _ buffer: UnsafeBufferPointer<UInt8>, url: String?, encoding: String?, pass: Pass
    ) throws(FeedError) -> ExtractedPage {
        let document = try XMLDocument.parseHTMLDocument(buffer, url: url, encoding: encoding)
        guard let root = document.root else { throw .emptyDocument }
        let metadata = PageMetadata.read(from: root)
        let body = document.body ?? root
        removeFurniture(below: body, pass: pass)
        let content = ContentScorer.mainContent(of: body)
        for node in content { removeLinkLists(below: node, pass: pass) }
        if let title = metadata.title, let first = content.first { removeTitleHeading(title, in: first) }
        let markdown = withExtendedLifetime(document) { MarkdownConverter().markdown(of: content) }
        guard !markdown.isEmpty else { throw .noReadableContent }
        return ExtractedPage(
            title: metadata.title, byline: metadata.byline, published: metadata.published,
            canonicalURL: metadata.canonicalURL, siteName: metadata.siteName, markdown: markdown
        )
    }

    // MARK: - Cleaning

    private static func removeFurniture(below body: XMLNode, pass: Pass) {
        var removed: [XMLNode] = []
        NodeWalk.elements(below: body) { node in
            let unlikely = pass == .strict && ClassHints.isUnlikelyCandidate(node)
            if unlikely || HTMLElements.isSkipped(node) || (node.name == "header" && isSiteHeader(node)) {
                removed.append(node)
                return false
            }
            return true
        }
        NodeWalk.remove(removed)
    }

    /// A `header` outside any article is the site's masthead.
    private static func isSiteHeader(_ header: XMLNode) -> Bool {
        var ancestor = header.parent
        while let current = ancestor {
            if current.name == "article" || current.name == "main" { return false }
            ancestor = current.parent
        }
        return true
    }

    /// Lists and boxes that are mostly links (related stories, tag clouds) inside the content.
    ///
    /// Links that are the content stay: a table of several columns (data about what it links to),
    /// and lists (a reading list, a link roundup, a table of contents) unless their class marks
    /// them as furniture: inside the story, a list of links is more often part of it than not.
    private static func removeLinkLists(below content: XMLNode, pass: Pass) {
        var removed: [XMLNode] = []
        NodeWalk.elements(below: content) { node in
            switch node.name {
            case "ul", "ol", "div", "section", "table", "dl":
                let statistics = NodeWalk.textStatistics(of: node)
                let density = statistics.length == 0 ? 0 : Double(statistics.linkLength) / Double(statistics.length)
                let furniture = pass == .strict && ClassHints.weight(of: node) < 0
                let isContent = (node.name == "table" && isDataTable(node)) || ["ul", "ol", "dl"].contains(node.name)
                if furniture || (density > 0.5 && !isContent && !hasLongParagraph(node)) {
                    removed.append(node)
                    return false
                }
                return true
            default:
                return true
            }
        }
        NodeWalk.remove(removed)
    }

    /// A table with rows of several cells, rather than a column of links laid out as a table.
    private static func isDataTable(_ table: XMLNode) -> Bool {
        let rows = NodeWalk.elements(below: table, named: ["tr"])
        let wide = rows.filter { row in row.elements.filter { $0.name == "td" || $0.name == "th" }.count >= 2 }
        return wide.count >= 2 && wide.count * 2 >= rows.count
    }

    private static func hasLongParagraph(_ node: XMLNode) -> Bool {
        NodeWalk.elements(below: node, named: ["p", "pre", "blockquote"]).contains { paragraph in
            let statistics = NodeWalk.textStatistics(of: paragraph)
            return statistics.length - statistics.linkLength > 80
        }
    }

    /// The article's own headline repeats the title already in the front matter: the first `h1`
    /// or `h2` worded nearly like it (quotes and the site's name may differ) is removed.
    private static func removeTitleHeading(_ title: String, in content: XMLNode) {
        let headings = NodeWalk.elements(below: content, named: ["h1", "h2"])
        let duplicate = headings.prefix(3).first { heading in
            let text = HTMLText.visibleText(of: heading)
            return !text.isEmpty && TitleChooser.similarity(text, title) > 0.75 && TitleChooser.similarity(title, text) > 0.75
        }
        if let duplicate { NodeWalk.remove([duplicate]) }
    }
}
