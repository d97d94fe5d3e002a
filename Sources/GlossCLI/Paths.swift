import Foundation

/// Where Gloss finds things, resolved once from options, environment, config and defaults.
public struct Paths: Sendable, Equatable {
    public var articles: String
    public var data: String
    public var exports: String
    /// The Mustache template that replaces the built-in Markdown export, when configured.
    public var exportTemplate: String? = nil

    /// Resolves directories: flag, then environment, then config, then the XDG defaults.
    public static func resolve(
        articlesFlag: String?, dataFlag: String?, configArticles: String?, configData: String?,
        configExports: String?, configTemplate: String? = nil, environment: [String: String], currentDirectory: String,
        directoryExists: (String) -> Bool
    ) -> Paths {
        let home = environment["HOME"] ?? "/"
        func expand(_ path: String) -> String {
            var p = path
            if p == "~" || p.hasPrefix("~/") { p = home + p.dropFirst() }
            if !p.hasPrefix("/") { p = currentDirectory + "/" + p }
            return p
        }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        let localArticles = currentDirectory + "/Articles"
        let articles = articlesFlag.map(expand)
            ?? environment["GLOSS_ARTICLES_DIR"].flatMap { $0.isEmpty ? nil : expand($0) }
            ?? configArticles.map(expand)
            ?? (directoryExists(localArticles) ? localArticles : expand(dataHome) + "/gloss/articles")
        let data = dataFlag.map(expand)
            ?? environment["GLOSS_DATA_DIR"].flatMap { $0.isEmpty ? nil : expand($0) }
            ?? configData.map(expand)
            ?? expand(dataHome) + "/gloss"
        let exports = configExports.map(expand) ?? expand(dataHome) + "/gloss/exports"
        return Paths(
            articles: standardized(articles), data: standardized(data), exports: standardized(exports),
            exportTemplate: configTemplate.map { standardized(expand($0)) })
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
