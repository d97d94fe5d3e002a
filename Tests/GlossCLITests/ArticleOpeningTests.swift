import Foundation
import GlossCore
import Testing

@testable import GlossCLI

/// Large articles open from their first part: it must be exactly the start of the whole article.
@Suite("Article opening")
struct ArticleOpeningTests {
    let directory = FileManager.default.temporaryDirectory.path + "/gloss-opening-\(UUID().uuidString)"

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// About `bytes` of prose, one paragraph per line, with non-ASCII words so a cut could split
    /// a character.
    func write(_ name: String, bytes: Int, separator: String = "\n") throws -> String {
        var text = ""
        var number = 0
        while text.utf8.count < bytes {
            number += 1
            let sentence = "Paragraph \(number) says café, naïve and 東京 again before it ends. "
            text += String(repeating: sentence, count: 6) + separator
        }
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aLargePlainArticleOpensFromAPrefixOfItsBlocks() throws {
        let path = try write("large.txt", bytes: 2 << 20)
        let opening = try #require(try ArticleSource.loadOpening(path: path, showing: 0))
        let whole = try ArticleSource.load(path: path)
        #expect(opening.blocks.count > ArticleSource.screenfulOfBlocks)
        #expect(opening.blocks.count < whole.blocks.count / 4)
        #expect(Array(whole.blocks.prefix(opening.blocks.count)) == opening.blocks)
        #expect(opening.metadata.title == whole.metadata.title)
    }

    @Test func aLargeMarkdownArticleIsCutAtABlankLine() throws {
        let path = try write("large.md", bytes: 2 << 20, separator: "\n\n")
        let opening = try #require(try ArticleSource.loadOpening(path: path, showing: 10))
        let whole = try ArticleSource.load(path: path)
        #expect(Array(whole.blocks.prefix(opening.blocks.count)) == opening.blocks)
    }

    @Test func smallFilesAndPositionsBeyondTheOpeningLoadWhole() throws {
        let small = try write("small.txt", bytes: 200_000)
        #expect(try ArticleSource.loadOpening(path: small, showing: 0) == nil)
        let large = try write("deep.txt", bytes: 2 << 20)
        #expect(try ArticleSource.loadOpening(path: large, showing: 20_000) == nil)
    }

    @Test func theCutIsAlwaysAfterALineBreak() {
        let bytes = Array("ab\ncé\n\nd東".utf8)
        for limit in 1...bytes.count {
            guard let cut = ArticleSource.paragraphBreak(in: bytes, before: limit, markdown: false) else { continue }
            #expect(cut <= limit)
            #expect(bytes[cut - 1] == UInt8(ascii: "\n"))
            #expect(String(validating: bytes[..<cut], as: UTF8.self) != nil)
        }
        #expect(ArticleSource.paragraphBreak(in: bytes, before: bytes.count, markdown: true) == 8)
        #expect(ArticleSource.paragraphBreak(in: Array("no breaks".utf8), before: 9, markdown: false) == nil)
    }
}

/// Reading the rest of an article painted from its opening keeps the position the opening was
/// shown at, without reading the state file again.
@Suite("Completing an opened article")
struct ArticleCompletionTests {
    @Test func theRestOfTheArticleKeepsThePositionTheOpeningWasShownAt() throws {
        let fixture = try NotesFixture()
        var text = ""
        for number in 1...8_000 { text += "Paragraph \(number) of a long article, read from its opening first.\n\n" }
        try fixture.write("long.txt", text)
        let services = LiveServices(workspace: fixture.workspace)
        #expect(services.saveReadingPosition(relativePath: "long.txt", block: 5, percent: 1) == nil)
        let opening = try services.openArticle(relativePath: "long.txt").get()
        let (openingIsPartial, openingFocus, openingBlocks) = (opening.isPartial, opening.savedFocus, opening.article.blocks.count)
        #expect(openingIsPartial)
        #expect(openingFocus == 5)
        // Another instance moves the saved position meanwhile: the screen already shown wins.
        let other = LiveServices(workspace: fixture.workspace)
        #expect(other.saveReadingPosition(relativePath: "long.txt", block: 9, percent: 1) == nil)
        let whole = try services.completeArticle(relativePath: "long.txt").get()
        let (wholeIsPartial, wholeFocus, wholeBlocks) = (whole.isPartial, whole.savedFocus, whole.article.blocks.count)
        #expect(!wholeIsPartial)
        #expect(wholeFocus == 5)
        #expect(wholeBlocks > openingBlocks)
        // A later opening reads the state file again.
        let again = try services.openArticle(relativePath: "long.txt").get().savedFocus
        #expect(again == 9)
    }
}
