import CLibXML2

/// Owns a libxml2 document parsed from memory (XML here, HTML in `HTMLDocument.swift`) and
/// frees it when released.
///
/// Parsing never touches the network or the file system: no DTD is loaded, entities are never
/// substituted (so external ones are never read), and errors are kept instead of printed.
final class XMLDocument {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    var root: XMLNode? {
        xmlDocGetRootElement(pointer).map(XMLNode.init)
    }

    /// libxml2 must be initialised once before threads use it; a static `let` runs this exactly once.
    static let libraryReady: Void = xmlInitParser()

    /// The largest body handed to libxml2, whose lengths are 32-bit.
    static let maximumBytes = Int(Int32.max)

    /// Error codes a feed may have and still be read: stray `&` in URLs, undeclared HTML entities
    /// such as `&nbsp;`, and the odd invalid character or byte.
    private static let forgivableErrors: Set<Int32> = Set(
        [
            XML_ERR_INVALID_CHAR, XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_UNDECLARED_ENTITY,
            XML_WAR_UNDECLARED_ENTITY, XML_ERR_NAME_REQUIRED, XML_ERR_INVALID_ENCODING, XML_ERR_INVALID_CHARREF,
            XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_HEX_CHARREF, XML_ERR_ENTITYREF_NO_NAME,
        ].map { Int32(bitPattern: $0.rawValue) }
    )

    /// Parses XML strictly; when that fails only on a forgivable error, parses again in recover mode.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, url: String?) throws(FeedError) -> XMLDocument {
        _ = libraryReady
        guard bytes.count <= maximumBytes else { throw .documentTooLarge(bytes: bytes.count) }
        let safe = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue
        let strict = read(bytes, url: url, options: Int32(bitPattern: safe))
        if let document = strict.document, strict.error == nil { return document }
        let error = strict.error ?? (line: 1, code: 0, message: "the parser gave up")
        guard forgivableErrors.contains(error.code) else {
            throw .malformedXML(line: error.line, message: error.message)
        }
        let recovered = read(bytes, url: url, options: Int32(bitPattern: safe | XML_PARSE_RECOVER.rawValue))
        guard let document = recovered.document, document.root != nil else {
            throw .malformedXML(line: error.line, message: error.message)
        }
        return document
    }

    private typealias ParseError = (line: Int, code: Int32, message: String)

    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, url: String?, options: Int32
    ) -> (document: XMLDocument?, error: ParseError?) {
        guard let context = xmlNewParserCtxt() else { return (nil, (1, 0, "out of memory")) }
        defer { xmlFreeParserCtxt(context) }
        let pointer = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        let document: xmlDocPtr? = withOptionalCString(url) { url in
            xmlCtxtReadMemory(context, pointer, Int32(bytes.count), url, nil, options)
        }
        var error: ParseError?
        if context.pointee.wellFormed == 0 || document == nil {
            let last = context.pointee.lastError
            let message = last.message.map { XMLText.collapsed(String(cString: $0)) } ?? "the document is not well-formed"
            error = (Int(max(last.line, 1)), Int32(last.code), message.isEmpty ? "the document is not well-formed" : message)
        }
        return (document.map(XMLDocument.init), error)
    }
}

/// Calls `body` with a C string for `text`, or nil.
func withOptionalCString<Result>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
