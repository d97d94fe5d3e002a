import CLibXML2

/// Gathers the character data below a node, bounding what entity references may add.
///
/// Entities are never substituted by the parser (that would load external ones), so a reference to an
/// internal entity is expanded here, one level deep and within a byte budget: a nested reference stays
/// as written, and an "entity bomb" cannot grow the text beyond the budget.
enum XMLText {
    /// The most bytes entity expansions may add to one text of a document without a budget of its own.
    static let entityBudget = 1 << 20

    /// The text of `first` and its following siblings, or of `first` alone when `single`.
    static func collect(from first: xmlNodePtr?, document: xmlDocPtr?, single: Bool = false) -> String {
        var bytes: [UInt8] = []
        let budget = document.flatMap(XMLDocument.entityBudget(of:)) ?? EntityBudget(limit: entityBudget)
        append(from: first, document: document, single: single, budget: budget, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(
        from first: xmlNodePtr?, document: xmlDocPtr?, single: Bool = false, budget: EntityBudget, to bytes: inout [UInt8]
    ) {
        var current = first
        while let node = current {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { appendCString(content, to: &bytes) }
            case XML_ELEMENT_NODE:
                append(from: node.pointee.children, document: document, budget: budget, to: &bytes)
            case XML_ENTITY_REF_NODE:
                appendEntity(node, document: document, budget: budget, to: &bytes)
            default:
                break
            }
            current = single ? nil : node.pointee.next
        }
    }

    private static func appendEntity(_ node: xmlNodePtr, document: xmlDocPtr?, budget: EntityBudget, to bytes: inout [UInt8]) {
        guard let name = node.pointee.name else { return }
        guard let entity = gloss_xmlGetDocEntity(document, name), entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
              let content = entity.pointee.content
        else { return }
        guard budget.take(Int(entity.pointee.length)) else { return }
        appendCString(content, to: &bytes)
    }

    private static func appendCString(_ text: UnsafePointer<xmlChar>, to bytes: inout [UInt8]) {
        var cursor = text
        while cursor.pointee != 0 {
            bytes.append(cursor.pointee)
            cursor += 1
        }
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !TextScalar.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !TextScalar.isWhitespace($0) })
        else { return "" }
        return String(scalars[start...last])
    }

    /// `text` with every run of whitespace made one space, trimmed: for titles and names.
    static func collapsed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if TextScalar.isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
            } else if TextScalar.isControl(scalar) {
                guard let character = Windows1252.character(forControl: scalar) else { continue }
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
