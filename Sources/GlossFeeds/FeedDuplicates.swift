/// Entries of one feed that share an id (feeds do repeat ids, or give every item the same one).
///
/// Each entry of such a group is told apart by its link when the links differ, else by a hash of
/// its title and content, so every one keeps a file of its own and the same feed fetched again
/// maps each to the same key. The distinction does not depend on the order of the entries.
/// Entries identical in id, link, title and content are one entry said twice: only the first is kept.
enum FeedDuplicates {
    static func distinguished(_ entries: [FeedEntry]) -> [FeedEntry] {
        var groups: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { groups[entry.baseKey, default: []].append(index) }
        guard groups.count < entries.count else { return entries }
        var out = entries
        for members in groups.values where members.count > 1 {
            let links = members.map { entries[$0].link ?? "" }
            let linksDiffer = Set(links).count == links.count && !links.contains("")
            for index in members {
                let entry = entries[index]
                let link = entry.link ?? ""
                out[index].distinction = linksDiffer && link != entry.baseKey ? link : String(entry.contentKey.dropFirst(7).prefix(16))
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0.dedupKey).inserted }
    }
}
