/// Makes the links of a loaded article absolute: relative targets resolve against its `url`.
enum ArticleLinkResolver {
    static func resolve(_ blocks: inout [Block], enclosures: inout [Enclosure], against base: String?) {
        guard let base, LinkURL.scheme(of: base) != nil else { return }
        for index in blocks.indices where !blocks[index].links.isEmpty {
            for link in blocks[index].links.indices {
                blocks[index].links[link].url = LinkURL.resolve(blocks[index].links[link].url, against: base)
            }
        }
        for index in enclosures.indices {
            enclosures[index].url = LinkURL.resolve(enclosures[index].url, against: base)
        }
    }
}
