import Yams

/// Optional YAML front matter at the top of an article, in any format:
/// a first line `---`, YAML, then a line `---` or `...`.
///
/// Known keys: `title`, `author`, `source`, `date`, `url` (text) and `tags` (a list, or one string of
/// comma-separated tags). A YAML timestamp date is kept as its `YYYY-MM-DD` part; any other date is
/// kept as written. Unknown keys are ignored.
struct FrontMatter: Sendable, Hashable {
    var title: String?
    var author: String?
    var source: String?
    var date: String?
    var url: String?
    var tags: [String] = []
    var enclosures: [Enclosure] = []
    var via: String?
    /// Known keys whose values had the wrong shape.
    var warnings: [String] = []

    /// How a front matter block read.
    enum Reading: Sendable, Hashable {
        case metadata(FrontMatter)
        /// Valid YAML that is not a mapping (say, prose between two rules): not front matter at all.
        case notFrontMatter
        /// The block is not valid YAML; the reason is one line.
        case invalid(String)
        /// The block may nest deeper than ``YAMLNesting/maximumDepth``: it was not parsed, as the
        /// YAML parser would exhaust the stack.
        case tooDeep
    }

    /// The bytes between the fences, and where the article's own text starts, when the text
    /// opens with a front matter block.
    static func locate(in text: UnsafeBufferPointer<UInt8>) -> (yaml: Range<Int>, bodyStart: Int)? {
        guard let firstEnd = lineEnd(from: 0, in: text), isFence(0..<firstEnd, in: text, closing: false) else {
            return nil
        }
        var start = firstEnd + 1
        while start < text.count {
            let end = lineEnd(from: start, in: text) ?? text.count
            if isFence(start..<end, in: text, closing: true) {
                return (firstEnd + 1..<start, min(end + 1, text.count))
            }
            start = end + 1
        }
        return nil
    }

    static func read(_ yaml: String) -> Reading {
        // Measured before parsing: the parser recurses per level and would crash on deep input.
        if YAMLNesting.exceeds(in: yaml.utf8) { return .tooDeep }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let reason = String(describing: error).split(separator: "\n").first.map(String.init) ?? "invalid YAML"
            return .invalid(reason)
        }
        guard let root else { return .metadata(FrontMatter()) }
        guard let mapping = root.mapping else { return .notFrontMatter }

        var frontMatter = FrontMatter()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string.lowercased() else { continue }
            switch key {
            case "title": frontMatter.title = frontMatter.text(value, key: key)
            case "author": frontMatter.author = frontMatter.text(value, key: key)
            case "source": frontMatter.source = frontMatter.text(value, key: key)
            case "url": frontMatter.url = frontMatter.text(value, key: key)
            case "date": frontMatter.date = frontMatter.date(value)
            case "tags": frontMatter.tags = frontMatter.tags(value)
            case "via": frontMatter.via = frontMatter.text(value, key: key)
            case "enclosures": frontMatter.enclosures = frontMatter.enclosures(value)
            default: break
            }
        }
        return .metadata(frontMatter)
    }

    // MARK: - Values

    private mutating func text(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            warnings.append("front matter: '\(key)' is not text and was ignored")
            return nil
        }
        let value = scalar.string.trimmingBlanks()
        return value.isEmpty ? nil : value
    }

    private mutating func date(_ node: Node) -> String? {
        guard let value = text(node, key: "date") else { return nil }
        guard node.tag.description == Tag.Name.timestamp.rawValue else { return value }
        let day = value.prefix { $0 != "T" && $0 != "t" && $0 != " " && $0 != "\t" }
        return String(day)
    }

    private mutating func tags(_ node: Node) -> [String] {
        switch node {
        case .scalar(let scalar):
            return scalar.string.split(separator: ",").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
        case .sequence(let sequence):
            return sequence.compactMap { $0.scalar?.string.trimmingBlanks() }.filter { !$0.isEmpty }
        case .mapping:
            warnings.append("front matter: 'tags' is not a list and was ignored")
            return []
        }
    }

    /// A list of `{url, type, length}` mappings (or of bare URLs); entries without a URL are skipped.
    private mutating func enclosures(_ node: Node) -> [Enclosure] {
        guard let sequence = node.sequence else {
            warnings.append("front matter: 'enclosures' is not a list and was ignored")
            return []
        }
        return sequence.compactMap { item in
            if let url = item.scalar?.string.trimmingBlanks() { return url.isEmpty ? nil : Enclosure(url: url) }
            guard let mapping = item.mapping else { return nil }
            func field(_ name: String) -> String? {
                mapping[Node(name)]?.scalar?.string.trimmingBlanks()
            }
            guard let url = field("url"), !url.isEmpty else { return nil }
            let type = field("type").flatMap { $0.isEmpty ? nil : $0 }
            return Enclosure(url: url, type: type, length: field("length").flatMap { Int($0) })
        }
    }

    // MARK: - Fences

    private static func lineEnd(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        ByteScan.firstIndex(of: 0x0A, in: text, from: start)
    }

    /// `---` opens; `---` or `...` closes. Trailing spaces and tabs are allowed.
    private static func isFence(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, closing: Bool) -> Bool {
        var upper = range.upperBound
        while upper > range.lowerBound, ByteScan.isBlank(text[upper - 1]) { upper -= 1 }
        guard upper - range.lowerBound == 3 else { return false }
        let first = text[range.lowerBound]
        guard first == UInt8(ascii: "-") || (closing && first == UInt8(ascii: ".")) else { return false }
        return text[range.lowerBound + 1] == first && text[range.lowerBound + 2] == first
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    fileprivate func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...last])
    }
}
