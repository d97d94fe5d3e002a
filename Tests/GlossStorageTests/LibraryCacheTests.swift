import Foundation
import Glibc
import GlossCore
import GlossStorage
import Testing

/// The library cache: used while a file is unchanged, never after it changed, and rebuilt when damaged.
@Suite struct LibraryCacheTests {
    private func library(_ dir: TemporaryDirectory) throws -> String {
        let root = dir.file("articles")
        mkdir(root, 0o755)
        try writeText("# Tide Tables\n\nHigh water at noon.\n", to: root + "/tide.md")
        try writeText("# Lighthouse\n\nThe keeper retired.\n", to: root + "/light.md")
        return root
    }

    /// Rewrites the cached title of `path` in the cache file, leaving its stamps alone, so a scan
    /// that returns it provably came from the cache and did not read the article.
    private func forgeTitle(of path: String, to title: String, in cacheFile: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: cacheFile))
        var top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var articles = try #require(top["articles"] as? [[Any]])
        let columns = try #require(top["columns"] as? [String])
        let row = try #require(articles.firstIndex { $0.first as? String == path })
        let column = try #require(columns.firstIndex(of: "title"))
        articles[row][column] = title
        top["articles"] = articles
        try JSONSerialization.data(withJSONObject: top).write(to: URL(fileURLWithPath: cacheFile))
    }

    @Test func unchangedArticlesComeFromTheCacheAndChangedOnesAreReadAgain() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = try library(dir)
        let data = dir.file("data")
        let first = LibraryCache(dataDirectory: data)
        let scanned = try LibraryScanner(articlesDirectory: root).scan(cache: first)
        try first.save()
        #expect(scanned.map(\.title) == ["Lighthouse", "Tide Tables"])

        try forgeTitle(of: "tide.md", to: "From the cache", in: first.path)
        let cached = try LibraryScanner(articlesDirectory: root).scan(cache: LibraryCache(dataDirectory: data))
        #expect(cached.map(\.title) == ["From the cache", "Lighthouse"])
        #expect(cached.first?.absolutePath == root + "/tide.md")

        // Same size, new content: the modification time gives it away.
        try writeText("# Tide Tablez\n\nHigh water at noon.\n", to: root + "/tide.md")
        let fresh = try LibraryScanner(articlesDirectory: root).scan(cache: LibraryCache(dataDirectory: data))
        #expect(fresh.map(\.title) == ["Lighthouse", "Tide Tablez"])
    }

    @Test func aDamagedCacheIsIgnoredAndReplaced() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = try library(dir)
        let data = dir.file("data")
        mkdir(data, 0o700)
        try writeText("{\"schemaVersion\": 1, \"articles\": {\"tide.md\": [tru", to: data + "/library-cache.json")
        let cache = LibraryCache(dataDirectory: data)
        let entries = try LibraryScanner(articlesDirectory: root).scan(cache: cache)
        #expect(entries.map(\.title) == ["Lighthouse", "Tide Tables"])
        try cache.save()
        let reloaded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cache.path)))
        let articles = (reloaded as? [String: Any])?["articles"] as? [[Any]]
        #expect(Set(articles?.compactMap { $0.first as? String } ?? []) == ["tide.md", "light.md"])
    }

    @Test func removedArticlesLeaveTheCache() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = try library(dir)
        let data = dir.file("data")
        let cache = LibraryCache(dataDirectory: data)
        _ = try LibraryScanner(articlesDirectory: root).scan(cache: cache)
        try cache.save()
        unlink(root + "/light.md")
        let next = LibraryCache(dataDirectory: data)
        _ = try LibraryScanner(articlesDirectory: root).scan(cache: next)
        try next.save()
        let text = try String(contentsOfFile: next.path, encoding: .utf8)
        #expect(!text.contains("light.md"))
        #expect(text.contains("tide.md"))
    }
}
