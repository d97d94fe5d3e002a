// TEMPORARY stand-in so the storage branch compiles; the real loader replaces this file.

/// Why a file could not be loaded as an article.
public enum ArticleLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    case binary(String)
    case markdownParserFailed

    public var description: String {
        switch self {
        case .binary(let reason): return "binary file (\(reason))"
        case .markdownParserFailed: return "the Markdown parser could not read this file"
        }
    }
}

/// Turns the bytes of a file into an article.
public enum ArticleLoader {
    public static func load(bytes: [UInt8], fileName: String) throws(ArticleLoadError) -> Article {
        if let nul = bytes.firstIndex(of: 0) {
            throw .binary("NUL byte at offset \(nul)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var blocks: [Block] = []
        var paragraph: [Substring] = []
        func flush() {
            if !paragraph.isEmpty {
                blocks.append(Block(kind: .paragraph, text: paragraph.joined(separator: " ")))
                paragraph = []
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingPrefix(while: { $0 == " " })
            if trimmed.isEmpty {
                flush()
            } else if trimmed.hasPrefix("# ") {
                flush()
                blocks.append(Block(kind: .heading(level: 1), text: String(trimmed.dropFirst(2))))
            } else {
                paragraph.append(trimmed)
            }
        }
        flush()
        let stem = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let title = blocks.first(where: \.isHeading)?.text ?? stem
        return Article(metadata: ArticleMetadata(title: title), format: .plainWrapped, blocks: blocks)
    }
}
