import Foundation
import GlossCore

/// The rows one article contributes to the index: its title, its front-matter tags, each
/// paragraph (¶ n), and each live note and note tag list (with the quote it belongs to).
struct IndexDocument {
    struct Row {
        var kind: SearchHitKind
        /// The ¶ number (1-based); nil for the title and the article's own tags.
        var paragraph: Int?
        var text: String
        var quote: String?
    }

    var title: String
    var rows: [Row] = []

    init(article: Article?, fallbackTitle: String, annotations: [Annotation]) {
        let metadataTitle = article?.metadata.title.trimmingCharacters(in: .whitespaces) ?? ""
        title = metadataTitle.isEmpty ? fallbackTitle : metadataTitle
        rows.append(Row(kind: .title, paragraph: nil, text: title))
        if let article {
            if !article.metadata.tags.isEmpty {
                rows.append(Row(kind: .tag, paragraph: nil, text: article.metadata.tags.joined(separator: " ")))
            }
            for (index, block) in article.blocks.enumerated() where !block.text.isEmpty {
                rows.append(Row(kind: .text, paragraph: index + 1, text: block.text))
            }
        }
        for annotation in annotations where !annotation.deleted {
            let paragraph = annotation.anchor.blockIndex + 1
            let quote = annotation.anchor.quote.exact
            if !annotation.note.isEmpty {
                rows.append(Row(kind: .note, paragraph: paragraph, text: annotation.note, quote: quote))
            }
            if !annotation.tags.isEmpty {
                rows.append(Row(kind: .tag, paragraph: paragraph, text: annotation.tags.joined(separator: " "), quote: quote))
            }
        }
    }
}
