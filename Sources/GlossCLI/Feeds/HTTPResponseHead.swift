/// The status and header fields of one HTTP response, built from the header lines as they
/// arrive. A new status line starts over, so after a `100 Continue` or a proxy's answer only
/// the last response's head remains.
struct HTTPResponseHead: Sendable, Equatable {
    /// The code from the status line, or nil before one arrived.
    private(set) var status: Int?
    /// Field values by lowercased name; a repeated field keeps its last value.
    private var fields: [String: String] = [:]

    /// Takes one header line, with or without its line break.
    mutating func add(line: String) {
        let text = Self.trimmed(Substring(line))
        if text.hasPrefix("HTTP/") {
            self = HTTPResponseHead()
            let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            status = parts.count > 1 ? Int(parts[1]) : nil
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        let name = Self.trimmed(text[..<colon]).lowercased()
        guard !name.isEmpty else { return }
        fields[name] = String(Self.trimmed(text[text.index(after: colon)...]))
    }

    /// The value of the field `name`, case-insensitively.
    func value(_ name: String) -> String? {
        fields[name.lowercased()]
    }

    /// The announced body length, when the server sent a valid one.
    var contentLength: Int? {
        value("Content-Length").flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
    }

    /// True for 1xx answers, which another response follows.
    var isInformational: Bool {
        status.map { (100..<200).contains($0) } ?? false
    }

    private static func trimmed(_ text: Substring) -> Substring {
        // "\r\n" is one Character, so line breaks are matched with isNewline.
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...last]
    }
}
