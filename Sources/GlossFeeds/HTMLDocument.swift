import CLibXML2

/// HTML pages and fragments, parsed by libxml2's forgiving HTML parser into the same owning
/// document as XML.
extension XMLDocument {
    /// The `<body>`, else the root: fragments are wrapped in `html`/`body` by the parser.
    var body: XMLNode? {
        guard let root else { return nil }
        return root.firstElement("body") ?? root
    }

    /// Parses HTML; never fails on bad markup, only when there is nothing to parse.
    ///
    /// - Parameters:
    ///   - url: The document's address: relative links resolve against it (and a `<base>`).
    ///   - encoding: An IANA charset name; nil lets libxml2 read the page's `<meta charset>`.
    static func parseHTML(_ bytes: UnsafeBufferPointer<UInt8>, url: String?, encoding: String?) -> XMLDocument? {
        _ = libraryReady
        guard !bytes.isEmpty, bytes.count <= maximumBytes, let base = bytes.baseAddress else { return nil }
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue
        let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        let document = withOptionalCString(url) { url in
            withOptionalCString(encoding) { encoding in
                htmlReadMemory(pointer, Int32(bytes.count), url, encoding, Int32(bitPattern: options))
            }
        }
        return document.map(XMLDocument.init)
    }

    /// Parses an HTML fragment or document held in a string (UTF-8).
    static func parseHTML(_ html: String, url: String?) -> XMLDocument? {
        var html = html
        return html.withUTF8 { parseHTML($0, url: url, encoding: "UTF-8") }
    }
}
