/// What an element's `class` and `id` say about it: article text, or page furniture.
enum ClassHints {
    /// Words of furniture: matched as whole words when short (`ad`), inside words when long (`comments`).
    private static let negativeWords = [
        "comment", "sidebar", "navbar", "navigation", "menu", "footer", "masthead", "advert", "banner", "promo", "share", "sharing",
        "social", "related", "recommend", "newsletter", "subscribe", "cookie", "popup", "modal", "widget", "sponsor",
        "breadcrumb", "pagination", "pager", "outbrain", "taboola", "disqus", "skip", "signup", "paywall", "teaser",
        "trending", "most-read", "popular", "toolbar", "byline", "dateline",
        // Video players and galleries: controls, playlists and thumbnails around the media.
        "player", "playlist", "carousel", "lightbox", "thumbnails",
        // Discussions and the links to more stories that follow an article.
        "replies", "discussion", "respond", "recirc", "read-next", "more-stories",
    ]
    private static let negativeTokens: Set<String> = ["ad", "ads", "adv", "nav", "tags", "tag", "meta", "aside", "hidden", "print", "rss"]
    private static let positiveWords = ["article", "content", "entry", "main", "post", "story", "body", "text", "blog", "prose"]
    /// Hints strong enough to keep an element that also looks like furniture (`content-sidebar-wrap`).
    private static let keepWords = ["article", "body", "content", "main", "column", "mathjax"]

    /// The class and id, lower-cased, joined by a space.
    static func hintText(of element: XMLNode) -> String {
        ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
    }

    /// +25 for article-like hints, -25 for furniture-like ones (both may apply).
    static func weight(of element: XMLNode) -> Double {
        let hints = hintText(of: element)
        guard hints.contains(where: { $0 != " " }) else { return 0 }
        var weight = 0.0
        if isNegative(hints) { weight -= 25 }
        if positiveWords.contains(where: hints.contains) { weight += 25 }
        return weight
    }

    static func isNegative(_ hints: String) -> Bool {
        if negativeWords.contains(where: hints.contains) { return true }
        let tokens = hints.split { !($0.isLetter || $0.isNumber) }
        return tokens.contains { negativeTokens.contains(String($0)) }
    }

    /// Whether an element is furniture to remove before looking for the article: a furniture hint
    /// and no strong content hint, on anything but the document's structure.
    static func isUnlikelyCandidate(_ element: XMLNode) -> Bool {
        switch element.name {
        case "html", "body", "article", "main":
            return false
        case "figure" where hintText(of: element).contains("player"):
            // A video player laid out as a figure: its caption describes a video that is not kept.
            return true
        case "a", "pre", "code", "h1", "h2", "h3", "blockquote", "figure", "img":
            return false
        default:
            break
        }
        let hints = hintText(of: element)
        guard hints.contains(where: { $0 != " " }), isNegative(hints) else { return false }
        return !keepWords.contains(where: hints.contains)
    }
}
