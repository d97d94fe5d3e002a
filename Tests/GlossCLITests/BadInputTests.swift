import Foundation
import Glibc
import GlossCore
import Testing

/// The bad input matrix of docs/RELIABILITY.md: every kind of bad article and bad config, through
/// the real binary. Each gives one clear message (or a clearly marked library row) and no crash.
@Suite("Bad input matrix", .serialized)
struct BadInputTests {
    /// An articles folder and a data folder in a fresh temporary directory.
    final class Library {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-bad-\(UUID())").path
        var articles: String { root + "/articles" }
        var data: String { root + "/data" }

        init() throws {
            try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
            chmod(root, 0o755)
            chmod(articles, 0o755)
        }

        deinit {
            _ = try? FileManager.default.subpathsOfDirectory(atPath: root).forEach { chmod(root + "/" + $0, 0o700) }
            try? FileManager.default.removeItem(atPath: root)
        }

        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: articles + "/" + name))
        }

        func run(_ arguments: [String], config: String? = nil, asOrdinaryUser: Bool = false) throws -> GlossBinary.Result {
            let result = try GlossBinary.run(arguments, articles: articles, data: data, config: config, asOrdinaryUser: asOrdinaryUser)
            #expect(!result.signaled, "gloss \(arguments) crashed: \(result.err)")
            return result
        }

        /// The `gloss list` row of `file`.
        func listRow(_ file: String, asOrdinaryUser: Bool = false) throws -> String? {
            let list = try run(["list"], asOrdinaryUser: asOrdinaryUser)
            #expect(list.status == 0, "\(list.err)")
            return list.out.split(separator: "\n").map(String.init).first { $0.contains(file) }
        }
    }

    @Test func aBinaryFileIsRefusedWithWhatGaveItAway() throws {
        let library = try Library()
        try library.write("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8))
        let dump = try library.run(["dump", "image.md"])
        #expect(dump.status == 1)
        #expect(dump.err == "gloss: \(library.articles)/image.md: binary file (NUL byte at offset 8)\n")
        #expect(try library.listRow("image.md")?.hasSuffix("image.md (binary file (NUL byte at offset 8))") == true)
    }

    @Test func nulBytesInATextFileAreRefused() throws {
        let library = try Library()
        try library.write("nul.txt", Array("Some text\u{0}and more".utf8))
        let dump = try library.run(["dump", "nul.txt"])
        #expect(dump.status == 1)
        #expect(dump.err.contains("nul.txt: binary file (NUL byte at offset 9)"))
    }

    @Test func invalidUTF8IsReplacedAndReported() throws {
        let library = try Library()
        try library.write("latin1.txt", Array("Caf".utf8) + [0xE9] + Array(" au lait.\n\nEnd ".utf8) + [0xFF, 0xFE])
        let dump = try library.run(["dump", "latin1.txt"])
        #expect(dump.status == 0)
        #expect(dump.out.contains("Caf\u{FFFD} au lait."))
        #expect(dump.err == "gloss: latin1.txt: invalid UTF-8 at byte offset 3 was replaced with U+FFFD\n")
    }

    @Test func fiftyMegabytesAreReadWhole() throws {
        let library = try Library()
        let paragraph = Array((String(repeating: "Fifty megabytes of plain prose, read whole. ", count: 40) + "\n\n").utf8)
        let copies = (50 << 20) / paragraph.count + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(copies * paragraph.count)
        for _ in 0..<copies { bytes += paragraph }
        try library.write("big.txt", bytes)
        let list = try library.run(["list", "--json"])
        #expect(list.status == 0, "\(list.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
        #expect(rows.first?["words"] as? Int == copies * 40 * 7)
    }

    @Test func aTwoMegabyteLineWrapsWithinTheWidth() throws {
        let library = try Library()
        let line = String(repeating: "word ", count: 2 << 20 / 5)
        try library.write("line.txt", Array(line.utf8))
        let dump = try library.run(["dump", "line.txt", "--width", "60"])
        #expect(dump.status == 0, "\(dump.err)")
        let lines = dump.out.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 })
        // Every word of the line is shown (the title repeats its first words).
        #expect(lines.reduce(0) { $0 + $1.split(separator: " ").count } >= 2 << 20 / 5)
    }

    @Test func crlfLineEndsAndAByteOrderMarkAreInvisible() throws {
        let library = try Library()
        let text = "\u{FEFF}---\r\ntitle: Windows file\r\n---\r\n\r\n# A heading\r\n\r\nBody line one\r\nline two.\r\n"
        try library.write("windows.md", Array(text.utf8))
        let dump = try library.run(["dump", "windows.md"])
        #expect(dump.status == 0, "\(dump.err)")
        #expect(!dump.out.contains("\r") && !dump.out.contains("\u{FEFF}") && !dump.out.contains("␍"))
        #expect(dump.out.contains("A heading"))
        #expect(dump.out.contains("Body line one line two."))
        #expect(try library.listRow("windows.md")?.hasPrefix("Windows file") == true)
    }

    @Test func controlAndEscapeSequencesAreShownAsPlaceholders() throws {
        let library = try Library()
        let hostile = "# Title \u{1B}]0;owned\u{07}\n\nClear \u{1B}[2J, clipboard \u{1B}]52;c;aGVsbG8=\u{07}, C1 \u{9B}31m, "
            + "bidi \u{202E}txt.exe\u{202C} and \u{2066}isolate\u{2069}, delete \u{7F}.\n"
        try library.write("hostile.md", Array(hostile.utf8))
        let dump = try library.run(["dump", "hostile.md"])
        #expect(dump.status == 0)
        let unsafe = dump.out.unicodeScalars.filter { TerminalSafe.needsPlaceholder($0) && $0 != "\n" }
        #expect(unsafe.isEmpty, "unsafe scalars reached the output: \(unsafe.map { String($0.value, radix: 16) })")
        #expect(dump.out.contains("␛]52;c;aGVsbG8=␇"))
        #expect(dump.out.contains("␛[2J"))
        #expect(dump.out.contains("⇄txt.exe⇄"))
        let row = try #require(try library.listRow("hostile.md"))
        #expect(row.hasPrefix("Title ␛]0;owned␇"))
    }

    @Test func aSymbolicLinkLoopIsListedAndRefused() throws {
        let library = try Library()
        symlink("loop.md", library.articles + "/loop.md")
        symlink("b.md", library.articles + "/a.md")
        symlink("a.md", library.articles + "/b.md")
        #expect(try library.listRow("loop.md")?.hasSuffix("loop.md (symbolic link loop)") == true)
        #expect(try library.listRow("a.md")?.hasSuffix("a.md (symbolic link loop)") == true)
        let dump = try library.run(["dump", library.articles + "/loop.md"])
        #expect(dump.status == 1)
        #expect(dump.err == "gloss: \(library.articles)/loop.md: \(library.articles)/loop.md is a symbolic link loop\n")
    }

    @Test func anUnreadableFileIsListedAndRefused() throws {
        let library = try Library()
        try library.write("secret.md", Array("# Secret\n\nText.\n".utf8))
        try library.write("open.md", Array("# Open\n\nText.\n".utf8))
        GlossBinary.giveToOrdinaryUser(library.root)
        chmod(library.articles + "/secret.md", 0o000)
        #expect(try library.listRow("secret.md", asOrdinaryUser: true)?.hasSuffix("secret.md (permission denied)") == true)
        #expect(try library.listRow("open.md", asOrdinaryUser: true)?.hasPrefix("Open ") == true)
        let dump = try library.run(["dump", "secret.md"], asOrdinaryUser: true)
        #expect(dump.status == 1)
        #expect(dump.err == "gloss: \(library.articles)/secret.md: Permission denied: \(library.articles)/secret.md\n")
    }

    @Test func aDirectoryNamedLikeAnArticleIsWalkedNotRead() throws {
        let library = try Library()
        try FileManager.default.createDirectory(atPath: library.articles + "/folder.md", withIntermediateDirectories: true)
        try library.write("folder.md/inside.txt", Array("Inside\n\nText.\n".utf8))
        let row = try #require(try library.listRow("folder.md"))
        #expect(row.hasSuffix("folder.md/inside.txt"))
        let dump = try library.run(["dump", "folder.md"])
        #expect(dump.status == 1)
        #expect(dump.err == "gloss: \(library.articles)/folder.md: \(library.articles)/folder.md is a directory, not a file\n")
    }

    @Test(arguments: [
        ("[reader\nmeasure = 80\n", "config.toml:1", "syntax error"),
        ("[reader]\nmeasure = \"wide\"\n", "config.toml:2", "reader.measure must be"),
        ("[reader]\nmeasure = 5\n", "config.toml:2", "reader.measure must be"),
        ("[reader]\nmesure = 70\n", "config.toml:2", "unknown key \"reader.mesure\" (did you mean \"measure\"?)"),
        ("[colours]\ntitle = \"bold\"\n", "config.toml:1", "unknown key \"colours\""),
        ("x = 1\n{ESC}]52;c;aGk={BEL} = 2\n", "config.toml:2", "syntax error"),
        ("[pane]\nvisible = \"yes\"\n", "config.toml:2", "pane.visible must be"),
        ("[reader]\nmeasure = 80{NUL}{ESC}[2J", "config.toml:2", "NUL byte"),
    ])
    func aBadConfigStopsWithTheFileLineAndKey(config: String, location: String, reason: String) throws {
        let library = try Library()
        let path = library.root + "/config.toml"
        // Controls are spelled out in the arguments, which the test log prints.
        let text = config.replacingOccurrences(of: "{ESC}", with: "\u{1B}").replacingOccurrences(of: "{BEL}", with: "\u{07}")
            .replacingOccurrences(of: "{NUL}", with: "\u{0}")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        for command in [["list"], ["dump", "x.md"]] {
            let result = try library.run(command, config: path)
            #expect(result.status == 2, "\(result.err)")
            #expect(result.err.hasPrefix("gloss: \(library.root)/\(location)"), "\(result.err)")
            #expect(result.err.contains(reason))
            #expect(result.err.split(separator: "\n").count == 1)
            #expect(!result.err.contains("\u{1B}"))
        }
    }
}
