import CLibXML2

/// Writes an XHTML subtree (Atom `type="xhtml"` content) back out as HTML text.
///
/// Names are written without namespace prefixes so the HTML parser recognises `xhtml:p` as `p`.
enum XHTMLSerializer {
    static func html(ofChildrenOf node: XMLNode) -> String {
        var out = ""
        for child in node.children { append(child, to: &out) }
        return out
    }

    private static let voidElements: Set<String> = ["br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"]

    private static func append(_ node: XMLNode, to out: inout String) {
        switch node.pointer.pointee.type {
        case XML_ELEMENT_NODE:
            let name = node.name
            out += "<" + name
            var attribute = node.pointer.pointee.properties
            while let current = attribute {
                if let attributeName = current.pointee.name {
                    let value = XMLText.collect(from: current.pointee.children, document: node.pointer.pointee.doc)
                    out += " " + String(cString: attributeName) + "=\"" + escaped(value, quotes: true) + "\""
                }
                attribute = current.pointee.next
            }
            out += ">"
            guard !voidElements.contains(name) else { return }
            for child in node.children { append(child, to: &out) }
            out += "</" + name + ">"
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ENTITY_REF_NODE:
            out += escaped(XMLText.collect(from: node.pointer, document: node.pointer.pointee.doc, single: true), quotes: false)
        default:
            break
        }
    }

    /// `text` with the characters that are markup in HTML written as references.
    static func escaped(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
