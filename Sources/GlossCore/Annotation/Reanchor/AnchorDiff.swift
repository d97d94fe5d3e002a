/// What the diff of the old text against the current one says about one anchor: where its own
/// old text went, and which current text descends from other old text and so cannot hold it.
struct AnchorDiff {
    let map: OffsetMap
    /// The anchor's range in the old text (where the old text holds its quote).
    let own: Range<Int>

    /// False for a range that the diff shows to be mostly a copy of other old text, edited or
    /// not: that is where the other text went, however much it looks like the quote.
    func allows(_ range: Range<Int>) -> Bool {
        !map.descendsFromOtherText(range, own: own)
    }

    /// The scalar ranges of the current text where a candidate of at most `reach` scalars that
    /// the diff allows can lie, merged and in increasing order: around every change, and around
    /// where the anchor's own old text went. Anywhere else a candidate lies inside one unchanged
    /// copy of other old text.
    func searchAreas(reach: Int) -> [Range<Int>] {
        var areas = map.changedRanges.map {
            max(0, $0.lowerBound - reach)..<min(map.newLength, $0.upperBound + reach)
        }
        if let image = map.newImage(of: own) {
            areas.append(max(0, image.lowerBound - reach)..<min(map.newLength, image.upperBound + reach))
        }
        return FuzzyQuoteSearch.merged(areas)
    }
}
