import GlossCore

/// The media files of a feed item: RSS `<enclosure>`, Atom `<link rel="enclosure">` and Media RSS
/// `<media:content>` (directly or in a `<media:group>`), resolved, web links only, each URL once.
enum FeedEnclosures {
    static func of(_ item: XMLNode) -> [Enclosure] {
        var found: [Enclosure] = []
        var seen = Set<String>()
        func add(_ url: String?, type: String?, length: String?) {
            guard let raw = url else { return }
            let resolved = item.resolve(raw)
            guard !resolved.isEmpty, URLResolver.isSafeLink(resolved), seen.insert(resolved).inserted else { return }
            let type = type.map(XMLText.collapsed).flatMap { $0.isEmpty ? nil : $0 }
            let length = length.map(XMLText.trimmed).flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            found.append(Enclosure(url: resolved, type: type, length: length))
        }
        for enclosure in item.elements("enclosure") {
            add(enclosure.attribute("url"), type: enclosure.attribute("type"), length: enclosure.attribute("length"))
        }
        for link in item.elements("link") where link.attribute("rel") == "enclosure" {
            add(link.attribute("href"), type: link.attribute("type"), length: link.attribute("length"))
        }
        let groups = item.elements("group", namespace: MediaRSS.namespace)
        for parent in [item] + groups {
            for content in parent.elements("content", namespace: MediaRSS.namespace) {
                add(content.attribute("url"), type: content.attribute("type"), length: content.attribute("fileSize"))
            }
        }
        return found
    }
}
