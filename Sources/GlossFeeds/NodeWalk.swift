import CLibXML2

/// Depth-first walks over element trees without recursion, so deep documents cannot exhaust the stack.
enum NodeWalk {
    /// Calls `visit` for every element below `root` in document order; when it returns false the
    /// element's own descendants are skipped.
    static func elements(below root: XMLNode, _ visit: (XMLNode) -> Bool) {
        var stack: [xmlNodePtr] = []
        pushChildren(of: root.pointer, onto: &stack)
        while let pointer = stack.popLast() {
            let node = XMLNode(pointer)
            if visit(node) { pushChildren(of: pointer, onto: &stack) }
        }
    }

    /// Every element below `root` named one of `names`, in document order.
    static func elements(below root: XMLNode, named names: Set<String>) -> [XMLNode] {
        var found: [XMLNode] = []
        elements(below: root) { node in
            if names.contains(node.name) { found.append(node) }
            return true
        }
        return found
    }

    /// Unlinks and frees `nodes`, none of which may be inside another.
    static func remove(_ nodes: [XMLNode]) {
        for node in nodes {
            gloss_xmlUnlinkNode(node.pointer)
            gloss_xmlFreeNode(node.pointer)
        }
    }

    private static func pushChildren(of pointer: xmlNodePtr, onto stack: inout [xmlNodePtr]) {
        let start = stack.count
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
            child = current.pointee.next
        }
        stack[start...].reverse()
    }

    /// The text length and the part of it inside links, whitespace collapsed.
    static func textStatistics(of root: XMLNode) -> (length: Int, linkLength: Int) {
        let length = XMLText.collapsed(root.text).count
        guard length > 0 else { return (0, 0) }
        var linkLength = 0
        elements(below: root) { node in
            guard node.name == "a" else { return true }
            linkLength += XMLText.collapsed(node.text).count
            return false
        }
        return (length, linkLength)
    }

    /// The share of an element's text that sits inside links, 0 for an empty element.
    static func linkDensity(of root: XMLNode) -> Double {
        let statistics = textStatistics(of: root)
        return statistics.length == 0 ? 0 : Double(statistics.linkLength) / Double(statistics.length)
    }
}
