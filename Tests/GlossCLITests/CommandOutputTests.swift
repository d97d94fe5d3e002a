import Foundation
import Glibc
import GlossCore
import LocalHTTPServer
import Testing

/// The two rules every command's output keeps (docs/SECURITY.md, docs/RELIABILITY.md): no byte
/// from outside reaches the terminal raw, whatever command prints it; and a failed write to
/// stdout is an error, never exit 0 with the output cut short.
@Suite("Every command's output", .serialized)
struct CommandOutputTests {
    /// ESC ] 52 (a clipboard write), BEL, CSI 2J (clear screen), the C1 CSI, DEL and a bidi override.
    static let hostile = "\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}[2J\u{9B}1m\u{7F}\u{202E}"

    /// A library whose file names, titles, notes, feeds and server answers are all hostile.
    final class HostileWorld {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-out-\(UUID())").path
        var articles: String { root + "/articles" }
        var data: String { root + "/data" }
        var feeds: String { root + "/feeds.toml" }
        var page: String { root + "/page.html" }
        let fileName = "evil" + CommandOutputTests.hostile + ".md"
        let server: LocalHTTPServer

        init() throws {
            let articles = root + "/articles"
            try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
            let hostile = CommandOutputTests.hostile
            try "# Title \(hostile)\n\nThe text \(hostile) of the article.\n"
                .write(toFile: articles + "/evil" + hostile + ".md", atomically: true, encoding: .utf8)
            try "<html><head><title>Page \(hostile)</title></head><body><article><h1>Page \(hostile)</h1><p>\(String(repeating: "A paragraph with words \(hostile). ", count: 20))</p></article></body></html>"
                .write(toFile: root + "/page.html", atomically: true, encoding: .utf8)
            let feed = FeedFixtures.rss(title: "Feed \(hostile)", [
                FeedFixtures.Item(guid: "h1", title: "Entry \(hostile)", date: "Mon, 23 Nov 2026 09:00:00 GMT", html: "<p>Body \(hostile)</p>"),
            ])
            server = try LocalHTTPServer { request in
                switch request.path {
                case "/feed.xml": return .init(body: feed)
                case "/page.html": return .init(body: "<html><head><title>Web \(hostile)</title></head><body><p>Served \(hostile) text.</p></body></html>")
                // A redirect whose Location holds escape sequences, as the issue found.
                default: return .redirect(to: "/moved\(hostile)")
                }
            }
            // TOML basic strings spell the controls as escapes; the file itself stays text.
            let name = "Name \\u001B]0;title\\u0007 \\u202E"
            try """
                [[feed]]
                url = "\(server.url("/feed.xml"))"
                name = "\(name)"

                [[feed]]
                url = "\(server.url("/redirect"))"
                name = "Redirected \\u001B[2J"
                """.write(toFile: root + "/feeds.toml", atomically: true, encoding: .utf8)
        }

        deinit {
            server.stop()
            try? FileManager.default.removeItem(atPath: root)
        }

        func run(_ arguments: [String], stdout: String? = nil) throws -> GlossBinary.Result {
            try GlossBinary.run(arguments, articles: articles, data: data, stdout: stdout)
        }

        /// Every command, each on the hostile names, titles, URLs and answers it can meet.
        var commands: [[String]] {
            let hostile = CommandOutputTests.hostile
            return [
                ["annotate", fileName, "--paragraph", "2", "--note", "Note \(hostile)"],
                ["list"], ["list", "--json"],
                ["dump", fileName], ["dump", "missing\(hostile).md"],
                ["notes"], ["notes", "--json"], ["notes", fileName], ["notes", "missing\(hostile).md"],
                ["export", fileName], ["export", "--all"], ["export", "--all", "--format", "json"],
                ["fetch", "--feeds", feeds, "--timeout", "10"],
                ["feeds", "list", "--feeds", feeds],
                ["feeds", "add", "http://example.invalid/\(hostile)", "--feeds", feeds],
                ["feeds", "add", "http://example.invalid/feed", "--name", "Added \(hostile)", "--feeds", feeds],
                ["feeds", "remove", "http://nowhere.invalid/\(hostile)", "--feeds", feeds],
                ["add", page], ["add", server.url("/page.html")], ["add", server.url("/redirect")],
                ["add", "http://example.invalid/\(hostile)"],
                ["read", "missing\(hostile).md"], ["read", "missing\(hostile).md", "--paragraph", "2"],
                // ArgumentParser's own messages quote the arguments.
                [hostile], ["list", "--\(hostile)"], ["export", fileName, "--format", hostile],
                ["dump", fileName, "--width", hostile], ["--help"],
            ]
        }
    }

