import CLibXML2

/// Owns a libxml2 document parsed from memory (XML here, HTML in `HTMLDocument.swift`) and
/// frees it when released.
///
/// Parsing never touches the network or the file system: no DTD is loaded, entities are never
/// substituted (so external ones are never read; internal ones are expanded within an
/// ``EntityBudget``), and errors are kept instead of printed.
final class XMLDocument {
    let pointer: xmlDocPtr
    /// What entity references may still add to the text read from this document.
    let entityBudget: EntityBudget?
    /// Things that did not stop the parse but change how the document was read.
    var warnings: [String] = []

    init(_ pointer: xmlDocPtr, entityBudget: EntityBudget? = nil) {
        self.pointer = pointer
        self.entityBudget = entityBudget
        if let entityBudget { pointer.pointee._private = Unmanaged.passUnretained(entityBudget).toOpaque() }
    }

    deinit {
        pointer.pointee._private = nil
        gloss_xmlFreeDoc(pointer)
    }

    var root: XMLNode? {
        gloss_xmlDocGetRootElement(pointer).map(XMLNode.init)
    }

    /// The budget of the document `document` belongs to, while that document is alive.
    static func entityBudget(of document: xmlDocPtr) -> EntityBudget? {
        document.pointee._private.map { Unmanaged<EntityBudget>.fromOpaque($0).takeUnretainedValue() }
    }

    /// libxml2 must be initialised once before threads use it; a static `let` runs this exactly once.
    static let libraryReady: Void = gloss_xmlInitParser()

    /// Readies libxml2 for a parse on the calling thread: initialised, and its own messages silenced.
    static func prepareThread() {
        _ = libraryReady
        glossSilenceLibXML2(nil)
    }

    /// Why libxml2 could not be opened, or nil when it is ready.
    static var unavailable: FeedError? {
        glossLazyLoadError(GLOSS_LAZY_LIBXML2).map { .parserUnavailable(reason: String(cString: $0)) }
    }

    /// The largest body handed to libxml2, whose lengths are 32-bit.
    static let maximumBytes = Int(Int32.max)

    /// The deepest nesting libxml2 accepts without `XML_PARSE_HUGE` (its `xmlParserMaxDepth`).
    static let maximumDepth = 256

    /// Error codes a feed may have and still be read: stray `&` in URLs, undeclared HTML entities
    /// such as `&nbsp;`, the odd invalid character or byte, `--` inside a comment, and a missing `>`.
    private static let forgivableErrors: Set<Int32> = Set(
        [
            XML_ERR_INVALID_CHAR, XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_UNDECLARED_ENTITY,
            XML_WAR_UNDECLARED_ENTITY, XML_ERR_NAME_REQUIRED, XML_ERR_INVALID_ENCODING, XML_ERR_INVALID_CHARREF,
            XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_HEX_CHARREF, XML_ERR_ENTITYREF_NO_NAME, XML_I18N_CONV_FAILED,
            XML_ERR_HYPHEN_IN_COMMENT, XML_ERR_GT_REQUIRED,
        ].map { Int32(bitPattern: $0.rawValue) }
    )

    /// Errors that mean the bytes are not in the encoding the parser was reading them in.
    private static let encodingErrors: Set<Int32> = Set(
        [XML_ERR_INVALID_ENCODING, XML_ERR_UNSUPPORTED_ENCODING, XML_I18N_CONV_FAILED]
            .map { Int32(bitPattern: $0.rawValue) }
    )

