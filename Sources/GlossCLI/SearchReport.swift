import Foundation
import GlossCore
import GlossTUI

/// `gloss search` output: two lines per hit for people, JSON for scripts.
enum SearchReport {
    /// `Title  path  ¶ 3` (with `note` for a note hit), then the snippet indented; a note hit
    /// adds the quote it belongs to.
    static func text(_ hits: [SearchHit]) -> String {
        var out = ""
        for hit in hits {
            var head = "\(hit.title)  \(hit.path)"
            if let paragraph = hit.paragraph { head += "  ¶ \(paragraph)" }
            if hit.isInNote {
                head += "  note"
            } else if hit.kind != .text {
                head += "  \(hit.kind.rawValue)"
            }
            out += TerminalSafe.visible(head) + "\n"
            out += "    " + TerminalSafe.visible(hit.snippet) + "\n"
            if let quote = hit.quote {
                out += "    on “" + TerminalSafe.visible(Truncate.toWidth(quote, 80)) + "”\n"
            }
        }
        return out
    }

    struct Row: Encodable {
        struct Article: Encodable {
            var path: String
            var title: String
        }

        var article: Article
        var paragraph: Int?
        var kind: String
        var snippet: String
        var quote: String?
        var score: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(article, forKey: .article)
            try container.encode(paragraph, forKey: .paragraph)
            try container.encode(kind, forKey: .kind)
            try container.encode(snippet, forKey: .snippet)
            try container.encodeIfPresent(quote, forKey: .quote)
            try container.encode(score, forKey: .score)
        }

        enum CodingKeys: String, CodingKey {
            case article, paragraph, kind, snippet, quote, score
        }
    }

    static func json(_ hits: [SearchHit]) -> String {
        let rows = hits.map {
            Row(
                article: .init(path: $0.path, title: $0.title), paragraph: $0.paragraph, kind: $0.kind.rawValue,
                snippet: $0.snippet, quote: $0.quote, score: $0.score)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(rows) else { return "[]\n" }
        return JSONOutput.terminalSafe(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
