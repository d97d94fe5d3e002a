import Testing

@testable import GlossCore

@Suite("Article loading robustness")
struct ArticleRobustnessTests {
    @Test("A UTF-8 byte order mark is stripped", arguments: ["a.txt", "a.md"])
    func byteOrderMark(fileName: String) throws {
        let article = try loadArticle("\u{FEFF}First paragraph here.\n", fileName: fileName)
        #expect(article.blocks.map(\.text) == ["First paragraph here."])
    }

    @Test("CRLF and lone CR become LF", arguments: ["a.txt", "a.md"])
    func lineEndings(fileName: String) throws {
        let article = try loadArticle("\(prose(3))\r\n\(prose(3, offset: 1))\r\(prose(2, offset: 2))\r\n", fileName: fileName)
        let expected = fileName.hasSuffix(".md")
            ? [[prose(3), prose(3, offset: 1), prose(2, offset: 2)].joined(separator: " ")]
            : [prose(3), prose(3, offset: 1), prose(2, offset: 2)]
        #expect(article.blocks.map(\.text) == expected)
    }

    @Test("Decomposed (NFD) text is loaded as NFC, so block offsets match annotation offsets", arguments: ["a.txt", "a.md"])
    func decomposedTextBecomesNFC(fileName: String) throws {
        let decomposed = "Cafe\u{301} in Mu\u{308}nchen, *prêt*."
        let article = try loadArticle(decomposed + "\n", fileName: fileName)
        let text = try #require(article.blocks.first?.text)
        #expect(text.unicodeScalars.contains("\u{E9}"))
        #expect(!text.unicodeScalars.contains("\u{301}"))
        #expect(ArticleText(article).text == text)
        #expect(Array(text.unicodeScalars) == Array(ArticleText.nfc(text).unicodeScalars))
    }

    @Test("Code blocks keep no CR from CRLF files")
    func crlfCode() throws {
        let article = try loadMarkdown("```\r\na\r\n\r\nb\r\n```\r\n")
        #expect(article.blocks.map(\.text) == ["a\n\nb"])
    }

    @Test("Invalid UTF-8 becomes U+FFFD with a warning naming the offset", arguments: ["a.txt", "a.md"])
    func invalidUTF8(fileName: String) throws {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" au lait, ".utf8) + [0xF0, 0x9F] + Array(" fin.".utf8)
        let article = try ArticleLoader.load(bytes: bytes, fileName: fileName)
        #expect(article.blocks.map(\.text) == ["Caf\u{FFFD} au lait, \u{FFFD} fin."])
        #expect(article.warnings == ["invalid UTF-8 at byte offset 3 was replaced with U+FFFD"])
    }

    @Test(
        "UTF-8 validation rejects overlongs, surrogates and values above U+10FFFF",
        arguments: [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82]] as [[UInt8]]
    )
    func invalidSequences(sequence: [UInt8]) throws {
        let bytes = Array("Valid text é 😀 ".utf8) + sequence
        #expect(bytes.withUnsafeBufferPointer { ByteScan.firstInvalidUTF8Offset(in: $0) } == 19)
        let article = try ArticleLoader.load(bytes: bytes, fileName: "a.txt")
        #expect(article.warnings.count == 1)
        #expect(article.blocks.first?.text.unicodeScalars.contains("\u{FFFD}") == true)
    }

    @Test("Valid multi-byte text gives no warning")
    func validUnicode() throws {
        let text = String(repeating: "東京 서울 北京 é ü 😀 👩‍🔬 ", count: 50)
        let article = try loadArticle(text)
        #expect(article.warnings.isEmpty)
        #expect(article.blocks.first?.text == String(text.dropLast()))
    }

    @Test("A NUL byte anywhere means a binary file", arguments: ["a.txt", "a.md"])
    func nulByte(fileName: String) throws {
        let bytes = Array(String(repeating: "text ", count: 30).utf8) + [0] + Array("more".utf8)
        #expect(throws: ArticleLoadError.binary("NUL byte at offset 150")) {
            try ArticleLoader.load(bytes: bytes, fileName: fileName)
        }
        #expect(ArticleLoadError.binary("NUL byte at offset 150").description == "binary file (NUL byte at offset 150)")
    }

    @Test("The byte search finds the first match in every position of a word")
    func byteSearch() {
        for position in 0..<40 {
            var bytes = [UInt8](repeating: 0x41, count: 40)
            bytes[position] = 0x0A
            if position + 3 < 40 { bytes[position + 3] = 0x0A }
            let found = bytes.withUnsafeBufferPointer { ByteScan.firstIndex(of: 0x0A, in: $0) }
            #expect(found == position)
            let after = bytes.withUnsafeBufferPointer { ByteScan.firstIndex(of: 0x0A, in: $0, from: position + 1) }
            #expect(after == (position + 3 < 40 ? position + 3 : nil))
        }
    }

    @Test(
        "Empty and blank files give an article with no blocks",
        arguments: ["", " ", "\n\n", " \t \n  \r\n", "\u{FEFF}", "---\ntitle: Only metadata\n---\n"]
    )
    func emptyFiles(text: String) throws {
        for fileName in ["empty.txt", "empty.md"] {
            let article = try loadArticle(text, fileName: fileName)
            #expect(article.isEmpty)
            #expect(article.wordCount == 0)
            #expect(!article.metadata.title.isEmpty)
        }
    }

    @Test("A 2 MB single paragraph loads as one block", arguments: ["big.txt", "big.md"])
    func hugeParagraph(fileName: String) throws {
        let sentence = "Word after word, the paragraph goes on and on without a break. "
        let paragraph = String(repeating: sentence, count: 2_000_000 / sentence.utf8.count + 1)
        let article = try loadArticle(paragraph, fileName: fileName)
        #expect(article.blocks.count == 1)
        #expect(article.blocks.first?.text.utf8.count == paragraph.utf8.count - 1)
    }

    @Test("Many lines load as many blocks")
    func manyLines() throws {
        let line = prose(2)
        let text = Array(repeating: line, count: 20_000).joined(separator: "\n")
        let article = try loadArticle(text)
        #expect(article.format == .plainLines)
        #expect(article.blocks.count == 20_000)
        #expect(article.blocks.last?.text == line)
    }

    @Test("Control characters and escape sequences stay in the text", arguments: ["a.txt", "a.md"])
    func controlCharacters(fileName: String) throws {
        let text = "Red \u{1B}[31malert\u{1B}[0m, bell \u{07}, form \u{0C} feed and DEL \u{7F} kept, C1 \u{9B} too."
        let article = try loadArticle(text, fileName: fileName)
        #expect(article.blocks.map(\.text) == [text])
    }
}
