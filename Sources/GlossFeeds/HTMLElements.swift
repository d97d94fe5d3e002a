/// How the converter treats each HTML element.
enum HTMLElements {
    /// Never content: scripts, styles, forms, embedded media and page chrome.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "iframe", "form", "nav", "aside", "footer", "button", "input", "select",
        "textarea", "option", "svg", "canvas", "template", "object", "embed", "video", "audio", "source", "track",
        "head", "title", "meta", "link", "base", "dialog", "map", "frame", "frameset", "applet", "menu",
    ]

    /// Elements that start a new block.
    static let blocks: Set<String> = [
        "address", "article", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
        "caption", "ul", "listing", "xmp", "plaintext",
    ]

    static func headingLevel(_ name: String) -> Int? {
        guard name.count == 2, name.hasPrefix("h"), let level = Int(name.dropFirst()), (1...6).contains(level) else {
            return nil
        }
        return level
    }

    /// Whether an element is page chrome rather than content: `header` with a `nav` or the banner
    /// role, and anything hidden.
    static func isChrome(_ element: XMLNode) -> Bool {
        if element.attribute("hidden") != nil || element.attribute("aria-hidden") == "true" { return true }
        if let style = element.attribute("style")?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        switch element.attribute("role")?.lowercased() {
        case "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert": return true
        default: break
        }
        return element.name == "header" && element.firstElement("nav") != nil
    }

    /// Whether an element should be left out entirely.
    static func isSkipped(_ element: XMLNode) -> Bool {
        dropped.contains(element.name) || isChrome(element)
    }

    /// Embedded objects: nothing to show of their own, but the HTML parser puts the text that follows
    /// an unclosed `<embed>` or a self-closed `<iframe/>` or `<object/>` inside them, and an object's
    /// children are its fallback text. Page extraction drops them with the page furniture.
    static let embedded: Set<String> = ["iframe", "object", "embed", "applet"]

    /// Whether an element is left out of converted content: skipped, but for embedded objects,
    /// whose text is kept.
    static func isOmitted(_ element: XMLNode) -> Bool {
        isSkipped(element) && !(embedded.contains(element.name) && !isChrome(element))
    }

    /// Whether an element, or an element under it, starts a block (an `<a>` wrapping a `<div>`).
    static func containsBlock(_ node: XMLNode) -> Bool {
        for child in node.children where child.isElement {
            if blocks.contains(child.name) || containsBlock(child) { return true }
        }
        return false
    }
}
