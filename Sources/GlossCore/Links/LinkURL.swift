/// What Gloss does with link targets: resolve relative ones (RFC 3986, section 5), write them as
/// CommonMark link destinations, and decide whether one may be handed to a browser.
public enum LinkURL {
    /// `reference` resolved against `base`; unchanged when it is absolute or `base` is not.
    public static func resolve(_ reference: String, against base: String?) -> String {
        guard let base, scheme(of: base) != nil, !reference.isEmpty, scheme(of: reference) == nil else {
            return reference
        }
        let ref = Parts(reference)
        let baseParts = Parts(base)
        var target = Parts(scheme: baseParts.scheme, authority: baseParts.authority, path: "", query: nil, fragment: ref.fragment)
        if ref.authority != nil {
            target.authority = ref.authority
            target.path = removeDotSegments(ref.path)
            target.query = ref.query
        } else if ref.path.isEmpty {
            target.path = baseParts.path
            target.query = ref.query ?? baseParts.query
        } else {
            target.query = ref.query
            if ref.path.hasPrefix("/") {
                target.path = removeDotSegments(ref.path)
            } else if baseParts.authority != nil, baseParts.path.isEmpty {
                target.path = removeDotSegments("/" + ref.path)
            } else {
                let directory = baseParts.path.lastIndex(of: "/").map { String(baseParts.path[...$0]) } ?? ""
                target.path = removeDotSegments(directory + ref.path)
            }
        }
        return target.text
    }

    /// The scheme of `url`, lower-cased, or nil for a relative reference.
    public static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
            scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "+-.0123456789".unicodeScalars.contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }

    /// Schemes a browser is started for.
    public static let openableSchemes: Set<String> = ["http", "https", "mailto"]

    /// Why `url` must not be handed to a browser, or nil when it may: only `http`, `https` and
    /// `mailto` URLs without control characters, format characters or spaces are opened. Anything else (`javascript:`,
    /// `file:`, `data:`, a relative link, text that a browser could take for an option) is refused.
    public static func refusal(toOpen url: String) -> String? {
        // Format characters (bidi overrides) could make the URL shown differ from the one opened.
        if url.unicodeScalars.contains(where: {
            $0.value < 0x21 || (0x7F...0x9F).contains($0.value) || $0.properties.isWhitespace
                || $0.properties.generalCategory == .format
        }) {
            return "refused to open a link with spaces, control or format characters in it"
        }
        guard let scheme = scheme(of: url) else {
            return "refused to open \"\(TerminalSafe.visible(String(url.prefix(60))))\": not an http, https or mailto link"
        }
        guard openableSchemes.contains(scheme) else {
            return "refused to open a \(TerminalSafe.visible(scheme)): link (only http, https and mailto links are opened)"
        }
        return nil
    }

    /// `url` as a CommonMark link destination: characters that would end or confuse it (space,
    /// parentheses, angle brackets, backslash) are percent-encoded; other whitespace and control
    /// characters are dropped.
    public static func markdownDestination(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\\": out += "%5C"
            default:
                let value = scalar.value
                // Printable ASCII, most of every URL, needs no lookup in Unicode's tables; the
                // rest of ASCII is controls.
                guard value > 0x20 && value < 0x7F
                    || value >= 0x80 && scalar.properties.generalCategory != .control && !scalar.properties.isWhitespace
                else { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - RFC 3986 parts

    private struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
            self.scheme = scheme
            self.authority = authority
            self.path = path
            self.query = query
            self.fragment = fragment
        }

        init(_ text: String) {
            var rest = Substring(text)
            scheme = LinkURL.scheme(of: text)
            if scheme != nil, let colon = rest.firstIndex(of: ":") { rest = rest[rest.index(after: colon)...] }
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        var text: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// `.` and `..` segments of a path applied (RFC 3986, 5.2.4).
    static func removeDotSegments(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if absolute { segments.removeFirst() }
        var out: [Substring] = []
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if segment == "." || segment == ".." {
                if segment == "..", !out.isEmpty { out.removeLast() }
                if isLast { out.append("") }
                continue
            }
            out.append(segment)
        }
        return (absolute ? "/" : "") + out.joined(separator: "/")
    }
}
