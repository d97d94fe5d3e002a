#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedDate {
    /// The date of the first of `candidates` that `node` has a readable child for; of several
    /// children of one name, the last (each overwrites the one before, as in feedparser).
    static func first(in node: XMLNode, _ candidates: [(name: String, vocabulary: FeedVocabulary)]) -> Date? {
        for candidate in candidates {
            for element in node.elements(candidate.name, in: candidate.vocabulary).reversed() {
                if let text = element.trimmedText, let date = parse(text) { return date }
            }
        }
        return nil
    }
}
