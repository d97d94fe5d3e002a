#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

/// Writes feed entries and extracted web pages as Markdown articles with YAML front matter
/// (`title`, `author`, `source`, `date`, `url`, `tags`, and an `id` to find the entry again),
/// in the form `ArticleLoader` reads back.
public enum FeedArticleWriter {
    /// The article text for a feed entry, its HTML content converted to Markdown.
    ///
    /// - Parameters:
    ///   - feedName: Written as `source`.
    ///   - tags: The feed's tags.
    public static func article(for entry: FeedEntry, feedName: String, tags: [String] = []) -> String {
        var body = entry.contentHTML.map { HTMLToMarkdown.convert($0, baseURL: entry.contentBaseURL ?? entry.link) } ?? ""
        if body.isEmpty, let link = entry.link, URLResolver.isSafeLink(link) {
            body = "[Read the article on the web](" + MarkdownConverter.linkDestination(link) + ")\n"
        }
        let metadata = FrontMatterFields(
            title: entry.title ?? "Untitled", author: entry.author, source: feedName, date: entry.date,
            url: entry.link, tags: tags, id: entry.dedupKey, enclosures: entry.enclosures
        )
        return metadata.rendered() + "\n" + body
    }

    /// The article text for an extracted web page.
    ///
    /// - Parameters:
    ///   - url: Where the page was read from, used when it names no canonical URL.
    ///   - source: Written as `source`; the page's site name when nil.
    ///   - via: The path of the article the page was saved from, written as `via`.
    public static func article(
        for page: ExtractedPage, url: String? = nil, source: String? = nil, tags: [String] = [], via: String? = nil
    ) -> String {
        let metadata = FrontMatterFields(
            title: page.title ?? "Untitled", author: page.byline, source: source ?? page.siteName,
            date: page.published, url: page.canonicalURL ?? url, tags: tags, id: nil, via: via
        )
        return metadata.rendered() + "\n" + page.markdown
    }

    /// The file name for an entry: `<YYYY-MM-DD>-<slug-of-title>.md` (`undated-…` without a date).
    ///
    /// The same entry always maps to the same name. With `uniqueSuffix`, six hex digits of a hash of
    /// the entry's `dedupKey` are added, so two entries with the same date and title do not collide.
    public static func fileName(for entry: FeedEntry, uniqueSuffix: Bool = false) -> String {
        let suffix = uniqueSuffix ? "-" + String(ContentHash.hex(of: entry.dedupKey).prefix(6)) : ""
        return fileName(title: entry.title, date: entry.date, fallback: entry.dedupKey, suffix: suffix)
    }

    /// The file name for an extracted page, on the same pattern.
    public static func fileName(for page: ExtractedPage, url: String? = nil) -> String {
        fileName(title: page.title, date: page.published, fallback: page.canonicalURL ?? url ?? page.markdown, suffix: "")
    }

    /// The UTC day of `date` as `YYYY-MM-DD`.
    public static func day(of date: Date) -> String {
        String(timestamp(date).description.prefix(10))
    }

    static func fileName(title: String?, date: Date?, fallback: String, suffix: String) -> String {
        var slug = Slug.make(from: title ?? "")
        if slug.isEmpty { slug = "entry-" + String(ContentHash.hex(of: fallback).prefix(8)) }
        return (date.map(day) ?? "undated") + "-" + slug + suffix + ".md"
    }

    static func timestamp(_ date: Date) -> Timestamp {
        Timestamp(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}
