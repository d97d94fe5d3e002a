/// Reads RSS 0.9x/2.0 (`<rss><channel><item>`) and RSS 1.0 (`<rdf:RDF><channel/><item>`) documents.
enum RSSReader {
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
    static let atomNamespace = "http://www.w3.org/2005/Atom"

    static func feed(from root: XMLNode, format: FeedFormat) -> Feed {
        // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
        let channel = root.name == "channel" ? root : root.firstElement("channel")
        let itemParent = format == .rdf ? root : (channel ?? root)
        var items = itemParent.elements("item")
        if items.isEmpty, let channel { items = channel.elements("item") }
        let siteLink = channel.flatMap(plainLink).map { root.resolve($0) }
        return Feed(
            title: channel.flatMap { titleText($0.firstElement("title")) },
            siteLink: siteLink,
            format: format,
            entries: items.map(entry)
        )
    }

    static func entry(from item: XMLNode) -> FeedEntry {
        let guidNode = item.firstElement("guid")
        let guid = guidNode?.trimmedText
        let about = item.attribute("about").map(XMLText.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        var link = plainLink(item).map { item.resolve($0) }
        if link == nil, let guid, guidNode?.attribute("isPermaLink")?.lowercased() != "false",
           URLResolver.isSafeLink(guid)
        {
            link = guid
        }
        let published = (item.firstElement("pubDate") ?? item.firstElement("date", namespace: dublinCoreNamespace))
            .flatMap(\.trimmedText).flatMap(FeedDate.parse)
        let updated = (item.firstElement("updated", namespace: atomNamespace)
            ?? item.firstElement("modified", namespace: dublinCoreNamespace))
            .flatMap(\.trimmedText).flatMap(FeedDate.parse)
        let content = (item.firstElement("encoded", namespace: contentNamespace)?.trimmedText
            ?? item.firstElement("description")?.trimmedText)
            // RSS does not say whether a description is HTML; one without any markup is plain text,
            // whose line breaks and `<` must survive the conversion.
            .map { HTMLText.looksLikeHTML($0) ? $0 : HTMLText.escapedParagraphs($0) }
        var entry = FeedEntry(
            id: guid ?? about,
            link: link,
            title: titleText(item.firstElement("title")),
            author: author(of: item),
            published: published,
            updated: updated,
            contentHTML: content ?? MediaRSS.descriptionHTML(of: item),
            contentBaseURL: link ?? item.baseURL
        )
        entry.enclosures = FeedEnclosures.of(item)
        return entry
    }

    /// The first `<link>` without a namespace (an `atom:link` beside it is the feed's own address).
    private static func plainLink(_ node: XMLNode) -> String? {
        node.elements("link").first { $0.namespaceURI == nil || $0.namespaceURI == "http://purl.org/rss/1.0/" }?
            .trimmedText
    }

    /// A title is text, but feeds often put escaped HTML (`&lt;b&gt;`, `&amp;amp;`) in it.
    static func titleText(_ node: XMLNode?) -> String? {
        guard let raw = node?.trimmedText else { return nil }
        let text = HTMLText.looksLikeHTML(raw) ? HTMLText.plain(fromHTML: raw) : XMLText.collapsed(raw)
        return text.isEmpty ? nil : text
    }

    /// `dc:creator`, else `author`, whose usual form `jo@example.com (Jo Doe)` gives the name.
    private static func author(of item: XMLNode) -> String? {
        let creators = item.elements("creator", namespace: dublinCoreNamespace).compactMap(\.trimmedText)
        if !creators.isEmpty { return creators.map(XMLText.collapsed).joined(separator: ", ") }
        guard let author = item.firstElement("author")?.trimmedText else { return nil }
        if let open = author.firstIndex(of: "("), let close = author.lastIndex(of: ")"), open < close {
            let name = XMLText.collapsed(String(author[author.index(after: open)..<close]))
            if !name.isEmpty { return name }
        }
        return XMLText.collapsed(author)
    }
}
