import CLibXML2
import GlossCore

/// Resolves relative references (RFC 3986) with libxml2's URI code.
enum URLResolver {
    /// `reference` resolved against `base`, its scheme in lower case (schemes ignore case:
    /// `HTTP://…` is `http://…`); `reference` trimmed when it cannot be resolved.
    static func resolve(_ reference: String, against base: String?) -> String {
        lowercasingScheme(resolved(XMLText.trimmed(reference), against: base))
    }

    private static func lowercasingScheme(_ url: String) -> String {
        guard let scheme = scheme(of: url), !url.hasPrefix(scheme) else { return url }
        return scheme + url.dropFirst(scheme.count)
    }

    private static func resolved(_ reference: String, against base: String?) -> String {
        guard let base, !base.isEmpty, !reference.isEmpty else { return reference }
        let built = reference.withCString { referencePointer in
            base.withCString { basePointer in
                referencePointer.withMemoryRebound(to: xmlChar.self, capacity: 1) { referenceBytes in
                    basePointer.withMemoryRebound(to: xmlChar.self, capacity: 1) { baseBytes in
                        gloss_xmlBuildURI(referenceBytes, baseBytes)
                    }
                }
            }
        }
        guard let built else { return reference }
        defer { glossXMLFree(built) }
        return String(cString: built)
    }

    /// The scheme of `url`, lower-cased, or nil for a relative reference.
    static func scheme(of url: String) -> String? {
        LinkURL.scheme(of: url)
    }

    /// Whether a link may be written into an article: web and mail links, not `javascript:` or `data:`.
    static func isSafeLink(_ url: String) -> Bool {
        switch scheme(of: url) {
        case "http", "https", "mailto", "ftp": return true
        default: return false
        }
    }
}
