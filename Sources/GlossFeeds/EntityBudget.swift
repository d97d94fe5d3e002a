/// How many bytes entity references may still add to the text read from one document.
///
/// Entities are expanded by Gloss, not by libxml2 (see ``XMLText``): the budget is shared by every
/// text read from the document, so an entity used in every entry cannot multiply the feed, and
/// once it runs out the document is refused (``FeedError/entityExpansionTooLarge(limit:)``).
final class EntityBudget {
    let limit: Int
    private(set) var remaining: Int
    private(set) var isExhausted = false

    /// Expansions may add as much as the body itself, and at least 64 KiB: the expanded document
    /// stays under about twice the size of the body.
    convenience init(bodySize: Int) {
        self.init(limit: max(bodySize, 64 << 10))
    }

    init(limit: Int) {
        self.limit = limit
        remaining = limit
    }

    /// Takes `bytes` from the budget; false (and the budget marked exhausted) when they do not fit.
    func take(_ bytes: Int) -> Bool {
        guard bytes <= remaining else {
            isExhausted = true
            return false
        }
        remaining -= bytes
        return true
    }
}
