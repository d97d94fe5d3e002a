/// Reads RSS 0.9x/2.0 (`<rss><channel><item>`) and RSS 1.0 (`<rdf:RDF><channel/><item>`) documents.
enum RSSReader {
    static func feed(from root: XMLNode, format: FeedFormat) -> Feed {
        let rss = FeedVocabulary.rss.adding(root.namespaceURI)
        // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
        let channel = root.name == "channel" ? root : root.firstElement("channel", in: rss)
        let itemParent = format == .rdf ? root : (channel ?? root)
        var items = itemParent.elements("item", in: rss)
        if items.isEmpty, let channel { items = channel.elements("item", in: rss) }
        let siteLink = channel.flatMap { plainLink($0, rss) }.map { root.resolve($0) }
        return Feed(
            title: channel.flatMap { titleText($0.firstElement("title", in: rss)) },
            siteLink: siteLink,
            format: format,
            entries: items.map { entry(from: $0, rss) }
        )
    }

    static func entry(from item: XMLNode, _ rss: FeedVocabulary = .rss) -> FeedEntry {
        let guidNode = item.firstElement("guid", in: rss)
        let guid = guidNode?.trimmedText
        let about = item.attribute("about").map(XMLText.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        var link = plainLink(item, rss).map { item.resolve($0) }
        if link == nil, let guid, guidNode?.attribute("isPermaLink")?.lowercased() != "false",
           URLResolver.isSafeLink(guid)
        {
            link = guid
        }
        // The order feedparser reads them in: `pubDate` and `dcterms:issued` are the publication (and
        // `dc:date`, which it files as the last change but shows first all the same), `dcterms:modified`
        // and `atom:updated` the last change, `dcterms:created` the creation.
        let published = FeedDate.first(
            in: item, [("pubDate", rss), ("issued", .dublinCoreTerms), ("date", .dublinCore), ("published", .atom)])
        let updated = FeedDate.first(in: item, [("modified", .dublinCoreTerms), ("updated", .atom), ("updated", rss)])
        let created = FeedDate.first(in: item, [("created", .dublinCoreTerms)])
        var entry = FeedEntry(
            id: guid ?? about,
            link: link,
            title: titleText(item.firstElement("title", in: rss) ?? item.firstElement("title", in: .dublinCore)),
            author: author(of: item, rss),
            published: published,
            updated: updated,
            created: created,
            contentHTML: contentHTML(of: item, rss) ?? MediaRSS.descriptionHTML(of: item),
            contentBaseURL: link ?? item.baseURL
        )
        entry.enclosures = FeedEnclosures.of(item)
        return entry
    }

    /// The richest body: `content:encoded`, an XHTML `<body>`, `<fullitem>`, else the `description`.
    private static func contentHTML(of item: XMLNode, _ rss: FeedVocabulary) -> String? {
        if let encoded = item.firstElement("encoded", in: .content)?.trimmedText { return asHTML(encoded) }
        if let body = item.firstElement("body", in: .xhtml) {
            let html = XMLText.trimmed(XHTMLSerializer.html(ofChildrenOf: body))
            if !html.isEmpty { return html }
        }
        if let full = item.firstElement("fullitem", in: rss)?.trimmedText { return asHTML(full) }
        return item.firstElement("description", in: rss)?.trimmedText.map(asHTML)
    }

    /// RSS does not say whether a description is HTML; one without any markup is plain text,
    /// whose line breaks and `<` must survive the conversion.
    private static func asHTML(_ text: String) -> String {
        HTMLText.looksLikeHTML(text) ? text : HTMLText.escapedParagraphs(text)
    }

    /// The first RSS `<link>` (an `atom:link` beside it is the feed's own address); its text, or an
    /// Atom-style `href` written without the Atom namespace.
    private static func plainLink(_ node: XMLNode, _ rss: FeedVocabulary) -> String? {
        node.elements("link", in: rss).lazy.compactMap { $0.trimmedText ?? $0.attribute("href").map(XMLText.trimmed) }
            .first { !$0.isEmpty }
    }

    /// A title is text, but feeds often put escaped HTML (`&lt;b&gt;`, `&amp;amp;`) in it.
    static func titleText(_ node: XMLNode?) -> String? {
        guard let raw = node?.trimmedText else { return nil }
        let text = HTMLText.looksLikeHTML(raw) ? HTMLText.plain(fromHTML: raw) : XMLText.collapsed(raw)
        return text.isEmpty ? nil : text
    }

    /// `dc:creator`, else `author`, whose usual form `jo@example.com (Jo Doe)` gives the name,
    /// else the podcast's `itunes:author`.
    private static func author(of item: XMLNode, _ rss: FeedVocabulary) -> String? {
        let creators = item.elements("creator", in: .dublinCore).compactMap(\.trimmedText)
        if !creators.isEmpty { return creators.map(XMLText.collapsed).joined(separator: ", ") }
        guard let author = item.firstElement("author", in: rss)?.trimmedText else {
            return item.firstElement("author", in: .itunes)?.trimmedText.map(XMLText.collapsed)
        }
        if let open = author.firstIndex(of: "("), let close = author.lastIndex(of: ")"), open < close {
            let name = XMLText.collapsed(String(author[author.index(after: open)..<close]))
            if !name.isEmpty { return name }
        }
        return XMLText.collapsed(author)
    }
}
