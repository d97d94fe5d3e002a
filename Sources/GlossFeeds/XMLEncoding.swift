/// Where a feed's XML starts and which encoding to read it in.
///
/// Real feeds put blank lines (or a byte order mark and blank lines) before `<?xml …?>`, which XML
/// forbids and every reader skips; and they declare UTF-8 (or nothing, which means UTF-8) while
/// holding windows-1252 bytes, or declare a legacy encoding while holding UTF-8. When the declared
/// encoding cannot be right for the bytes, they are read in a fallback, with a warning.
struct XMLEncoding {
    /// The encoding to read in; nil lets libxml2 follow the document (its BOM and declaration).
    var encoding: String?
    /// Whether bytes below 0x80 are ASCII (not UTF-16 or UTF-32), so byte-level mending is safe.
    var isASCIICompatible = true
    var warnings: [String] = []
    private var fallbacks: [String] = []
    private var declared: String

    private init(encoding: String?, declared: String, fallbacks: [String], isASCIICompatible: Bool = true) {
        self.encoding = encoding
        self.declared = declared
        self.fallbacks = fallbacks
        self.isASCIICompatible = isASCIICompatible
    }

    /// The next fallback encoding, with a warning saying why; nil when there is none left.
    mutating func next() -> String? {
        guard !fallbacks.isEmpty else { return nil }
        let fallback = fallbacks.removeFirst()
        warnings = ["the feed declares \(declared) but its bytes are not \(declared): read as \(fallback)"]
        return fallback
    }

    /// The bytes from the first non-blank one after a UTF-8 byte order mark, and whether there was one.
    static func skippingLeadingBlanks(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: UnsafeBufferPointer<UInt8>, hadBOM: Bool) {
        var index = 0
        let hadBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if hadBOM { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        // Nothing skipped: the bytes go to libxml2 as they are, BOM included.
        guard index > (hadBOM ? 3 : 0) else { return (bytes, false) }
        return (UnsafeBufferPointer(rebasing: bytes[index...]), hadBOM)
    }

    /// How to read `bytes` (already past any skipped blanks; `hadBOM` when a UTF-8 BOM was skipped).
    ///
    /// - Parameter transport: The charset the server named, which goes before the declaration.
    static func plan(for bytes: UnsafeBufferPointer<UInt8>, hadBOM: Bool, transport: String? = nil) -> XMLEncoding {
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.contains(0) {
            return XMLEncoding(encoding: nil, declared: "UTF-16", fallbacks: [], isASCIICompatible: false)
        }
        let named = transport.map(XMLText.trimmed).flatMap { $0.isEmpty || $0.lowercased().contains("16") || $0.lowercased().contains("32") ? nil : $0 }
        let declared = named ?? declaredEncoding(in: bytes)
        let isUTF8 = isValidUTF8(bytes)
        let declaresUTF8 = declared.map { ["utf-8", "utf8"].contains($0.lowercased()) } ?? true
        if hadBOM {
            // The skipped byte order mark says UTF-8, whatever the declaration says.
            return XMLEncoding(encoding: "UTF-8", declared: "UTF-8", fallbacks: [])
        }
        if declaresUTF8 {
            // A server's UTF-8 goes before a declaration that says otherwise.
            guard !isUTF8 else { return XMLEncoding(encoding: named == nil ? nil : "UTF-8", declared: "UTF-8", fallbacks: []) }
            var plan = XMLEncoding(encoding: nil, declared: "UTF-8", fallbacks: Windows1252.fallbacks(for: bytes))
            plan.encoding = plan.next()
            return plan
        }
        let declaredName = declared ?? "UTF-8"
        if isUTF8, bytes.contains(where: { $0 >= 0x80 }) {
            // Text in a legacy encoding is practically never valid UTF-8, while UTF-8 read as one
            // comes out garbled without an error (`é` is `茅` in GB2312): the bytes win, as for pages.
            var plan = XMLEncoding(encoding: nil, declared: declaredName, fallbacks: ["UTF-8"])
            plan.encoding = plan.next()
            return plan
        }
        // A charset from the server overrides the document's declaration.
        return XMLEncoding(encoding: named, declared: declaredName, fallbacks: Windows1252.fallbacks(for: bytes))
    }

    /// The `encoding` of an XML declaration at the start of `bytes`.
    static func declaredEncoding(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = Array(bytes.prefix(256))
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let value = rest.prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