    /// Any scalar a terminal would act on, other than the line breaks and tabs of the layout.
    static func unsafeScalars(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && TerminalSafe.needsPlaceholder($0) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test func noCommandSendsAControlOrBidiCharacterFromOutsideToTheTerminal() throws {
        let world = try HostileWorld()
        var failedAsExpected = 0
        for command in world.commands {
            let result = try world.run(command)
            #expect(!result.signaled, "\(command) crashed")
            #expect(Self.unsafeScalars(result.out).isEmpty, "stdout of \(command.map(TerminalSafe.visible)): \(Self.unsafeScalars(result.out))")
            #expect(Self.unsafeScalars(result.err).isEmpty, "stderr of \(command.map(TerminalSafe.visible)): \(Self.unsafeScalars(result.err))")
            if result.status != 0 { failedAsExpected += 1 }
        }
        // The hostile parts did reach the output, as placeholders.
        let list = try world.run(["list"])
        #expect(list.out.contains("evil␛]52;c;aGVsbG8=␇␛[2J␦1m␡⇄.md"))
        let fetch = try world.run(["fetch", "--feeds", world.feeds, "--timeout", "10"])
        #expect(fetch.out.contains("Redirected ␛[2J: error"))
        let feeds = try world.run(["feeds", "list", "--feeds", world.feeds])
        #expect(feeds.out.contains("last error"))
        let read = try world.run(["read", "missing\(Self.hostile).md"])
        #expect(read.err.contains("no such article: missing␛]52;c;aGVsbG8=␇"))
        #expect(read.status == 1)
        #expect(failedAsExpected > 5)
    }

    @Test func anExportToStdoutEscapesBidiControlsAsNotesAndListDo() throws {
        let world = try HostileWorld()
        let annotate = try world.run(["annotate", world.fileName, "--paragraph", "2", "--note", "Note \u{202E}txt.exe"])
        #expect(annotate.status == 0)
        let markdown = try world.run(["export", world.fileName])
        #expect(markdown.status == 0)
        #expect(Self.unsafeScalars(markdown.out).isEmpty)
        // A character reference: a Markdown reader shows the same text as before.
        #expect(markdown.out.contains("&#8238;txt.exe"))
        let json = try world.run(["export", world.fileName, "--format", "json"])
        #expect(Self.unsafeScalars(json.out).isEmpty)
        #expect(json.out.contains("\\u202Etxt.exe"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(decoded != nil)
        #expect(String(data: Data(json.out.utf8), encoding: .utf8)?.contains("\u{202E}") == false)
    }

    /// Every printing command, with stdout on /dev/full: exit 1 and a message, never 0.
    @Test func everyCommandFailsWhenItsOutputCannotBeWritten() throws {
        let world = try HostileWorld()
        #expect(try world.run(["annotate", world.fileName, "--paragraph", "2", "--note", "n"]).status == 0)
        let commands: [[String]] = [
            ["list"], ["list", "--json"], ["dump", world.fileName], ["notes"], ["notes", "--json"],
            ["notes", world.fileName], ["export", world.fileName], ["export", "--all", "--format", "json"],
            ["annotate", world.fileName, "--paragraph", "2"], ["feeds", "list", "--feeds", world.feeds],
            ["feeds", "add", world.server.url("/other.xml"), "--feeds", world.feeds],
            ["feeds", "remove", world.server.url("/other.xml"), "--feeds", world.feeds],
            ["fetch", "--feeds", world.feeds, "--timeout", "10"], ["add", world.page], ["--help"], ["list", "--help"],
            ["--version"],
        ]
        for command in commands {
            let result = try world.run(command, stdout: "/dev/full")
            #expect(result.status == 1, "\(command) exited \(result.status) on /dev/full")
            #expect(result.err.contains("gloss: cannot write to standard output: No space left on device"), "\(command): \(result.err)")
        }
        // The same commands succeed when stdout can be written.
        #expect(try world.run(["notes", "--json"]).status == 0)
    }

    /// The case as found: `notes --json > f` on a full disk kept the first 4,096 bytes and exited 0.
    @Test(.enabled(if: SmallDisk.canMount, "mounting a tmpfs is not permitted here"))
    func anOutputCutShortByAFullDiskIsAnError() throws {
        let world = try HostileWorld()
        for index in 0..<12 {
            let note = "note \(index) " + String(repeating: "words ", count: 60)
            #expect(try world.run(["annotate", world.fileName, "--paragraph", "2", "--note", note]).status == 0)
        }
        let complete = try world.run(["notes", "--json"])
        #expect(complete.out.utf8.count > 8192)
        let disk = try SmallDisk(at: world.root + "/disk")
        defer { disk.unmount() }
        disk.fill()
        // One page free: the first 4,096 bytes fit, the rest does not.
        var info = stat()
        #expect(stat(disk.filler, &info) == 0)
        #expect(truncate(disk.filler, info.st_size - 4096) == 0)
        let output = disk.path + "/notes.json"
        #expect(FileManager.default.createFile(atPath: output, contents: nil))
        let cut = try world.run(["notes", "--json"], stdout: output)
        #expect(cut.status == 1)
        #expect(cut.err.contains("cannot write to standard output: No space left on device"))
        let kept = FileManager.default.contents(atPath: output)?.count ?? 0
        #expect(kept < complete.out.utf8.count)
    }
}
