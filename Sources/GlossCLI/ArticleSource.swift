import GlossCore
import GlossStorage

/// Reads and parses one article file, turning every failure into one clear message.
enum ArticleSource {
    static func load(path: String) throws(CLIError) -> Article {
        let bytes: [UInt8]
        do {
            bytes = try ArticleFile.read(path)
        } catch {
            throw .unreadable(path, error.description)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        do {
            return try ArticleLoader.load(bytes: bytes, fileName: name)
        } catch {
            throw .unreadable(path, error.description)
        }
    }
}
