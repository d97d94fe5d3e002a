import Foundation
import Glibc
import GlossCore
import GlossStorage
import GlossTestSupport
import Testing

/// Loading an article while its bytes are handed back gives the same article as loading them
/// whole, and the bytes are really given back.
@Suite struct ReleasableBytesTests {
    /// A plain-text article of about `bytes` bytes, one paragraph per line, seeded.
    static func plainLines(bytes: Int, seed: UInt64 = 3, accent: Bool = false) -> String {
        var random = SeededGenerator(seed: seed)
        let words = ["harbour", "council", "river", "bridge", "lantern", accent ? "café" : "cafe", "morning"]
        var out = "Title\n\n"
        while out.utf8.count < bytes {
            let count = random.integer(in: 20...90)
            out += (0..<count).map { _ in random.pick(words) }.joined(separator: " ") + ".\n"
        }
        return out
    }

    static func load(_ path: String) throws -> (released: Article, whole: Article) {
        let name = String(path.split(separator: "/").last ?? "")
        let released = try ArticleFile.withReleasableBytes(path) { bytes, release in
            Result { () throws(ArticleLoadError) in try ArticleLoader.load(bytes: bytes, fileName: name, releasing: release) }
        }.get()
        let whole = try ArticleLoader.load(bytes: try ArticleFile.read(path), fileName: name)
        return (released, whole)
    }

    /// The contents the test files of `releasingGivesTheSameArticleAsLoadingWhole` hold.
    static func content(of name: String) -> String {
        switch name {
        case "lines.txt": plainLines(bytes: 3 << 20)
        case "accented.txt": plainLines(bytes: 3 << 20, accent: true)
        case "decomposed.txt": "Cafe\u{301} one\nsecond line\n"
        case "crlf.txt": plainLines(bytes: 2 << 20).replacingOccurrences(of: "\n", with: "\r\n")
        case "bom.txt": "\u{FEFF}" + plainLines(bytes: 1 << 20)
        case "wrapped.txt":
            String(repeating: "A line of hard-wrapped text that goes on and on\nand carries on here to fill it\n\n", count: 20_000)
        case "notes.md": "# Heading\n\nSome *text* here.\n\n- a list\n- of items\n"
        default: ""
        }
    }

    @Test(arguments: [
        "lines.txt", "accented.txt", "decomposed.txt", "crlf.txt", "bom.txt", "wrapped.txt", "notes.md", "empty.txt",
    ])
    func releasingGivesTheSameArticleAsLoadingWhole(name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try writeText(Self.content(of: name), to: directory.file(name))
        let (released, whole) = try Self.load(directory.file(name))
        #expect(released == whole)
    }

    @Test func aFileWithANULByteIsStillRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try writeBytes(Array(Self.plainLines(bytes: 2 << 20).utf8) + [0] + Array("tail\n".utf8), to: directory.file("nul.txt"))
        #expect(throws: ArticleLoadError.self) { _ = try Self.load(directory.file("nul.txt")) }
    }

    /// After the parse, the pages that held the paragraphs are no longer mapped: the file's
    /// bytes and the blocks' text were not both held whole.
    @Test func theParsedBytesAreUnmapped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try writeText(Self.plainLines(bytes: 4 << 20), to: directory.file("large.txt"))
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        var vector = [UInt8](repeating: 0, count: 1)
        let (mappedBefore, mappedAfter, blocks) = try ArticleFile.withReleasableBytes(directory.file("large.txt")) {
            bytes, release -> (Bool, Bool, Int) in
            guard let base = bytes.baseAddress else { return (false, false, 0) }
            let start = UnsafeMutableRawPointer(mutating: base)
            let before = mincore(start, pageSize, &vector) == 0
            let article = try? ArticleLoader.load(bytes: bytes, fileName: "large.txt", releasing: release)
            // mincore fails with ENOMEM for an address range that is not mapped.
            let after = mincore(start, pageSize, &vector) == 0
            return (before, after, article?.blocks.count ?? 0)
        }
        #expect(mappedBefore)
        #expect(!mappedAfter)
        #expect(blocks > 1_000)
    }
}
