import Foundation
import LocalHTTPServer
import Testing

@testable import GlossCLI

/// feeds.toml: reading, and the edits of `gloss feeds add` / `gloss feeds remove`.
@Suite("feeds.toml")
struct FeedsFileTests {
    static let sample = """
        # My feeds
        [[feed]]
        url = "https://one.example/rss"
        name = "One"
        tags = ["a"]

        # The second feed, kept for its comment.
        [[feed]]
        url = "https://two.example/atom.xml"   # trailing comment

        [[feed]]
        url = "https://three.example/feed"
        name = "Three"

        """

    @Test func readsUrlsNamesTagsAndFolders() throws {
        let file = try FeedsFile(path: "feeds.toml", text: Self.sample)
        #expect(file.feeds.map(\.url) == ["https://one.example/rss", "https://two.example/atom.xml", "https://three.example/feed"])
        #expect(file.feeds.map(\.displayName) == ["One", "two.example", "Three"])
        #expect(file.feeds.map(\.slug) == ["one", "two-example", "three"])
        #expect(file.feeds[0].tags == ["a"])
    }

    @Test func addingAppendsAndKeepsEverythingElse() throws {
        let file = try FeedsFile(path: "feeds.toml", text: Self.sample)
        let text = try file.adding(FeedSubscription(url: "https://four.example/rss?x=\"y\"", name: "Four \\ Ever", tags: ["b", "c"]))
        #expect(text.hasPrefix(Self.sample))
        #expect(text.hasSuffix("[[feed]]\nurl = \"https://four.example/rss?x=\\\"y\\\"\"\nname = \"Four \\\\ Ever\"\ntags = [\"b\", \"c\"]\n"))
        let again = try FeedsFile(path: "feeds.toml", text: text)
        #expect(again.feeds.last == FeedSubscription(url: "https://four.example/rss?x=\"y\"", name: "Four \\ Ever", tags: ["b", "c"]))
        #expect(throws: FeedsFileError.alreadySubscribed("https://one.example/rss")) {
            try file.adding(FeedSubscription(url: "https://one.example/rss"))
        }
        #expect(try FeedsFile(path: "f", text: "").adding(FeedSubscription(url: "https://x.example/")) == "[[feed]]\nurl = \"https://x.example/\"\n")
    }

    @Test func removingDropsOneTableAndKeepsCommentsOfOthers() throws {
        let file = try FeedsFile(path: "feeds.toml", text: Self.sample)
        let withoutFirst = try file.removing("https://one.example/rss")
        #expect(withoutFirst == """
            # My feeds

            # The second feed, kept for its comment.
            [[feed]]
            url = "https://two.example/atom.xml"   # trailing comment

            [[feed]]
            url = "https://three.example/feed"
            name = "Three"

            """)
        let withoutSecond = try file.removing("https://two.example/atom.xml")
        #expect(try FeedsFile(path: "f", text: withoutSecond).feeds.map(\.url) == ["https://one.example/rss", "https://three.example/feed"])
        #expect(withoutSecond.contains("# The second feed, kept for its comment."))
        #expect(!withoutSecond.contains("trailing comment"))
        #expect(throws: FeedsFileError.notSubscribed("https://nope.example/")) { try file.removing("https://nope.example/") }
    }

    @Test func mistakesAreNamed() {
        #expect(throws: FeedsFileError.invalid(file: "f", message: "feed 1 has no url")) {
            try FeedsFile(path: "f", text: "[[feed]]\nname = \"x\"\n")
        }
        #expect(throws: FeedsFileError.invalid(file: "f", message: "feed 1: unknown key 'tag' (allowed: url, name, tags, keep-days)")) {
            try FeedsFile(path: "f", text: "[[feed]]\nurl = \"https://a.example/\"\ntag = \"x\"\n")
        }
        #expect(throws: (any Error).self) { try FeedsFile(path: "f", text: "[[feed]\nurl = 1") }
        let clash = "[[feed]]\nurl = \"https://a.example/1\"\nname = \"News\"\n[[feed]]\nurl = \"https://b.example/2\"\nname = \"news\"\n"
        #expect(throws: FeedsFileError.invalid(file: "f", message: "feeds https://a.example/1 and https://b.example/2 would share the folder 'news': give one a different name")) {
            try FeedsFile(path: "f", text: clash)
        }
    }

    @Test func theDocumentedExampleReads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Config/feeds.toml"), encoding: .utf8)
        let file = try FeedsFile(path: "Config/feeds.toml", text: text)
        #expect(!file.feeds.isEmpty)
        #expect(file.feeds.allSatisfy { $0.url.hasPrefix("https://") })
    }

    @Test func commandsEditTheUsersFile() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-feeds-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let env = ["XDG_CONFIG_HOME": home + "/config", "GLOSS_DATA_DIR": home + "/data"]
        var run = try GlossProcess.run(["feeds", "add", "https://one.example/rss", "--name", "One", "--tag", "x"], environment: env)
        #expect(run.status == 0)
        #expect(run.out.contains("added One"))
        let path = home + "/config/gloss/feeds.toml"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[[feed]]\nurl = \"https://one.example/rss\"\nname = \"One\"\ntags = [\"x\"]\n")
        run = try GlossProcess.run(["feeds", "add", "https://one.example/rss"], environment: env)
        #expect(run.status == 1)
        #expect(run.err.contains("already subscribed"))
        run = try GlossProcess.run(["feeds", "add", "ftp://one.example/rss"], environment: env)
        #expect(run.status != 0)
        #expect(run.err.contains("only http and https URLs are accepted"))
        run = try GlossProcess.run(["feeds", "list"], environment: env)
        #expect(run.out == "One  https://one.example/rss  → one/  [x]\n")
        run = try GlossProcess.run(["feeds", "remove", "https://one.example/rss"], environment: env)
        #expect(run.status == 0)
        #expect(try FeedsFile(path: path, text: String(contentsOfFile: path, encoding: .utf8)).feeds.isEmpty)
        run = try GlossProcess.run(["feeds", "remove", "https://one.example/rss"], environment: env)
        #expect(run.status == 1)
    }
}

/// `gloss add URL|FILE.html`: a page saved as an article under `saved/`.
@Suite("Saving web pages")
struct AddPageTests {
    static let page = """
        <!DOCTYPE html><html><head><title>Tidal power | Harbor News</title>
        <meta property="og:site_name" content="Harbor News"><meta name="author" content="Ada Desk">
        <meta property="article:published_time" content="2026-11-20T08:00:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Harbor cities bet on tidal power</h1>
        <p>Harbor cities are betting that the tide can pay for the lights, and the numbers are finally close enough to matter.</p>
        <p>Engineers say the turbines will be installed next spring, after a long review of the moorings and grid links.</p>
        <blockquote><p>We are not betting on the weather, we are betting on the moon.</p></blockquote>
        <img src="/turbine.jpg" alt="A turbine being lowered">
        </article><aside class="comments">Comment spam</aside><script>track()</script></body></html>
        """

    @Test func savesAFileAndAURLOnce() throws {
        let fixture = try NotesFixture()
        let html = fixture.root + "/page.html"
        try Self.page.write(toFile: html, atomically: true, encoding: .utf8)
        var run = try GlossProcess.run(["add", html, "--tag", "energy", "--articles", fixture.articles, "--data", fixture.data])
        #expect(run.status == 0)
        #expect(run.out == "saved saved/2026-11-20-harbor-cities-bet-on-tidal-power.md\n")
        let text = try String(contentsOfFile: fixture.articles + "/saved/2026-11-20-harbor-cities-bet-on-tidal-power.md", encoding: .utf8)
        #expect(text.contains("tags: [energy]"))
        #expect(text.contains("We are not betting on the weather"))
        #expect(text.contains("image: A turbine being lowered"))
        #expect(!text.contains("Comment spam"))
        #expect(!text.contains("track()"))
        run = try GlossProcess.run(["add", html, "--tag", "energy", "--articles", fixture.articles, "--data", fixture.data])
        #expect(run.out == "already saved: saved/2026-11-20-harbor-cities-bet-on-tidal-power.md\n")

        let server = try LocalHTTPServer { request in
            request.path == "/story" ? .init(headers: [("Content-Type", "text/html; charset=utf-8")], body: Self.page) : .init(status: 404)
        }
        run = try GlossProcess.run(["add", server.url("/story"), "--articles", fixture.articles, "--data", fixture.data])
        #expect(run.status == 0)
        #expect(run.out == "saved saved/2026-11-20-harbor-cities-bet-on-tidal-power-2.md\n")
        let fetched = try String(contentsOfFile: fixture.articles + "/saved/2026-11-20-harbor-cities-bet-on-tidal-power-2.md", encoding: .utf8)
        #expect(fetched.contains("url: \"\(server.url("/story"))\""))
        run = try GlossProcess.run(["add", server.url("/gone"), "--articles", fixture.articles, "--data", fixture.data])
        #expect(run.status == 1)
        #expect(run.err.contains("HTTP 404"))
        run = try GlossProcess.run(["add", "file:///etc/passwd", "--articles", fixture.articles])
        #expect(run.status != 0)
        #expect(run.err.contains("only http and https URLs are accepted"))
    }
}
