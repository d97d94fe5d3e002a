/// Writes a data table as one paragraph per row, cells separated by ` | `; a layout table (cells
/// holding paragraphs or lists) is read as plain blocks instead.
struct TableWriter {
    let converter: MarkdownConverter

    private static let structural: Set<String> = ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote", "pre"]

    func blocks(ofTable table: XMLNode, depth: Int) -> [MarkdownConverter.Block] {
        let rows = self.rows(of: table)
        let isLayout = rows.contains { row in
            row.elements.contains { cell in cell.elements.contains { Self.structural.contains($0.name) } }
        }
        if isLayout { return converter.blocks(ofChildrenOf: table, depth: depth) }
        var out: [MarkdownConverter.Block] = []
        if let caption = table.firstElement("caption") {
            let text = converter.inlineContent(of: caption, depth: depth).renderedAsOneLine()
            if !text.isEmpty { out.append(MarkdownConverter.Block(text: text)) }
        }
        for row in rows {
            var line = MarkdownInline()
            var cells = 0
            for cell in row.elements where cell.name == "td" || cell.name == "th" {
                let content = converter.inlineContent(of: cell, depth: depth + 1)
                guard !content.isEmpty else { continue }
                if cells > 0 { line.appendMarkup(" | ") }
                line.append(content)
                cells += 1
            }
            let text = line.renderedAsOneLine()
            if !text.isEmpty { out.append(MarkdownConverter.Block(text: text)) }
        }
        return out
    }

    /// Rows directly in the table or in its `thead`, `tbody` and `tfoot`, in order.
    private func rows(of table: XMLNode) -> [XMLNode] {
        table.elements.flatMap { child -> [XMLNode] in
            switch child.name {
            case "tr": return [child]
            case "thead", "tbody", "tfoot": return child.elements("tr")
            default: return []
            }
        }
    }
}
