import Foundation
import Glibc
import GlossCore
import GlossStorage
import GlossTUI

/// Everything a command needs, resolved once: paths and config. Loading the config is the one
/// start-up cost every command pays; the library is only scanned by commands that show it.
struct Workspace {
    let paths: Paths
    let config: GlossConfig
    let environment: [String: String]

    /// Reads config and resolves directories; a bad config is reported by the caller with exit code 2.
    static func make(_ options: GlobalOptions) throws(CLIError) -> Workspace {
        let environment = ProcessInfo.processInfo.environment
        let config: GlossConfig
        do {
            config = try ConfigLoader.load(explicit: options.config, environment: environment)
        } catch {
            throw .config(error.description)
        }
        let fm = FileManager.default
        let paths = Paths.resolve(
            articlesFlag: options.articles, dataFlag: options.data, configArticles: config.articlesDirectory,
            configData: config.dataDirectory, configExports: config.export.directory,
            configTemplate: config.export.template, environment: environment,
            currentDirectory: fm.currentDirectoryPath,
            directoryExists: { path in
                var isDirectory: ObjCBool = false
                return fm.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            })
        return Workspace(paths: paths, config: config, environment: environment)
    }

    /// An article argument: a path as given (relative to the current directory), or relative to
    /// the articles directory. Returns the absolute path and the key reading state is stored under.
    func locate(_ file: String) throws(CLIError) -> (absolute: String, key: String) {
        let fm = FileManager.default
        let candidates = file.hasPrefix("/") ? [file] : [fm.currentDirectoryPath + "/" + file, paths.articles + "/" + file]
        // lstat, not fileExists: a broken link or a link loop is found, and reading it says what is wrong.
        var info = stat()
        guard let found = candidates.map(Paths.standardized).first(where: { lstat($0, &info) == 0 }) else {
            throw .notFound(file)
        }
        let root = paths.articles.hasSuffix("/") ? paths.articles : paths.articles + "/"
        let key = found.hasPrefix(root) ? String(found.dropFirst(root.count)) : found
        return (found, key)
    }

    /// Loads an article by its path and key (as `locate` gives them). One found through the
    /// articles directory is not read through a link leading outside it, unless the config's
    /// `[library] follow-symlinks` allows it; a path given outside the directory is read as given.
    func loadArticle(absolute: String, key: String) throws(CLIError) -> Article {
        try ArticleSource.load(path: absolute, confinedTo: confinement(forKey: key))
    }

    /// The opening of a large article, read under the same rule (see `ArticleSource.loadOpening`).
    func loadOpening(absolute: String, key: String, showing block: Int) throws(CLIError) -> Article? {
        try ArticleSource.loadOpening(path: absolute, confinedTo: confinement(forKey: key), showing: block)
    }

    private func confinement(forKey key: String) -> String? {
        !key.hasPrefix("/") && !config.library.followSymlinks ? paths.articles : nil
    }

    /// A library scanner for the articles directory, following links as the config says.
    var scanner: LibraryScanner {
        LibraryScanner(articlesDirectory: paths.articles, followsLinksOutside: config.library.followSymlinks)
    }

    /// Whether colours may be used: not under NO_COLOR (any non-empty value).
    var useColor: Bool { (environment["NO_COLOR"] ?? "").isEmpty }
}

/// Failures a command reports on one line before exiting non-zero.
enum CLIError: Error, CustomStringConvertible {
    case config(String)
    case notFound(String)
    case unreadable(String, String)
    case terminal(String)
    case failed(String)

    var description: String {
        switch self {
        case .config(let message): return message
        case .notFound(let file): return "no such article: \(file)"
        case .unreadable(let file, let reason): return "\(file): \(reason)"
        case .terminal(let message): return message
        case .failed(let message): return message
        }
    }

    /// Config errors exit with 2, as usage errors of the config file; everything else with 1.
    var exitCode: Int32 {
        if case .config = self { return 2 }
        return 1
    }
}
