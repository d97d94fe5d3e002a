import Foundation
import GlossCore

/// Makes a repeatable revision of an article, the kind of edit that moves annotations:
/// sentences added, words changed, paragraphs removed and inserted.
enum ArticleEditor {
    static func edit(_ article: Article) -> Article {
        var edited = article
        var blocks: [Block] = []
        blocks.reserveCapacity(article.blocks.count + article.blocks.count / 25)
        for (index, block) in article.blocks.enumerated() {
            if index > 0, index % 50 == 0 { continue }  // removed
            var copy = block
            if !block.isHeading {
                if index % 10 == 3 { copy.text = "A correction was added here later. " + copy.text }
                if index % 7 == 2, let range = copy.text.range(of: " the ") {
                    copy.text.replaceSubrange(range, with: " one ")
                }
                copy.spans = []
            }
            blocks.append(copy)
            if index % 25 == 24 {
                blocks.append(Block(kind: .paragraph, text: "An inserted paragraph that was not in the first version."))
            }
        }
        edited.blocks = blocks
        return edited
    }
}
