#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedDate {
    /// The first readable date among the children of `node` named by `candidates`, in order.
    static func first(in node: XMLNode, _ candidates: [(name: String, vocabulary: FeedVocabulary)]) -> Date? {
        for candidate in candidates {
            for element in node.elements(candidate.name, in: candidate.vocabulary) {
                if let text = element.trimmedText, let date = parse(text) { return date }
            }
        }
        return nil
    }
}
