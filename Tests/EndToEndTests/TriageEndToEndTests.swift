import Foundation
import LocalHTTPServer
import Testing

/// Triage in the real binary: a fetched feed, `N`, `s`, `e`, the views, `D` then
/// `gloss trash restore`, and `J`/`K` in the reader.
@Suite("Triage end to end in tmux", .serialized)
struct TriageEndToEndTests {
    let gloss = Package.quoted(Package.gloss)

    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Valley Post</title><link>https://valley.example/</link>
        <item><guid>1</guid><title>First story</title><link>https://valley.example/1</link>
        <pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate><description>The first story.</description></item>
        <item><guid>2</guid><title>Second story</title><link>https://valley.example/2</link>
        <pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate><description>The second story.</description></item>
        <item><guid>3</guid><title>Third story</title><link>https://valley.example/3</link>
        <pubDate>Wed, 25 Nov 2026 09:00:00 GMT</pubDate><description>The third story.</description></item>
        </channel></rss>
        """

    @Test func markStarArchiveViewsDeleteRestoreAndNextArticle() throws {
        let server = try LocalHTTPServer { request in
            request.path == "/feed.xml" ? .init(body: Self.feed) : .init(status: 404)
        }
        let tmux = try Tmux(width: 100, height: 30)
        let config = tmux.home.appendingPathComponent("config/gloss")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[[feed]]\nurl = \"\(server.url("/feed.xml"))\"\nname = \"Valley Post\"\n"
            .write(to: config.appendingPathComponent("feeds.toml"), atomically: true, encoding: .utf8)
        let articles = Package.quoted(tmux.home.appendingPathComponent("articles").path)
        let data = Package.quoted(tmux.home.appendingPathComponent("data").path)
        let options = "--articles \(articles) --data \(data)"
        try tmux.type("\(gloss) fetch \(options)")
        try tmux.waitFor("Valley Post: 3 new")

        try tmux.type("clear; \(gloss) \(options)")
        try tmux.waitFor(all: ["Valley Post · 3 · 3 unread", "Inbox 3 · 3 unread"])
        // Newest first: Third is selected. N marks it read, s stars it.
        try tmux.keys("N")
        try tmux.waitFor(all: ["Valley Post · 3 · 2 unread", "Inbox 3 · 2 unread"])
        try tmux.keys("s")
        try tmux.waitFor("★ Third story")
        // e archives Second: it leaves the Inbox and shows in the Archive view.
        try tmux.keys("j", "e")
        try tmux.waitFor("Inbox 2 · 1 unread")
        try tmux.keys("4")
        try tmux.waitFor(all: ["Archive 1 · 1 unread", "Second story"])
        try tmux.keys("3")
        try tmux.waitFor(all: ["Starred 1 · 0 unread", "★ Third story"])
        try tmux.keys("2")
        try tmux.waitFor(all: ["Unread 1 · 1 unread", "First story"])
        try tmux.keys("1")
        try tmux.waitFor("Inbox 2 · 1 unread")

        // D asks, y moves First story to the trash.
        try tmux.keys("j", "D")
        try tmux.waitFor("delete \"First story\"? (y/n)")
        try tmux.keys("y")
        try tmux.waitFor("moved \"First story\" to the trash")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        try tmux.type("clear; \(gloss) trash list \(options)")
        try tmux.waitFor("valley-post/")
        try tmux.type("clear; \(gloss) trash restore \"$(\(gloss) trash list \(options) | awk '{print $3}')\" \(options)")
        try tmux.waitFor("restored valley-post/")

        // Back in the library: J and K move through the Inbox in order from the reader.
        try tmux.type("clear; \(gloss) \(options)")
        try tmux.waitFor("Inbox 2 · 1 unread")
        try tmux.keys("Enter")
        try tmux.waitFor("Third story")
        try tmux.keys("J")
        try tmux.waitFor(all: ["First story", "¶ 1/"])
        try tmux.keys("J")
        try tmux.waitFor("no next article in Inbox")
        try tmux.keys("K")
        try tmux.waitFor("Third story")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        // The marks were saved: the list shows them.
        try tmux.type("clear; \(gloss) list --view archive \(options)")
        try tmux.waitFor("Second story")
    }
}
