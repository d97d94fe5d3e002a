import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only view of a libxml2 node, valid while the document that owns it is alive.
struct XMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The local name, lower-cased for HTML documents by the parser itself.
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The namespace URI of an element, or nil without one.
    var namespaceURI: String? {
        guard let namespace = pointer.pointee.ns, let href = namespace.pointee.href else { return nil }
        return String(cString: href)
    }

    var parent: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(parent)
    }

    /// Every child node, elements and text alike.
    var children: XMLChildren { XMLChildren(first: pointer.pointee.children) }

    /// Child elements only.
    var elements: [XMLNode] { children.filter(\.isElement) }

    /// The first child element named `name` in `namespace` (any namespace when nil).
    func firstElement(_ name: String, namespace: String? = nil) -> XMLNode? {
        children.first { $0.isElement && $0.name == name && (namespace == nil || $0.namespaceURI == namespace) }
    }

    /// Child elements named `name` in `namespace` (any namespace when nil).
    func elements(_ name: String, namespace: String? = nil) -> [XMLNode] {
        children.filter { $0.isElement && $0.name == name && (namespace == nil || $0.namespaceURI == namespace) }
    }

    /// The value of an attribute without a namespace (or, for `xml:` attributes, with one), nil when absent.
    func attribute(_ name: String) -> String? {
        guard var attribute = pointer.pointee.properties else { return nil }
        // Compared as C strings: most elements are asked for attributes they do not have.
        return name.withCString { wanted in
            while true {
                if let attributeName = attribute.pointee.name, strcmp(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                    return XMLText.collect(from: attribute.pointee.children, document: pointer.pointee.doc)
                }
                guard let next = attribute.pointee.next else { return nil }
                attribute = next
            }
        }
    }

    /// All text below the node, entities expanded within a budget, markup dropped.
    var text: String {
        XMLText.collect(from: pointer.pointee.children, document: pointer.pointee.doc)
    }

    /// The text with surrounding whitespace trimmed, or nil when nothing is left.
    var trimmedText: String? {
        let value = XMLText.trimmed(text)
        return value.isEmpty ? nil : value
    }

    /// The base URL in effect at this node (the document URL, `xml:base` or HTML `<base>`).
    var baseURL: String? {
        let document = pointer.pointee.doc
        let base = gloss_xmlNodeGetBase(document, pointer).map { base in
            defer { glossXMLFree(base) }
            return String(cString: base)
        }
        // For HTML, libxml2 only reports a `<base href>`, as written: resolve it against the
        // document's own URL, which it leaves out.
        guard let document, document.pointee.type == XML_HTML_DOCUMENT_NODE else { return base }
        let documentURL = document.pointee.URL.map { String(cString: $0) }
        guard let base else { return documentURL }
        return URLResolver.resolve(base, against: documentURL)
    }

    /// `reference` resolved against the base URL in effect at this node.
    func resolve(_ reference: String) -> String {
        URLResolver.resolve(reference, against: baseURL)
    }
}

/// The children of a node as a sequence, following `next` pointers.
struct XMLChildren: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<XMLNode> {
        var current = first
        return AnyIterator {
            guard let node = current else { return nil }
            current = node.pointee.next
            return XMLNode(node)
        }
    }
}
