#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a page's schema.org JSON-LD (`<script type="application/ld+json">`) says about its article:
/// the headline and the authors. Publishers write it for search engines, so it is usually the
/// cleanest title a page carries (no site name, no teaser wording).
struct LinkedData {
    var title: String?
    var authors: [String] = []

    /// Schema.org types that describe an article (a `CollectionPage` or an `Organization` does not).
    private static let articleTypes: Set<String> = [
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
    ]

    /// Larger scripts are not read: they are data dumps, not article descriptions.
    static let maximumScriptBytes = 1 << 20

    /// The first article description among `scripts` (the text of each JSON-LD script).
    ///
    /// - Parameter documentTitle: The page's `<title>`: when the headline and the name differ, the
    ///   one closer to it is taken (some sites put their own name in `name`).
    static func read(scripts: [String], documentTitle: String?) -> LinkedData? {
        for script in scripts where script.utf8.count <= maximumScriptBytes {
            var text = XMLText.trimmed(script)
            // Some pages wrap the JSON in a CDATA section.
            if text.hasPrefix("<![CDATA["), text.hasSuffix("]]>") {
                text = XMLText.trimmed(String(text.dropFirst(9).dropLast(3)))
            }
            guard nestingDepth(of: text) <= maximumNesting,
                  let value = try? JSONDecoder().decode(JSONLDValue.self, from: Data(text.utf8)),
                  let article = article(in: value, depth: 0)
            else { continue }
            return LinkedData(from: article, documentTitle: documentTitle)
        }
        return nil
    }

    private init(from article: [String: JSONLDValue], documentTitle: String?) {
        let name = article["name"]?.string.map(XMLText.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        let headline = article["headline"]?.string.map(XMLText.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        if let name, let headline, name != headline, let documentTitle,
           TitleChooser.similarity(documentTitle, headline) > 0.75, TitleChooser.similarity(documentTitle, name) <= 0.75
        {
            title = headline
        } else {
            title = name ?? headline
        }
        let authors: [JSONLDValue]
        switch article["author"] {
        case .array(let list)?: authors = list
        case let single?: authors = [single]
        case nil: authors = []
        }
        self.authors = authors.compactMap { author in
            let name = author.object?["name"]?.string ?? author.string
            return name.map(XMLText.collapsed).flatMap { $0.isEmpty || URLResolver.scheme(of: $0) != nil ? nil : $0 }
        }
    }

    /// Deeper JSON is not decoded: article descriptions are shallow, and decoding recurses.
    static let maximumNesting = 32

    /// The deepest nesting of `[` and `{` outside strings.
    static func nestingDepth(of json: String) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in json.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// The object describing an article: the value itself, an element of a list, or of `@graph`.
    private static func article(in value: JSONLDValue, depth: Int) -> [String: JSONLDValue]? {
        guard depth < 4 else { return nil }
        switch value {
        case .array(let list):
            return list.lazy.compactMap { article(in: $0, depth: depth + 1) }.first
        case .object(let object):
            if isArticle(object["@type"]) { return object }
            if case .array(let graph)? = object["@graph"] {
                return graph.lazy.compactMap { article(in: $0, depth: depth + 1) }.first
            }
            return nil
        default:
            return nil
        }
    }

    private static func isArticle(_ type: JSONLDValue?) -> Bool {
        switch type {
        case .string(let name)?: return articleTypes.contains(name)
        case .array(let names)?: return names.contains { $0.string.map(articleTypes.contains) ?? false }
        default: return false
        }
    }
}

/// Any JSON value, as far as JSON-LD reading needs it.
enum JSONLDValue: Decodable {
    case string(String)
    case array([JSONLDValue])
    case object([String: JSONLDValue])
    case other

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var object: [String: JSONLDValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONLDValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONLDValue].self) {
            self = .array(value)
        } else {
            self = .other
        }
    }
}
