/// Reads Atom 1.0 documents (`<feed><entry>`), honouring `xml:base` for links and content.
enum AtomReader {
    static func feed(from root: XMLNode) -> Feed {
        let feedAuthor = authors(of: root)
        return Feed(
            title: text(of: root.firstElement("title")),
            siteLink: alternateLink(of: root),
            format: .atom,
            entries: root.elements("entry").map { entry(from: $0, feedAuthor: feedAuthor) }
        )
    }

    static func entry(from node: XMLNode, feedAuthor: String?) -> FeedEntry {
        let content = node.firstElement("content").flatMap { $0.attribute("src") == nil ? $0 : nil }
        let body = content ?? node.firstElement("summary")
        let published = (node.firstElement("published") ?? node.firstElement("issued"))
            .flatMap(\.trimmedText).flatMap(FeedDate.parse)
        let updated = (node.firstElement("updated") ?? node.firstElement("modified"))
            .flatMap(\.trimmedText).flatMap(FeedDate.parse)
        let link = alternateLink(of: node)
        var entry = FeedEntry(
            id: node.firstElement("id")?.trimmedText,
            link: link,
            title: text(of: node.firstElement("title")),
            author: authors(of: node) ?? node.firstElement("source").flatMap(authors) ?? feedAuthor,
            published: published,
            updated: updated,
            contentHTML: body.flatMap(html) ?? MediaRSS.descriptionHTML(of: node),
            contentBaseURL: body?.baseURL ?? link
        )
        entry.enclosures = FeedEnclosures.of(node)
        return entry
    }

    /// The `rel="alternate"` link (the default relation), else the first link, resolved with `xml:base`.
    private static func alternateLink(of node: XMLNode) -> String? {
        let links = node.elements("link")
        let alternate = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" && $0.attribute("href") != nil }
            ?? links.first { $0.attribute("href") != nil && $0.attribute("rel") != "self" }
        guard let alternate, let href = alternate.attribute("href") else { return nil }
        let resolved = alternate.resolve(href)
        return resolved.isEmpty ? nil : resolved
    }

    /// Every `author/name`, joined.
    private static func authors(of node: XMLNode) -> String? {
        let names = node.elements("author").compactMap { $0.firstElement("name")?.trimmedText ?? $0.trimmedText }
            .map(XMLText.collapsed).filter { !$0.isEmpty }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// An Atom text construct as HTML, following its `type`.
    private static func html(of node: XMLNode) -> String? {
        let type = (node.attribute("type") ?? "text").lowercased()
        let html: String
        switch type {
        case "xhtml", "application/xhtml+xml":
            let container = node.firstElement("div") ?? node
            html = XHTMLSerializer.html(ofChildrenOf: container)
        case "html", "text/html":
            html = node.text
        default:
            html = HTMLText.escapedParagraphs(node.text)
        }
        let trimmed = XMLText.trimmed(html)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An Atom text construct as plain text.
    private static func text(of node: XMLNode?) -> String? {
        guard let node else { return nil }
        let type = (node.attribute("type") ?? "text").lowercased()
        let text: String
        switch type {
        case "html", "text/html":
            text = HTMLText.plain(fromHTML: node.text)
        default:
            text = XMLText.collapsed(node.text)
        }
        return text.isEmpty ? nil : text
    }
}
