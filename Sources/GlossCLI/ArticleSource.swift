import Foundation
import GlossCore

// TEMPORARY: replaced by the storage module's article file reading.
enum ArticleSource {
    static func load(path: String) throws(CLIError) -> GlossCore.Article {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, "cannot read file") }
        do {
            return try ArticleLoader.load(bytes: [UInt8](data), fileName: (path as NSString).lastPathComponent)
        } catch {
            throw .unreadable(path, error.description)
        }
    }
}
