import CLibXML2

/// HTML pages and fragments, parsed by libxml2's forgiving HTML parser into the same owning
/// document as XML.
extension XMLDocument {
    /// The `<body>`, else the root: fragments are wrapped in `html`/`body` by the parser.
    var body: XMLNode? {
        guard let root else { return nil }
        return root.firstElement("body") ?? root
    }

    /// Parses HTML; never fails on bad markup, only when there is nothing to parse or the
    /// elements nest deeper than ``maximumDepth`` (libxml2 stops reading there, so the rest of the
    /// page would be lost without a word).
    ///
    /// - Parameters:
    ///   - url: The document's address: relative links resolve against it (and a `<base>`).
    ///   - encoding: An IANA charset name, which overrides the page's own `<meta charset>`; nil
    ///     lets libxml2 read that declaration.
    static func parseHTMLDocument(
        _ bytes: UnsafeBufferPointer<UInt8>, url: String?, encoding: String?
    ) throws(FeedError) -> XMLDocument {
        if let unavailable { throw unavailable }
        guard bytes.count <= maximumBytes else { throw .documentTooLarge(bytes: bytes.count) }
        guard let parsed = readHTML(bytes, url: url, encoding: encoding) else { throw .emptyDocument }
        if parsed.isTooDeep { throw .nestedTooDeep(limit: maximumDepth) }
        return parsed.document
    }

    /// Parses HTML as far as libxml2 reads it (a part nested too deep is cut off); nil when there
    /// is nothing to parse. For feed content, where a cut-off part is better than none.
    static func parseHTML(_ bytes: UnsafeBufferPointer<UInt8>, url: String?, encoding: String?) -> XMLDocument? {
        readHTML(bytes, url: url, encoding: encoding)?.document
    }

    private static func readHTML(
        _ bytes: UnsafeBufferPointer<UInt8>, url: String?, encoding: String?
    ) -> (document: XMLDocument, isTooDeep: Bool)? {
        prepareThread()
        guard !bytes.isEmpty, bytes.count <= maximumBytes, let base = bytes.baseAddress,
              let context = gloss_htmlNewParserCtxt()
        else { return nil }
        defer { gloss_htmlFreeParserCtxt(context) }
        var options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue
        if encoding != nil { options |= HTML_PARSE_IGNORE_ENC.rawValue }
        let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        let parsed = withOptionalCString(url) { url in
            withOptionalCString(encoding) { encoding in
                gloss_htmlCtxtReadMemory(context, pointer, Int32(bytes.count), url, encoding, Int32(bitPattern: options))
            }
        }
        guard let parsed else { return nil }
        let message = context.pointee.lastError.message.map { String(cString: $0) } ?? ""
        return (XMLDocument(parsed), message.hasPrefix("Excessive depth"))
    }

    /// Parses an HTML fragment or document held in a string (UTF-8).
    static func parseHTML(_ html: String, url: String?) -> XMLDocument? {
        var html = html
        return html.withUTF8 { parseHTML($0, url: url, encoding: "UTF-8") }
    }
}
