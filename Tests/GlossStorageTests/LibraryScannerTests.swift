import Foundation
import Glibc
import GlossCore
import GlossStorage
import Testing

@Suite struct LibraryScannerTests {
    /// A library with every awkward case the scanner must handle.
    private func makeLibrary(_ dir: TemporaryDirectory) throws -> String {
        let root = dir.file("articles")
        let outside = dir.file("outside")
        for path in [root, root + "/sub", root + "/dir.md", root + "/.hiddendir", outside] {
            mkdir(path, 0o755)
        }
        try writeText("# Zebra Crossings\n\nA plain article about zebras.\n", to: root + "/a.md")
        try writeText("Apples are red.\nPears are green.\n", to: root + "/notes.txt")
        try writeText("# Middle\n\nIn a sub directory.\n", to: root + "/sub/b.markdown")
        try writeText("# Inside dir.md\n\nA real article in a directory named like one.\n", to: root + "/dir.md/d.md")
        try writeText("# Hidden\n\nNot listed.\n", to: root + "/.hidden.md")
        try writeText("# Hidden too\n\nNot listed.\n", to: root + "/.hiddendir/c.md")
        try writeText("not an article", to: root + "/image.png")
        try writeBytes([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01], to: root + "/binary.md")
        try writeText("", to: root + "/empty.md")
        try writeText("# Outside\n\nSecret.\n", to: outside + "/x.md")
        symlink("loop.md", root + "/loop.md")
        symlink("sub", root + "/link-to-sub")
        symlink("..", root + "/sub/up")
        symlink(outside + "/x.md", root + "/outside.md")
        symlink(outside, root + "/outside-dir")
        symlink("a.md", root + "/alias.md")
        symlink("missing.md", root + "/broken.md")
        mkfifo(root + "/pipe.md", 0o644)
        return root
    }

    @Test func scanningListsArticlesAndExplainsTheOnesItCannotRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = try makeLibrary(dir)
        let entries = try LibraryScanner(articlesDirectory: root).scan()
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.relativePath, $0) })

        #expect(Set(byPath.keys) == [
            "a.md", "notes.txt", "sub/b.markdown", "dir.md/d.md", "binary.md", "empty.md", "loop.md",
            "outside.md", "alias.md", "broken.md", "pipe.md",
        ])
        #expect(byPath["a.md"]?.title == "Zebra Crossings")
        #expect(byPath["a.md"]?.problem == nil)
        #expect(byPath["a.md"]?.wordCount == 7)
        #expect(byPath["a.md"]?.minutes == 1)
        #expect(byPath["a.md"]?.absolutePath == root + "/a.md")
        #expect(byPath["a.md"]?.sizeBytes == "# Zebra Crossings\n\nA plain article about zebras.\n".utf8.count)
        #expect(byPath["a.md"]?.modified != nil)
        #expect(byPath["alias.md"]?.problem == nil)
        #expect(byPath["dir.md/d.md"]?.title == "Inside dir.md")
        #expect(byPath["binary.md"]?.problem?.contains("binary") == true)
        #expect(byPath["empty.md"]?.problem == "empty article")
        #expect(byPath["loop.md"]?.problem == "symbolic link loop")
        #expect(byPath["broken.md"]?.problem == "broken symbolic link")
        #expect(byPath["outside.md"]?.problem == "links outside the articles directory")
        #expect(byPath["outside.md"]?.title == "outside")
        #expect(byPath["pipe.md"]?.problem == "not a regular file")

        // Sorted by title, case-insensitively.
        let titles = entries.map { $0.title.lowercased() }
        #expect(titles == titles.sorted())
    }

    @Test func unreadableFilesAreListedWithAReason() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = dir.file("articles")
        mkdir(root, 0o755)
        try writeText("# Locked\n\ntext\n", to: root + "/locked.md")
        chmod(root + "/locked.md", 0)
        let scanner = LibraryScanner(articlesDirectory: root)
        let entry = try #require(try scanner.scan().first)
        if getuid() == 0 {
            // Root reads any file, so permission cannot fail here; the reason path is covered by
            // the FIFO and link-loop cases above. The entry must still be readable and fine.
            #expect(entry.problem == nil)
        } else {
            #expect(entry.problem == "permission denied")
        }
    }

    @Test func aMissingArticlesDirectoryIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: StorageError.notFound(path: dir.file("nope"))) {
            try LibraryScanner(articlesDirectory: dir.file("nope")).scan()
        }
        try writeText("x", to: dir.file("file"))
        #expect(throws: StorageError.notADirectory(path: dir.file("file"))) {
            try LibraryScanner(articlesDirectory: dir.file("file")).scan()
        }
    }

    @Test func readingAFileRefusesDirectoriesLoopsAndHugeFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        mkdir(dir.file("folder.md"), 0o755)
        symlink("self.md", dir.file("self.md"))
        try writeText(String(repeating: "x", count: 2000), to: dir.file("big.md"))
        #expect(throws: StorageError.isDirectory(path: dir.file("folder.md"))) { try ArticleFile.read(dir.file("folder.md")) }
        #expect(throws: StorageError.symlinkLoop(path: dir.file("self.md"))) { try ArticleFile.read(dir.file("self.md")) }
        #expect(throws: StorageError.tooLarge(path: dir.file("big.md"), size: 2000, limit: 1000)) {
            try ArticleFile.read(dir.file("big.md"), limit: 1000)
        }
        #expect(try ArticleFile.read(dir.file("big.md")).count == 2000)
        #expect(throws: StorageError.notFound(path: dir.file("none.md"))) { try ArticleFile.read(dir.file("none.md")) }
    }

    @Test func articleExtensionsAreRecognizedCaseInsensitively() {
        #expect(LibraryScanner.isArticleName("a.MD"))
        #expect(LibraryScanner.isArticleName("b.markdown"))
        #expect(LibraryScanner.isArticleName("c.txt"))
        #expect(!LibraryScanner.isArticleName("d.png"))
        #expect(!LibraryScanner.isArticleName(".md"))
        #expect(!LibraryScanner.isArticleName("md"))
    }
}

/// A scan tells how far it is, and sorts by title whatever order the files came in.
@Suite struct LibraryScanProgressTests {
    @Test func aScanReportsProgressEveryStepAndSortsByTitleThenPath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = dir.file("articles")
        mkdir(root, 0o755)
        let count = 2 * LibraryScanner.progressStep + 10
        for number in 0..<count {
            // Titles run against the file names, and two files share each title.
            try writeText("# Title \(String(format: "%04d", (count - number) / 2))\n\nText.\n", to: root + "/f\(number).md")
        }
        var reports: [[Int]] = []
        let cache = LibraryCache(dataDirectory: dir.file("data"))
        let entries = try LibraryScanner(articlesDirectory: root).scan(cache: cache) { done, total in
            reports.append([done, total])
        }
        #expect(reports == [[LibraryScanner.progressStep, count], [2 * LibraryScanner.progressStep, count]])
        #expect(entries.count == count)
        let keys = entries.map { [$0.title, $0.relativePath] }
        #expect(keys == keys.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] })
        try cache.save()
        // From the cache, the same entries in the same order.
        let again = try LibraryScanner(articlesDirectory: root).scan(cache: LibraryCache(dataDirectory: dir.file("data")))
        #expect(again.map(\.relativePath) == entries.map(\.relativePath))
        #expect(again.map(\.title) == entries.map(\.title))
    }
}
