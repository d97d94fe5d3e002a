import CLibXML2
import GlossCore

/// Walks parsed HTML and writes Markdown blocks: headings, paragraphs, lists, quotes, code, tables.
struct MarkdownConverter {
    /// A rendered block and whether it is a list (lists inside list items are joined tightly).
    struct Block {
        var text: String
        var isList = false
    }

    /// Deeper than this, elements are read as plain text: keeps the recursion bounded.
    static let maximumDepth = 200

    /// Markdown for `nodes`, each read as a block (a `body` or `div` for its children), blocks
    /// separated by blank lines, ending with a newline.
    func markdown(of nodes: [XMLNode]) -> String {
        let rendered = nodes.flatMap { blocks(ofBlock: $0, depth: 0) }
        let text = rendered.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n")
        return text.isEmpty ? "" : text + "\n"
    }

    // MARK: - Blocks

    func blocks(ofChildrenOf node: XMLNode, depth: Int) -> [Block] {
        var out: [Block] = []
        var inline = MarkdownInline()
        func flush() {
            let text = inline.rendered()
            if !text.isEmpty { out.append(Block(text: text)) }
            inline = MarkdownInline()
        }
        var breaks = 0
        for child in node.children {
            // Two or more `<br>` in a row between paragraphs of text are a paragraph break, as old
            // pages and many feed descriptions write them.
            if child.isElement, child.name == "br" {
                breaks += 1
                continue
            }
            if breaks > 0, !isBlank(child) {
                if breaks >= 2 { flush() } else { inline.appendHardBreak() }
                breaks = 0
            }
            guard child.isElement, HTMLElements.blocks.contains(child.name) || isBlockWrapper(child) else {
                appendInline(child, to: &inline, depth: depth + 1)
                continue
            }
            guard !HTMLElements.isOmitted(child) else { continue }
            flush()
            out += blocks(ofBlock: child, depth: depth + 1)
        }
        flush()
        return out
    }

    /// Whitespace-only text, which sits between two `<br>` without separating them.
    private func isBlank(_ node: XMLNode) -> Bool {
        guard node.pointer.pointee.type == XML_TEXT_NODE else { return false }
        return XMLText.collect(from: node.pointer, document: nil, single: true).unicodeScalars.allSatisfy(TextScalar.isWhitespace)
    }

    /// An inline element holding blocks (`<a><div>…</div></a>`) is read as a block container.
    private func isBlockWrapper(_ element: XMLNode) -> Bool {
        (!HTMLElements.dropped.contains(element.name) || HTMLElements.embedded.contains(element.name))
            && HTMLElements.containsBlock(element)
    }

    private func blocks(ofBlock element: XMLNode, depth: Int) -> [Block] {
        if depth > Self.maximumDepth {
            var inline = MarkdownInline()
            inline.appendText(element.text)
            return [Block(text: inline.rendered())]
        }
        let name = element.name
        if let level = HTMLElements.headingLevel(name) {
            let text = inlineContent(of: element, depth: depth).renderedAsOneLine(heading: true)
            return text.isEmpty ? [] : [Block(text: String(repeating: "#", count: level) + " " + text)]
        }
        switch name {
        case "ul", "ol", "dir":
            return ListWriter(converter: self).blocks(ofList: element, depth: depth)
        case "blockquote":
            let inner = blocks(ofChildrenOf: element, depth: depth)
            guard !inner.isEmpty else { return [] }
            let text = inner.map(\.text).joined(separator: "\n\n")
            return [Block(text: Self.prefixLines(text, first: "> ", rest: "> "))]
        case "pre", "listing", "xmp", "plaintext":
            return CodeBlockWriter.block(of: element).map { [Block(text: $0)] } ?? []
        case "table":
            return TableWriter(converter: self).blocks(ofTable: element, depth: depth)
        case "hr":
            return []
        default:
            return blocks(ofChildrenOf: element, depth: depth)
        }
    }

