/// Reads Atom 1.0 and 0.3 documents (`<feed><entry>`), honouring `xml:base` for links and content.
enum AtomReader {
    static func feed(from root: XMLNode) -> Feed {
        let atom = FeedVocabulary.atom.adding(root.namespaceURI)
        let feedAuthor = authors(of: root, atom)
        return Feed(
            title: text(of: root.firstElement("title", in: atom)),
            siteLink: alternateLink(of: root, atom),
            format: .atom,
            entries: root.elements("entry", in: atom).map { entry(from: $0, feedAuthor: feedAuthor, atom) }
        )
    }

    static func entry(from node: XMLNode, feedAuthor: String?, _ atom: FeedVocabulary = .atom) -> FeedEntry {
        let content = node.elements("content", in: atom).first { $0.attribute("src") == nil }
        let body = content ?? node.firstElement("summary", in: atom)
        // Atom 0.3 names the publication `issued` and the last change `modified`; feeds add Dublin Core terms.
        let published = FeedDate.first(in: node, [("published", atom), ("issued", atom), ("issued", .dublinCoreTerms)])
        let updated = FeedDate.first(in: node, [("updated", atom), ("modified", atom), ("modified", .dublinCoreTerms), ("date", .dublinCore)])
        let created = FeedDate.first(in: node, [("created", atom), ("created", .dublinCoreTerms)])
        let idNode = node.firstElement("id", in: atom)
        let id = idNode?.trimmedText
        // As for an RSS `guid`, the id stands in for a missing link when, resolved against the
        // base as feedparser does, it is a web address.
        let link = alternateLink(of: node, atom) ?? idNode.flatMap { idNode in
            id.map { idNode.resolve($0) }.flatMap { URLResolver.isSafeLink($0) ? $0 : nil }
        }
        var entry = FeedEntry(
            id: id,
            link: link,
            title: text(of: node.firstElement("title", in: atom)),
            author: authors(of: node, atom) ?? node.firstElement("source", in: atom).flatMap { authors(of: $0, atom) } ?? feedAuthor,
            published: published,
            updated: updated,
            created: created,
            contentHTML: body.flatMap(html) ?? MediaRSS.descriptionHTML(of: node),
            contentBaseURL: body?.baseURL ?? link
        )
        entry.enclosures = FeedEnclosures.of(node)
        return entry
    }

    /// The `rel="alternate"` link (the default relation), HTML first, resolved with `xml:base` (an
    /// empty `href` is the base itself). Links of other relations (enclosures, licences, related
    /// pages) are not the entry's page.
    private static func alternateLink(of node: XMLNode, _ atom: FeedVocabulary) -> String? {
        let links = node.elements("link", in: atom).filter {
            ($0.attribute("rel").map(XMLText.trimmed)?.lowercased() ?? "alternate") == "alternate" && $0.attribute("href") != nil
        }
        let alternate = links.first { ($0.attribute("type") ?? "text/html").lowercased().contains("html") } ?? links.first
        guard let alternate, let href = alternate.attribute("href") else { return nil }
        let resolved = XMLText.trimmed(href).isEmpty ? (alternate.baseURL ?? "") : alternate.resolve(href)
        return resolved.isEmpty ? nil : resolved
    }

    /// Every author's `name` (an author without one: its own text, when it has no child elements), joined.
    private static func authors(of node: XMLNode, _ atom: FeedVocabulary) -> String? {
        let names = node.elements("author", in: atom).compactMap { author in
            author.firstElement("name", in: atom)?.trimmedText ?? (author.elements.isEmpty ? author.trimmedText : nil)
        }
        .map(XMLText.collapsed).filter { !$0.isEmpty }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// An Atom text construct's character data, decoded when it is base64: Atom 0.3's
    /// `mode="base64"`, or Atom 1.0 content of a media type that is neither text nor XML.
    private static func value(of node: XMLNode) -> String {
        let type = (node.attribute("type") ?? "text").lowercased()
        let isBinaryType = type.contains("/") && !type.hasPrefix("text/") && !type.hasSuffix("xml") && !type.contains("html")
        guard node.attribute("mode")?.lowercased() == "base64" || isBinaryType else { return node.text }
        return Base64Text.decoded(node.text) ?? node.text
    }

    /// An Atom text construct as HTML, following its `type` (and Atom 0.3's `mode`).
    private static func html(of node: XMLNode) -> String? {
        let type = (node.attribute("type") ?? "text").lowercased()
        let html: String
        if type == "xhtml" || type.hasSuffix("xhtml+xml"), node.attribute("mode")?.lowercased() != "escaped",
           node.attribute("mode")?.lowercased() != "base64"
        {
            let container = node.elements.count == 1 ? node.elements.first { $0.name == "div" } ?? node : node
            html = XHTMLSerializer.html(ofChildrenOf: container)
        } else if type == "html" || type.contains("html") {
            html = value(of: node)
        } else if node.attribute("mode")?.lowercased() == "escaped", HTMLText.looksLikeHTML(node.text) {
            html = node.text
        } else {
            html = HTMLText.escapedParagraphs(value(of: node))
        }
        let trimmed = XMLText.trimmed(html)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An Atom text construct as plain text.
    private static func text(of node: XMLNode?) -> String? {
        guard let node else { return nil }
        let type = (node.attribute("type") ?? "text").lowercased()
        let text: String
        let mode = node.attribute("mode")?.lowercased()
        if type.contains("xhtml"), mode == nil || mode == "xml" {
            // Markup in the feed itself: its visible text, without scripts.
            text = HTMLText.plain(fromHTML: XHTMLSerializer.html(ofChildrenOf: node))
        } else if type.contains("html") || (mode == "escaped" && HTMLText.looksLikeHTML(node.text)) {
            text = HTMLText.plain(fromHTML: value(of: node))
        } else {
            text = XMLText.collapsed(value(of: node))
        }
        return text.isEmpty ? nil : text
    }
}
