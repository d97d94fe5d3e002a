/// The identifiers and the JSON-LD context of Gloss's W3C Web Annotation export.
///
/// Everything Gloss names itself lives under `urn:gloss:`: the annotated text, the collection
/// of its annotations and that collection's page are derived from the article's fingerprint,
/// so they are stable across exports, renames and machines; annotations are `urn:uuid:` ids.
enum W3CVocabulary {
    /// The Web Annotation context; it defines every W3C term used and the `dc` prefix.
    static let annotationContext = "http://www.w3.org/ns/anno.jsonld"
    /// The namespace of Gloss's extension properties (`gloss:status`, ...). It ends with a
    /// delimiter so that `gloss:` works as a JSON-LD prefix; it must never change.
    static let namespace = "urn:gloss:ns:"
    static let prefix = "gloss"

    /// `@context` for a top-level document: the W3C context, then the `gloss` prefix.
    static var context: JSONValue {
        .array([.string(annotationContext), .members([prefix: .string(namespace)])])
    }

    /// The article text that annotation selectors count in: its normalized text, whose SHA-256
    /// is `fingerprint`. Content-addressed because positions are only true of exactly that text.
    static func article(fingerprint: String) -> String {
        "urn:gloss:article:" + percentEncoded(fingerprint)
    }

    static func collection(fingerprint: String) -> String {
        article(fingerprint: fingerprint) + ":annotations"
    }

    static func page(fingerprint: String) -> String {
        collection(fingerprint: fingerprint) + ":page:1"
    }

    /// `urn:uuid:` and the id when it is a UUID (as Gloss makes them); otherwise a Gloss URN,
    /// so that a hand-edited id still gives a valid, distinct IRI.
    static func annotation(id: String) -> String {
        let lowered = id.lowercased()
        return isUUID(lowered) ? "urn:uuid:" + lowered : "urn:gloss:annotation:" + percentEncoded(id)
    }

    /// An extension property name, e.g. `gloss:status`.
    static func term(_ name: String) -> String {
        prefix + ":" + name
    }

    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                else { return false }
            }
        }
        return true
    }

    /// `text` with every byte outside RFC 3986's unreserved set percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
