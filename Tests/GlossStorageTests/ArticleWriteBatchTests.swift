import Foundation
import Glibc
@testable import GlossStorage
import Testing

/// `ArticleWriteBatch`: staged articles appear only at `commit`, exactly as `ArticleFile.write`
/// leaves them, and a failure of one leaves no temporary file and does not stop the others.
@Suite struct ArticleWriteBatchTests {
    /// Hidden files (temporaries) and articles, by folder.
    private func names(_ directory: String) -> [String] { directoryNames(directory) }

    @Test func stagedArticlesAppearOnlyAtCommitAndLeaveNoTemporaries() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let batch = ArticleWriteBatch(articlesDirectory: dir.path, followingLinks: false)
        try batch.stage("one\n", relativePath: "news/one.md")
        try batch.stage("two\n", relativePath: "news/two.md")
        try batch.stage("three\n", relativePath: "blog/three.md")
        #expect(batch.contains("news/one.md"))
        #expect(!batch.contains("news/four.md"))
        // Before the commit only hidden temporary files exist.
        #expect(names(dir.file("news")).allSatisfy { $0.hasPrefix(".") && $0.contains(".tmp-") })
        #expect(names(dir.file("news")).count == 2)
        #expect(!exists(dir.file("news/one.md")))

        let failures = batch.commit()
        #expect(failures.isEmpty)
        #expect(names(dir.file("news")) == ["one.md", "two.md"])
        #expect(names(dir.file("blog")) == ["three.md"])
        #expect(readBytes(dir.file("news/two.md")) == Array("two\n".utf8))
        #expect(!batch.contains("news/one.md"))
    }

    @Test func aReplacedArticleKeepsItsModeAndIsReplacedWhole() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try ArticleFile.write("old\n", relativePath: "news/a.md", inArticlesDirectory: dir.path, followingLinks: false)
        chmod(dir.file("news/a.md"), 0o640)
        let batch = ArticleWriteBatch(articlesDirectory: dir.path, followingLinks: false)
        try batch.stage("new\n", relativePath: "news/a.md")
        #expect(readBytes(dir.file("news/a.md")) == Array("old\n".utf8))
        #expect(batch.commit().isEmpty)
        #expect(readBytes(dir.file("news/a.md")) == Array("new\n".utf8))
        #expect(mode(of: dir.file("news/a.md")).map { $0 & 0o777 } == 0o640)
    }

    @Test func moreArticlesThanItKeepsOpenAreAllWritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let batch = ArticleWriteBatch(articlesDirectory: dir.path, followingLinks: false)
        let count = ArticleWriteBatch.openLimit * 2 + 5
        for number in 0..<count { try batch.stage("article \(number)\n", relativePath: "many/\(number).md") }
        #expect(batch.commit().isEmpty)
        let written = names(dir.file("many"))
        #expect(written.count == count)
        #expect(written.allSatisfy { !$0.hasPrefix(".") })
        #expect(readBytes(dir.file("many/\(count - 1).md")) == Array("article \(count - 1)\n".utf8))
    }

    @Test func aFailedRenameIsReportedAndTheOthersAreWritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let batch = ArticleWriteBatch(articlesDirectory: dir.path, followingLinks: false)
        try batch.stage("good\n", relativePath: "news/good.md")
        try batch.stage("blocked\n", relativePath: "news/blocked.md")
        // Between staging and the commit, a non-empty directory takes the name: the rename fails.
        mkdir(dir.file("news/blocked.md"), 0o700)
        try writeText("keep", to: dir.file("news/blocked.md/inside"))
        let failures = batch.commit()
        #expect(failures.map(\.relativePath) == ["news/blocked.md"])
        #expect(names(dir.file("news")) == ["blocked.md", "good.md"])
        #expect(readBytes(dir.file("news/good.md")) == Array("good\n".utf8))
        #expect(readBytes(dir.file("news/blocked.md/inside")) == Array("keep".utf8))
    }

    @Test func whatCannotBeStagedIsRefusedAtOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outside = try TemporaryDirectory()
        defer { outside.remove() }
        mkdir(dir.file("news"), 0o755)
        mkdir(dir.file("news/folder.md"), 0o755)
        symlink(outside.path, dir.file("linked"))
        let batch = ArticleWriteBatch(articlesDirectory: dir.path, followingLinks: false)
        #expect(throws: StorageError.self) { try batch.stage("x\n", relativePath: "news/folder.md") }
        #expect(throws: StorageError.self) { try batch.stage("x\n", relativePath: "linked/a.md") }
        #expect(!batch.contains("linked/a.md"))
        #expect(batch.commit().isEmpty)
        #expect(names(outside.path).isEmpty)
        #expect(names(dir.file("news")) == ["folder.md"])
    }

    @Test func aBatchDroppedWithoutCommitLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        do {
            let batch = ArticleWriteBatch(articlesDirectory: dir.path, followingLinks: false)
            try batch.stage("never\n", relativePath: "news/never.md")
        }
        #expect(names(dir.file("news")).isEmpty)
    }
}
