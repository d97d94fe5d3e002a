import GlossCore
import GlossStorage

/// Reads and parses one article file, turning every failure into one clear message.
enum ArticleSource {
    /// With `directory`, the file must stay inside it through symbolic links (see `ArticleFile`).
    static func load(path: String, confinedTo directory: String? = nil) throws(CLIError) -> Article {
        let bytes: [UInt8]
        do {
            if let directory {
                bytes = try ArticleFile.read(path, insideDirectory: directory)
            } else {
                bytes = try ArticleFile.read(path)
            }
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
