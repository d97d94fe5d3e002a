/// Writes `<ul>` and `<ol>` as Markdown lists, nested lists indented under their item.
struct ListWriter {
    let converter: MarkdownConverter

    func blocks(ofList list: XMLNode, depth: Int) -> [MarkdownConverter.Block] {
        let ordered = list.name == "ol"
        var number = list.attribute("start").flatMap { Int(XMLText.trimmed($0)) } ?? 1
        number = min(max(number, 0), 999_999_999)
        var items: [String] = []
        for child in list.children {
            let itemBlocks: [MarkdownConverter.Block]
            if child.isElement, child.name == "li" {
                guard !HTMLElements.isOmitted(child) else { continue }
                itemBlocks = converter.blocks(ofChildrenOf: child, depth: depth + 1)
            } else if child.isElement, child.name == "ul" || child.name == "ol" {
                // A list directly inside a list (invalid, but common) belongs to the item before it.
                let nested = blocks(ofList: child, depth: depth + 1)
                if let last = items.indices.last, let text = nested.first?.text {
                    items[last] += "\n" + MarkdownConverter.prefixLines(text, first: "  ", rest: "  ")
                    continue
                }
                itemBlocks = nested
            } else {
                // Stray text or inline elements between items read as an item of their own.
                var inline = MarkdownInline()
                converter.appendInline(child, to: &inline, depth: depth + 1)
                let text = inline.rendered()
                itemBlocks = text.isEmpty ? [] : [MarkdownConverter.Block(text: text)]
            }
            guard !itemBlocks.isEmpty else { continue }
            let marker = ordered ? "\(number). " : "- "
            number += 1
            items.append(MarkdownConverter.prefixLines(
                joined(itemBlocks), first: marker, rest: String(repeating: " ", count: marker.count)
            ))
        }
        guard !items.isEmpty else { return [] }
        return [MarkdownConverter.Block(text: items.joined(separator: "\n"), isList: true)]
    }

    /// An item's blocks: a nested list follows the line before it; other blocks are paragraphs apart.
    private func joined(_ blocks: [MarkdownConverter.Block]) -> String {
        var out = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 { out += block.isList ? "\n" : "\n\n" }
            out += block.text
        }
        return out
    }
}