    /// Parses XML strictly. A body that is not in its declared encoding is read in the fallback
    /// encodings of ``XMLEncoding``, with a warning. When the strict parse fails only on a
    /// forgivable error, the slips are mended (``XMLRepair``) and the body parsed strictly again,
    /// and only when that fails too in recover mode.
    ///
    /// - Parameter charset: The charset the server named for the body, if any.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, url: String?, charset: String? = nil) throws(FeedError) -> XMLDocument {
        prepareThread()
        if let unavailable { throw unavailable }
        guard bytes.count <= maximumBytes else { throw .documentTooLarge(bytes: bytes.count) }
        let body = XMLEncoding.skippingLeadingBlanks(bytes)
        var plan = XMLEncoding.plan(for: body.bytes, hadBOM: body.hadBOM, transport: charset.flatMap(knownEncoding))
        var attempt = read(body.bytes, url: url, encoding: plan.encoding, recover: false)
        while let error = attempt.error, encodingErrors.contains(error.code), let next = plan.next() {
            // The declared (or fallback) encoding does not fit the bytes: try the next one.
            attempt = read(body.bytes, url: url, encoding: next, recover: false)
            plan.encoding = next
        }
        if let document = attempt.document, attempt.error == nil {
            document.warnings = plan.warnings
            return document
        }
        let error = attempt.error ?? (line: 1, code: 0, message: "the parser gave up")
        if error.message.hasPrefix("Excessive depth") { throw .nestedTooDeep(limit: maximumDepth) }
        guard forgivableErrors.contains(error.code), plan.isASCIICompatible else {
            throw .malformedXML(line: error.line, message: error.message)
        }
        let mended = XMLRepair.repaired(body.bytes)
        let document = mended.withUnsafeBufferPointer { mended -> XMLDocument? in
            let again = read(mended, url: url, encoding: plan.encoding, recover: false)
            if let document = again.document, again.error == nil { return document }
            let recovered = read(mended, url: url, encoding: plan.encoding, recover: true)
            guard let document = recovered.document, document.root != nil else { return nil }
            return document
        }
        guard let document else { throw .malformedXML(line: error.line, message: error.message) }
        document.warnings = plan.warnings
        return document
    }

    /// `name` when libxml2 can decode it (a server may name anything), else nil.
    static func knownEncoding(_ name: String) -> String? {
        guard let handler = gloss_xmlFindCharEncodingHandler(name) else { return nil }
        gloss_xmlCharEncCloseFunc(handler)
        return name
    }

    private typealias ParseError = (line: Int, code: Int32, message: String)

    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, url: String?, encoding: String?, recover: Bool
    ) -> (document: XMLDocument?, error: ParseError?) {
        guard let context = gloss_xmlNewParserCtxt() else { return (nil, (1, 0, "out of memory")) }
        defer { gloss_xmlFreeParserCtxt(context) }
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue
        if recover { options |= XML_PARSE_RECOVER.rawValue }
        // An encoding chosen here overrides the document's own declaration.
        if encoding != nil { options |= XML_PARSE_IGNORE_ENC.rawValue }
        let pointer = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        var conversionFailures: Int32 = 0
        let document: xmlDocPtr? = withUnsafeMutablePointer(to: &conversionFailures) { failures in
            glossSilenceLibXML2(failures)
            defer { glossSilenceLibXML2(nil) }
            return withOptionalCString(url) { url in
                withOptionalCString(encoding) { encoding in
                    gloss_xmlCtxtReadMemory(context, pointer, Int32(bytes.count), url, encoding, Int32(bitPattern: options))
                }
            }
        }
        var error: ParseError?
        if conversionFailures > 0 {
            // The bytes stopped decoding part-way; whatever libxml2 said last ("Premature end of data").
            error = (1, Int32(bitPattern: XML_I18N_CONV_FAILED.rawValue), "the bytes are not in the encoding they were read in")
        } else if context.pointee.wellFormed == 0 || document == nil {
            let last = context.pointee.lastError
            let message = last.message.map { XMLText.collapsed(String(cString: $0)) } ?? "the document is not well-formed"
            error = (Int(max(last.line, 1)), Int32(last.code), message.isEmpty ? "the document is not well-formed" : message)
        }
        return (document.map { XMLDocument($0, entityBudget: EntityBudget(bodySize: bytes.count)) }, error)
    }
}

/// Calls `body` with a C string for `text`, or nil.
func withOptionalCString<Result>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
