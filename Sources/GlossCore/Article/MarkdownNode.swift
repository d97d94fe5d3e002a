import CCmarkGFM

/// One node of the cmark-gfm syntax tree, copied out of C into Swift values.
enum MarkdownNode: Sendable, Hashable {
    case document
    case blockQuote
    case list(ordered: Bool, start: Int, delimiter: String)
    case item
    case codeBlock(literal: String, info: String)
    case htmlBlock(String)
    case paragraph
    case heading(level: Int)
    case thematicBreak
    case table(alignments: [TableShape.Alignment?])
    case tableRow
    case tableCell
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case htmlInline(String)
    case emphasis
    case strong
    /// The target is read on entry only; on exit it is empty.
    case link(url: String)
    case image(url: String)
    case strikethrough
    /// A node this reader has no use for (footnotes, unknown extensions); its text still counts.
    case other

    /// Reads a node. Literals are read only on entry, the only time leaf nodes are visited.
    init(_ node: OpaquePointer, entering: Bool) {
        func literal() -> String {
            guard entering, let pointer = cmark_node_get_literal(node) else { return "" }
            return String(cString: pointer)
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: self = .document
        case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
            self = .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), delimiter: delimiter)
        case CMARK_NODE_ITEM: self = .item
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            self = .codeBlock(literal: literal(), info: info)
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock(literal())
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
        case CMARK_NODE_TEXT: self = .text(literal())
        case CMARK_NODE_SOFTBREAK: self = .softBreak
        case CMARK_NODE_LINEBREAK: self = .lineBreak
        case CMARK_NODE_CODE: self = .code(literal())
        case CMARK_NODE_HTML_INLINE: self = .htmlInline(literal())
        case CMARK_NODE_EMPH: self = .emphasis
        case CMARK_NODE_STRONG: self = .strong
        case CMARK_NODE_LINK: self = .link(url: Self.url(of: node, entering: entering))
        case CMARK_NODE_IMAGE: self = .image(url: Self.url(of: node, entering: entering))
        default: self = Self.extensionNode(node)
        }
    }

    /// The delimiter row's alignments, one per column (nil where none is given).
    private static func tableAlignments(_ node: OpaquePointer) -> [TableShape.Alignment?] {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        guard columns > 0, let pointer = cmark_gfm_extensions_get_table_alignments(node) else { return [] }
        return (0..<columns).map { column in
            switch pointer[column] {
            case UInt8(ascii: "l"): return .left
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return nil
            }
        }
    }

    private static func url(of node: OpaquePointer, entering: Bool) -> String {
        guard entering, let pointer = cmark_node_get_url(node) else { return "" }
        return String(cString: pointer)
    }

    /// Extension node types are numbered at run time, so they are recognised by name.
    private static func extensionNode(_ node: OpaquePointer) -> MarkdownNode {
        guard let name = cmark_node_get_type_string(node) else { return .other }
        switch String(cString: name) {
        case "strikethrough": return .strikethrough
        case "table": return .table(alignments: tableAlignments(node))
        case "table_header", "table_row": return .tableRow
        case "table_cell": return .tableCell
        default: return .other
        }
    }
}