    /// `text` with `first` before its first line and `rest` before the others (blank lines get the
    /// prefix without its trailing spaces).
    static func prefixLines(_ text: String, first: String, rest: String) -> String {
        var out = ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { out += "\n" }
            let prefix = index == 0 ? first : rest
            if line.isEmpty {
                out += String(prefix.reversed().drop { $0 == " " }.reversed())
            } else {
                out += prefix + line
            }
        }
        return out
    }

    // MARK: - Inline

    /// The inline content of an element, block boundaries read as spaces.
    func inlineContent(of element: XMLNode, depth: Int) -> MarkdownInline {
        var inline = MarkdownInline()
        for child in element.children { appendInline(child, to: &inline, depth: depth + 1) }
        return inline
    }

    func appendInline(_ node: XMLNode, to inline: inout MarkdownInline, depth: Int) {
        switch node.pointer.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ENTITY_REF_NODE:
            inline.appendText(XMLText.collect(from: node.pointer, document: node.pointer.pointee.doc, single: true))
            return
        case XML_ELEMENT_NODE:
            break
        default:
            return
        }
        guard !HTMLElements.isOmitted(node) else { return }
        if depth > Self.maximumDepth {
            inline.appendText(node.text)
            return
        }
        let name = node.name
        switch name {
        case "br":
            inline.appendHardBreak()
        case "img":
            appendImage(node, to: &inline)
        case "em", "i", "cite", "dfn", "var":
            inline.append(inlineContent(of: node, depth: depth), open: "*", close: "*")
        case "strong", "b":
            inline.append(inlineContent(of: node, depth: depth), open: "**", close: "**")
        case "del", "s", "strike":
            inline.append(inlineContent(of: node, depth: depth), open: "~~", close: "~~")
        case "code", "kbd", "samp", "tt":
            if let span = CodeBlockWriter.codeSpan(node.text) { inline.appendMarkup(span) }
        case "q":
            inline.append(inlineContent(of: node, depth: depth), open: "“", close: "”")
        case "a":
            appendLink(node, to: &inline, depth: depth)
        case "math":
            switch MathMLText.reading(of: node) {
            case .tex(let tex)?: if let span = CodeBlockWriter.codeSpan(tex) { inline.appendMarkup(span) }
            case .tokens(let text)?: inline.appendText(text)
            case nil: break
            }
        default:
            var inner = inlineContent(of: node, depth: depth)
            if HTMLElements.blocks.contains(name) {
                inner.appendSpace()
                inline.appendSpace()
            }
            inline.append(inner)
        }
    }

    private func appendLink(_ node: XMLNode, to inline: inout MarkdownInline, depth: Int) {
        let content = inlineContent(of: node, depth: depth)
        // Links to a place in the same page (heading permalinks, footnote jumps) lead nowhere in an article.
        guard let href = node.attribute("href"), !XMLText.trimmed(href).hasPrefix("#") else { return inline.append(content) }
        let url = node.resolve(href)
        guard URLResolver.isSafeLink(url) else { return inline.append(content) }
        inline.append(content, open: "[", close: "](" + Self.linkDestination(url) + ")")
    }

    /// An image as a Markdown image `![alt](src)`, its source resolved; one without a web source
    /// (none, or `data:`) keeps only its alt text, as `[image: alt]`.
    private func appendImage(_ node: XMLNode, to inline: inout MarkdownInline) {
        let alt = XMLText.collapsed(node.attribute("alt") ?? node.attribute("title") ?? "")
        inline.appendSpace()
        let source = node.attribute("src").map { node.resolve($0) } ?? ""
        if !source.isEmpty, URLResolver.isSafeLink(source) {
            var text = MarkdownInline()
            text.appendText(alt)
            if alt.isEmpty {
                inline.appendMarkup("![](" + Self.linkDestination(source) + ")")
            } else {
                inline.append(text, open: "![", close: "](" + Self.linkDestination(source) + ")")
            }
        } else {
            inline.appendText(alt.isEmpty ? "[image]" : "[image: \(alt)]")
        }
        inline.appendSpace()
    }

    /// A URL as a link destination: characters that would end or confuse it are percent-encoded.
    static func linkDestination(_ url: String) -> String {
        LinkURL.markdownDestination(url)
    }
}
