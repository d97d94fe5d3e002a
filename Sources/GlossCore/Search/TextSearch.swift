// TEMPORARY stand-in until the layout branch lands.
public struct SearchQuery: Hashable, Sendable {
    public var text: String
    public var isCaseSensitive: Bool
    public init(_ text: String) {
        self.text = text
        self.isCaseSensitive = text.contains { $0.isUppercase }
    }
}

public struct SearchMatch: Hashable, Sendable {
    public var block: Int
    public var range: Range<Int>
    public init(block: Int, range: Range<Int>) { self.block = block; self.range = range }
}

public enum TextSearch {
    public static func matches(of query: SearchQuery, in text: String) -> [Range<Int>] {
        let q = Array((query.isCaseSensitive ? query.text : query.text.lowercased()).unicodeScalars)
        let t = Array((query.isCaseSensitive ? text : text.lowercased()).unicodeScalars)
        guard !q.isEmpty, q.count <= t.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i + q.count <= t.count {
            if Array(t[i..<i + q.count]) == q { out.append(i..<i + q.count); i += q.count } else { i += 1 }
        }
        return out
    }

    public static func next(after position: SearchMatch?, in blocks: [Block], query: SearchQuery, forward: Bool) -> (SearchMatch, wrapped: Bool)? {
        guard !blocks.isEmpty else { return nil }
        let startBlock = position?.block ?? (forward ? 0 : blocks.count - 1)
        for step in 0...blocks.count {
            let b = forward ? (startBlock + step) % blocks.count : (startBlock - step + blocks.count) % blocks.count
            let wrapped = forward ? (startBlock + step) >= blocks.count : (startBlock - step) < 0
            var ms = matches(of: query, in: blocks[b].text)
            if !forward { ms.reverse() }
            for m in ms {
                if step == 0, let p = position {
                    if forward ? m.lowerBound <= p.range.lowerBound : m.lowerBound >= p.range.lowerBound { continue }
                }
                return (SearchMatch(block: b, range: m), wrapped)
            }
        }
        return nil
    }
}
