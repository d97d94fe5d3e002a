import Foundation
import GlossStorage

/// Where `feeds.toml` is and how it is read and replaced.
enum FeedsLocation {
    /// `explicit` (from `--feeds`), else `$GLOSS_FEEDS`, else `$XDG_CONFIG_HOME/gloss/feeds.toml`
    /// (or `$HOME/.config/gloss/feeds.toml`), like `config.toml`.
    static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let named = environment["GLOSS_FEEDS"], !named.isEmpty { return named }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/gloss/feeds.toml" }
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/"
        return home + "/.config/gloss/feeds.toml"
    }

    /// The file as it is; an empty list when it does not exist yet.
    static func load(_ path: String) throws(CLIError) -> FeedsFile {
        let text: String
        if FileManager.default.fileExists(atPath: path) {
            let bytes: [UInt8]
            do {
                bytes = try ArticleFile.read(path, limit: 1 << 20)
            } catch {
                throw .unreadable(path, error.description)
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .unreadable(path, "not valid UTF-8") }
            text = decoded
        } else {
            text = ""
        }
        do {
            return try FeedsFile(path: path, text: text)
        } catch {
            throw .config(error.description)
        }
    }

    /// Replaces the file atomically with `text`.
    static func save(_ text: String, to path: String) throws(CLIError) {
        do {
            try ConfigFile.write(text, to: path)
        } catch {
            throw .failed("could not write \(path): \(error.description)")
        }
    }
}
