import Foundation
import GlossCore
import GlossFeeds
import GlossStorage

/// Saves one web page as an article under `<articles>/saved/`: fetched (or read from an HTML
/// file), its main content extracted readability-style, written with front matter.
struct PageSaver {
    static let folder = "saved"

    var articlesDirectory: String
    var client: HTTPClient
    /// `[library] follow-symlinks`: whether the write may follow a link leading outside the articles directory.
    var followsLinks = false

    /// Saves the page at `source` (an http/https URL or a local `.html` file) and returns the
    /// article's path relative to the articles directory, and whether it was already saved.
    ///
    /// A page whose URL is already saved under the same name is not saved again, so saving one
    /// URL twice (from `gloss add` or from different articles) keeps one copy.
    /// - Parameter via: The article the link was followed from, written as `via`.
    func save(_ source: String, tags: [String], via: String? = nil) throws(CLIError) -> (file: String, existed: Bool, title: String) {
        let page: ExtractedPage
        var url: String?
        if source.lowercased().hasPrefix("http://") || source.lowercased().hasPrefix("https://") || source.contains("://") {
            let response: HTTPResponse
            do {
                guard case .fetched(let fetched) = try client.get(source, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5") else {
                    throw CLIError.failed("\(source): the server answered 304 without being asked")
                }
                response = fetched
            } catch let error as FetchError {
                throw .failed("\(source): \(error.description)")
            } catch {
                throw .failed("\(source): \(error)")
            }
            url = response.finalURL.isEmpty ? source : response.finalURL
            page = try extract(response.body, url: url, encoding: Self.charset(response.contentType), source: source)
        } else {
            let bytes: [UInt8]
            do {
                bytes = try ArticleFile.read(source, limit: HTTPLimits.standard.maxBytes)
            } catch {
                throw .unreadable(source, error.description)
            }
            page = try extract(bytes, url: nil, encoding: nil, source: source)
        }
        let text = FeedArticleWriter.article(for: page, url: url, tags: tags, via: via)
        let name = FeedArticleWriter.fileName(for: page, url: url)
        let title = page.title ?? "Untitled"
        let urlLine = (page.canonicalURL ?? url).map { "\nurl: " + YAMLScalar.quoted($0) + "\n" }
        let stem = String(name.dropLast(3))
        for candidate in [name] + (2...50).map({ "\(stem)-\($0).md" }) {
            let relative = Self.folder + "/" + candidate
            let path = articlesDirectory + "/" + relative
            if ArticleFile.exists(path) {
                if let bytes = try? ArticleFile.read(path, limit: max(text.utf8.count + 1, 1 << 20)) {
                    if bytes.elementsEqual(text.utf8) { return (relative, true, title) }
                    if let urlLine, Self.frontMatter(of: bytes).contains(urlLine) { return (relative, true, title) }
                }
                continue
            }
            do {
                try ArticleFile.write(
                    text, relativePath: relative, inArticlesDirectory: articlesDirectory, followingLinks: followsLinks)
            } catch {
                throw .failed("could not save \(path): \(error.description)")
            }
            return (relative, false, title)
        }
        throw .failed("no free file name for \(name) in \(articlesDirectory)/\(Self.folder)")
    }

    /// The front matter block at the start of an article's bytes (empty when there is none).
    static func frontMatter(of bytes: [UInt8]) -> String {
        let head = String(decoding: bytes.prefix(16 << 10), as: UTF8.self)
        guard head.hasPrefix("---\n"), let end = head.range(of: "\n---\n") else { return "" }
        return String(head[..<end.upperBound])
    }

    private func extract(_ bytes: [UInt8], url: String?, encoding: String?, source: String) throws(CLIError) -> ExtractedPage {
        do {
            return try ReadableExtractor.extract(from: bytes, url: url, encoding: encoding)
        } catch {
            throw .failed("\(source): \(error.description)")
        }
    }

    /// The `charset` parameter of a Content-Type header.
    static func charset(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for part in contentType.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }
}
