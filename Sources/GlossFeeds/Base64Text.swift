#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Base64 text (Atom 0.3 `mode="base64"`), decoded as UTF-8.
enum Base64Text {
    /// The decoded text, or nil when `text` is not base64 or does not decode to UTF-8.
    static func decoded(_ text: String) -> String? {
        let compact = String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        guard let data = Data(base64Encoded: compact, options: [.ignoreUnknownCharacters]) else { return nil }
        return String(validating: Array(data), as: UTF8.self)
    }
}
