import Foundation
import Glibc
import GlossCore
import GlossStorage
import Testing

/// The storage side of docs/SECURITY.md: links can't lead reads outside the articles directory
/// unless allowed, and no article path or id can lead a write outside the data directory.
@Suite struct SecurityTests {
    /// `articles/` with a link to a file outside it, a link to a directory outside it, and a link inside it.
    private func library(_ dir: TemporaryDirectory) throws -> String {
        let root = dir.file("articles")
        mkdir(root, 0o755)
        mkdir(dir.file("private"), 0o700)
        try writeText("SECRET KEY MATERIAL\n", to: dir.file("private/id_ed25519"))
        try writeText("# Private notes\n\nNot for the library.\n", to: dir.file("private/notes.md"))
        try writeText("# Real\n\nAn article.\n", to: root + "/real.md")
        symlink(dir.file("private/id_ed25519"), root + "/key.md")
        symlink(dir.file("private"), root + "/private-dir")
        symlink("real.md", root + "/alias.md")
        symlink("../articles/../private/notes.md", root + "/sneaky.txt")
        return root
    }

    @Test func linksLeadingOutsideTheArticlesDirectoryAreNotFollowedByDefault() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = try library(dir)
        let entries = try LibraryScanner(articlesDirectory: root).scan()
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.relativePath, $0) })
        #expect(Set(byPath.keys) == ["real.md", "alias.md", "key.md", "sneaky.txt"])
        #expect(byPath["key.md"]?.problem == "links outside the articles directory")
        #expect(byPath["sneaky.txt"]?.problem == "links outside the articles directory")
        #expect(byPath["alias.md"]?.problem == nil)
        // Nothing from the outside file reached the entry.
        #expect(byPath["key.md"]?.wordCount == 0)
        #expect(byPath["sneaky.txt"]?.title == "sneaky")
    }

    @Test func followingLinksOutsideIsAnExplicitChoice() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = try library(dir)
        let entries = try LibraryScanner(articlesDirectory: root, followsLinksOutside: true).scan()
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.relativePath, $0) })
        #expect(byPath["sneaky.txt"]?.problem == nil)
        #expect(byPath["private-dir/notes.md"]?.title == "Private notes")
        #expect(byPath["key.md"]?.problem == nil)
    }

    @Test func aConfinedReadRefusesLinksLeadingOutsideAndReadsLinksInside() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = try library(dir)
        for name in ["key.md", "sneaky.txt", "private-dir/notes.md"] {
            var message = ""
            do {
                _ = try ArticleFile.read(root + "/" + name, insideDirectory: root)
                Issue.record("\(name) was read through a link leading outside")
            } catch {
                message = error.description
            }
            #expect(message.hasPrefix("Cannot open \(root)/\(name): a symbolic link leads outside the articles directory"))
            #expect(message.contains("follow-symlinks"))
        }
        #expect(try ArticleFile.read(root + "/alias.md", insideDirectory: root) == Array("# Real\n\nAn article.\n".utf8))
        // The articles directory itself may be reached through a link.
        symlink(root, dir.file("articles-link"))
        #expect(try ArticleFile.read(dir.file("articles-link") + "/real.md", insideDirectory: dir.file("articles-link")) == Array("# Real\n\nAn article.\n".utf8))
        symlink("loop.md", root + "/loop.md")
        #expect(throws: StorageError.symlinkLoop(path: root + "/loop.md")) {
            try ArticleFile.read(root + "/loop.md", insideDirectory: root)
        }
    }

    /// Real saves under hostile article paths and ids: every file written is inside the data directory.
    @Test func noArticlePathOrIdWritesOutsideTheDataDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("sandbox/data")
        mkdir(dir.file("sandbox"), 0o700)
        let store = AnnotationStore(dataDirectory: data)
        let hostilePaths = [
            "../../escape.md", "/etc/passwd", "a/../../../b.md", "..", ".", "", "/", "x\u{0}y.md", ".hidden.md",
            "\u{1B}]52;c;aGk=\u{07}.md", "annotations/../../state.json", "state.json", String(repeating: "../", count: 300),
            "dir/\u{202E}dm.exe",
        ]
        for (number, path) in hostilePaths.enumerated() {
            let article = SampleArticle(path: path)
            var annotation = try article.annotation(id: "../../../id-\(number)/../x", note: "n")
            annotation.color = "../../color"
            _ = try store.apply([.upsert(annotation)], to: article.identity, anchoredOn: article.text.text)
            let loaded = try store.load(article.identity)
            // ("..", "." and "" all normalize to the same empty path, so they share a file.)
            #expect(loaded.annotations.map(\.id).contains("../../../id-\(number)/../x"), "path \(path.debugDescription)")
        }
        // Only the data directory exists in the sandbox, and nothing but annotation files in it.
        #expect(directoryNames(dir.file("sandbox")) == ["data"])
        #expect(directoryNames(data) == ["annotations"])
        let names = directoryNames(data + "/annotations")
        #expect(names.count >= hostilePaths.count)
        #expect(names.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") })
        for name in names { #expect(mode(of: data + "/annotations/" + name) == 0o600, "\(name)") }
        #expect(mode(of: data) == 0o700)
        #expect(mode(of: data + "/annotations") == 0o700)
    }
}
