#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A web page's title, byline, date, canonical URL and site name, from its meta tags and markup.
struct PageMetadata {
    var title: String?
    var byline: String?
    var published: Date?
    var canonicalURL: String?
    var siteName: String?

    private static let dateKeys = [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
        "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    ]

    /// Reads the metadata of a whole document (before any of it is removed).
    static func read(from root: XMLNode) -> PageMetadata {
        var meta: [String: String] = [:]
        var canonical: String?
        var documentTitle: String?
        var firstHeading: String?
        var headings: Set<String> = []
        var authorLink: String?
        var bylineElement: String?
        var firstTime: Date?
        NodeWalk.elements(below: root) { node in
            switch node.name {
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased()
                if let key, let content = node.attribute("content").map(XMLText.collapsed), !content.isEmpty,
                   meta[key] == nil
                {
                    meta[key] = content
                }
            case "link":
                let relations = (node.attribute("rel") ?? "").lowercased().split(separator: " ")
                if relations.contains("canonical"), canonical == nil, let href = node.attribute("href") {
                    canonical = node.resolve(href)
                }
            case "title":
                if documentTitle == nil { documentTitle = XMLText.collapsed(node.text) }
            case "h1", "h2":
                let heading = HTMLText.visibleText(of: node)
                if headings.count < 50 { headings.insert(heading.lowercased()) }
                if firstHeading == nil, node.name == "h1" { firstHeading = heading }
            case "time":
                if firstTime == nil { firstTime = node.attribute("datetime").flatMap(FeedDate.parse) }
            case "a" where (node.attribute("rel") ?? "").lowercased().split(separator: " ").contains("author"):
                if authorLink == nil { authorLink = XMLText.collapsed(node.text) }
            default:
                let hints = ClassHints.hintText(of: node)
                if bylineElement == nil, hints.contains("byline") || hints.split(separator: " ").contains("author") {
                    let text = HTMLText.visibleText(of: node)
                    if !text.isEmpty, text.count < 100 { bylineElement = text }
                }
            }
            return true
        }

        var metadata = PageMetadata()
        metadata.siteName = meta["og:site_name"]
        let siteName = metadata.siteName
        // Social titles rarely carry the site's name, but when they do it is the exact name.
        metadata.title = nonEmpty(meta["og:title"].map { withoutSiteSuffix($0, siteName: siteName, headings: [], loose: false) })
            ?? nonEmpty(meta["twitter:title"]) ?? nonEmpty(firstHeading)
            ?? nonEmpty(documentTitle.map { withoutSiteSuffix($0, siteName: siteName, headings: headings, loose: true) })
        let metaAuthor = [meta["author"], meta["article:author"], meta["dc.creator"], meta["parsely-author"]]
            .compactMap { $0 }.first { URLResolver.scheme(of: $0) == nil }
        metadata.byline = (nonEmpty(metaAuthor) ?? nonEmpty(authorLink) ?? nonEmpty(bylineElement)).map(withoutBy)
        metadata.published = dateKeys.lazy.compactMap { meta[$0].flatMap(FeedDate.parse) }.first ?? firstTime
        let ogURL = meta["og:url"].map { root.resolve($0) }
        metadata.canonicalURL = [canonical, ogURL].compactMap { $0 }.first(where: URLResolver.isSafeLink)
        return metadata
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// `Story title | Site` → `Story title`, when the part after the separator is the site's name,
    /// the part before it is a heading of the page, or (when `loose`) it is a short tail after a
    /// longer title.
    private static func withoutSiteSuffix(_ title: String, siteName: String?, headings: Set<String>, loose: Bool) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound])
            let tail = title[range.upperBound...]
            let words = { (text: Substring) in text.split(separator: " ").count }
            if tail.lowercased() == siteName?.lowercased() || headings.contains(head.lowercased())
                || (loose && words(head[...]) >= 4 && words(tail) <= 4)
            {
                return head
            }
        }
        return title
    }

    /// `By Jo Doe` → `Jo Doe`.
    private static func withoutBy(_ byline: String) -> String {
        let lower = byline.lowercased()
        guard lower.hasPrefix("by ") else { return byline }
        return XMLText.trimmed(String(byline.dropFirst(3)))
    }
}
