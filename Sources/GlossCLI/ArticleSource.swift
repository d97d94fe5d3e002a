import GlossCore
import GlossStorage

/// Reads and parses one article file, turning every failure into one clear message.
enum ArticleSource {
    /// With `directory`, the file must stay inside it through symbolic links (see `ArticleFile`).
    /// The file's bytes are handed back as they become blocks, so a large article is held once.
    static func load(path: String, confinedTo directory: String? = nil) throws(CLIError) -> Article {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let loaded: Result<Article, ArticleLoadError>
        do {
            loaded = try ArticleFile.withReleasableBytes(path, insideDirectory: directory) { bytes, release in
                Result { () throws(ArticleLoadError) in
                    try ArticleLoader.load(bytes: bytes, fileName: name, releasing: release)
                }
            }
        } catch {
            throw .unreadable(path, error.description)
        }
        do {
            return try loaded.get()
        } catch {
            throw .unreadable(path, error.description)
        }
    }

    /// Files larger than this open from their first `openingBytes` (cut at a paragraph break),
    /// so the first screen does not wait for all of the file to be read and parsed.
    static let partialAbove = 256 << 10
    static let openingBytes = 128 << 10
    /// Blocks the opening must hold after the one shown first, so a screen is full.
    static let screenfulOfBlocks = 200

    /// The opening of a large article, when it reaches past block `block`; nil when the whole
    /// file should be loaded instead (a small file, or a position further in).
    static func loadOpening(path: String, confinedTo directory: String? = nil, showing block: Int) throws(CLIError) -> Article? {
        let opening: (bytes: [UInt8], fileSize: Int)
        do {
            opening = try ArticleFile.readOpening(
                path, count: openingBytes, minimumSize: partialAbove, insideDirectory: directory)
        } catch {
            throw .unreadable(path, error.description)
        }
        guard opening.fileSize > partialAbove else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let markdown = ArticleLoader.isMarkdown(fileName: name)
        guard let cut = paragraphBreak(in: opening.bytes, before: openingBytes, markdown: markdown) else { return nil }
        // A problem in the opening (a NUL byte) is reported by loading the whole file.
        guard let article = try? ArticleLoader.load(bytes: opening.bytes[..<cut], fileName: name),
              article.blocks.count > block + screenfulOfBlocks
        else { return nil }
        return article
    }

    /// The end of the last whole paragraph before `limit`: after a blank line, or for plain
    /// text without one near the end (one paragraph per line is common), any line break. Never
    /// inside a UTF-8 sequence.
    static func paragraphBreak(in bytes: [UInt8], before limit: Int, markdown: Bool) -> Int? {
        let end = min(limit, bytes.count)
        let newline = UInt8(ascii: "\n")
        let searched = markdown ? 0 : max(0, end - 32 << 10)
        var index = end - 1
        while index > searched {
            if bytes[index] == newline, bytes[index - 1] == newline { return index + 1 }
            index -= 1
        }
        guard !markdown else { return nil }
        return bytes[..<end].lastIndex(of: newline).map { $0 + 1 }
    }
}
