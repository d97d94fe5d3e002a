/// Media RSS (`media:description`), the only text of video and podcast feeds such as YouTube's.
enum MediaRSS {
    static let namespace = "http://search.yahoo.com/mrss/"

    /// The `media:description` of an item or entry (directly or in a `media:group`), as HTML.
    static func descriptionHTML(of item: XMLNode) -> String? {
        let group = item.firstElement("group", namespace: namespace)
        let description = item.firstElement("description", namespace: namespace)
            ?? group?.firstElement("description", namespace: namespace)
        guard let description, let text = description.trimmedText else { return nil }
        // Plain text unless it says otherwise.
        if description.attribute("type")?.lowercased() == "html" { return text }
        return HTMLText.escapedParagraphs(text)
    }
}
