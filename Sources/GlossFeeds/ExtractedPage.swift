#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The readable part of a web page: its metadata and its main content as Markdown.
public struct ExtractedPage: Sendable, Hashable {
    /// From the JSON-LD headline, else the meta titles (Dublin Core, `og:title`, ...), else the
    /// `<title>` without the site's name, else the page's `<h1>`.
    public var title: String?
    /// From the JSON-LD authors, `<meta name="author">` and the like, a `rel="author"` link or a
    /// byline element.
    public var byline: String?
    /// From `article:published_time`, similar meta tags, or the first `<time datetime>`.
    public var published: Date?
    /// The `rel="canonical"` link (else `og:url`), resolved to an absolute URL.
    public var canonicalURL: String?
    /// From `og:site_name`.
    public var siteName: String?
    /// The main content as Markdown, ending with a newline.
    public var markdown: String

    public init(
        title: String? = nil, byline: String? = nil, published: Date? = nil, canonicalURL: String? = nil,
        siteName: String? = nil, markdown: String
    ) {
        self.title = title
        self.byline = byline
        self.published = published
        self.canonicalURL = canonicalURL
        self.siteName = siteName
        self.markdown = markdown
    }
}
