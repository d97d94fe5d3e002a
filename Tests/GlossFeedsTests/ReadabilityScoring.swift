import Foundation
@testable import GlossFeeds

/// The bag-of-words comparison the page corpus is judged by: an article's Markdown and the
/// reference HTML are both reduced to words (runs of letters, digits and `_` after NFC and
/// lower-casing, every CJK ideograph or kana a word of its own), and compared as multisets.
enum ReadabilityScoring {
    struct Score {
        var precision: Double
        var recall: Double
        var f1: Double
    }

    /// Precision, recall and F1 of `candidate` against `reference`, counting repeats.
    static func score(candidate: [String], reference: [String]) -> Score {
        guard !candidate.isEmpty, !reference.isEmpty else {
            let same = candidate.isEmpty && reference.isEmpty
            return Score(precision: same ? 1 : 0, recall: same ? 1 : 0, f1: same ? 1 : 0)
        }
        var counts: [String: Int] = [:]
        for word in reference { counts[word, default: 0] += 1 }
        var common = 0
        for word in candidate {
            if let count = counts[word], count > 0 {
                common += 1
                counts[word] = count - 1
            }
        }
        let precision = Double(common) / Double(candidate.count)
        let recall = Double(common) / Double(reference.count)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return Score(precision: precision, recall: recall, f1: f1)
    }

    /// The words of a written article: front matter dropped, link destinations and image markers
    /// dropped (Markdown punctuation is never part of a word).
    static func articleWords(_ article: String) -> [String] {
        var body = Substring(article)
        if body.hasPrefix("---\n"), let end = body.dropFirst(4).range(of: "\n---\n") {
            body = body[end.upperBound...]
        }
        var text = String(body)
        // `\[image: alt\]` and `\[image\]`, escaped or not.
        text = text.replacingOccurrences(of: #"\\?\[image(: (\\\]|[^\]])*?)?\\?\]"#, with: " ", options: .regularExpression)
        // `](destination)` of links.
        text = text.replacingOccurrences(of: #"\]\([^)\s]*\)"#, with: "] ", options: .regularExpression)
        return words(text)
    }

    /// The words of the reference HTML: its text, scripts and styles left out.
    static func htmlWords(_ html: String) -> [String] {
        guard let document = XMLDocument.parseHTML(html, url: nil), let root = document.root else { return [] }
        var text = ""
        withExtendedLifetime(document) { appendText(of: root, to: &text, depth: 0) }
        return words(text)
    }

    private static func appendText(of node: XMLNode, to text: inout String, depth: Int) {
        for child in node.children {
            if child.isElement {
                guard depth < 300, child.name != "script", child.name != "style" else { continue }
                let block = HTMLElements.blocks.contains(child.name) || child.name == "br"
                if block { text += " " }
                appendText(of: child, to: &text, depth: depth + 1)
                if block { text += " " }
            } else {
                text += XMLText.collect(from: child.pointer, document: child.pointer.pointee.doc, single: true)
            }
        }
    }

    /// Runs of `\w` after NFC and lower-casing; CJK ideographs and kana one word each.
    static func words(_ text: String) -> [String] {
        let normalized = text.precomposedStringWithCanonicalMapping.lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in normalized.unicodeScalars {
            if isCJK(scalar) {
                flush()
                words.append(String(scalar))
            } else if isWordCharacter(scalar) {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// What `\w` matches: letters, numbers and the underscore.
    private static let wordCategories: Set<Unicode.GeneralCategory> = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
        .letterNumber, .otherNumber,
    ]

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || wordCategories.contains(scalar.properties.generalCategory)
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFF66...0xFF9F, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Whitespace runs as one space, ends trimmed.
    static func normalizedSpace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
