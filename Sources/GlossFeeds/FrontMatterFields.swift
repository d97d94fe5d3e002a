#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

/// The front matter of a written article.
struct FrontMatterFields {
    var title: String
    var author: String?
    var source: String?
    var date: Date?
    var url: String?
    var tags: [String]
    var id: String?
    var enclosures: [Enclosure] = []
    /// The article a page was saved from, by its path in the articles folder.
    var via: String?

    func rendered() -> String {
        var lines = ["---", "title: " + YAMLScalar.quoted(title)]
        if let author, !author.isEmpty { lines.append("author: " + YAMLScalar.quoted(author)) }
        if let source, !source.isEmpty { lines.append("source: " + YAMLScalar.quoted(source)) }
        if let date {
            let time = FeedArticleWriter.timestamp(date)
            // Whole seconds: feeds rarely carry milliseconds, and a shorter date reads better.
            lines.append("date: " + YAMLScalar.timestamp(Timestamp(millisecondsSince1970: time.millisecondsSince1970 / 1000 * 1000)))
        }
        if let url, !url.isEmpty { lines.append("url: " + YAMLScalar.quoted(url)) }
        let tags = self.tags.map(XMLText.collapsed).filter { !$0.isEmpty }
        if !tags.isEmpty { lines.append("tags: " + YAMLScalar.flowList(tags)) }
        if let id, !id.isEmpty { lines.append("id: " + YAMLScalar.quoted(id)) }
        if let via, !via.isEmpty { lines.append("via: " + YAMLScalar.quoted(via)) }
        if !enclosures.isEmpty {
            lines.append("enclosures:")
            for enclosure in enclosures {
                var fields = ["url: " + YAMLScalar.quoted(enclosure.url)]
                if let type = enclosure.type { fields.append("type: " + YAMLScalar.quoted(type)) }
                if let length = enclosure.length { fields.append("length: \(length)") }
                lines.append("  - {" + fields.joined(separator: ", ") + "}")
            }
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }
}
