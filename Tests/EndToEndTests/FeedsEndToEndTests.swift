import Foundation
import LocalHTTPServer
import Testing

/// Feeds in the real binary: fetch from a local server, read and annotate a new article in the
/// library, then fetch an updated version with R and find the note kept.
@Suite("Feeds end to end in tmux", .serialized)
struct FeedsEndToEndTests {
    let gloss = Package.quoted(Package.gloss)

    static func feed(correction: Bool) -> String {
        let battery = (correction ? "<p>Correction: the vote was moved to July.</p>" : "")
            + "<p>The council approved the harbor battery on Monday.</p><p>Residents asked whether the battery is safe.</p>"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Harbor News</title><link>https://news.example/</link>
            <item><guid>battery</guid><title>Harbor battery approved</title><link>https://news.example/battery</link>
            <pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate><content:encoded><![CDATA[\(battery)]]></content:encoded></item>
            <item><guid>tide</guid><title>Tide tables revised</title><link>https://news.example/tide</link>
            <pubDate>Tue, 24 Nov 2026 07:30:00 GMT</pubDate><description>The tide tables were revised.</description></item>
            </channel></rss>
            """
    }

    @Test func fetchReadAnnotateAndKeepTheNoteThroughAnUpdate() throws {
        let version = Version()
        let server = try LocalHTTPServer { request in
            request.path == "/feed.xml" ? .init(body: Self.feed(correction: version.updated)) : .init(status: 404)
        }
        let tmux = try Tmux(width: 110, height: 30)
        let config = tmux.home.appendingPathComponent("config/gloss")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[[feed]]\nurl = \"\(server.url("/feed.xml"))\"\nname = \"Harbor News\"\ntags = [\"local\"]\n"
            .write(to: config.appendingPathComponent("feeds.toml"), atomically: true, encoding: .utf8)
        let articles = Package.quoted(tmux.home.appendingPathComponent("articles").path)
        let data = Package.quoted(tmux.home.appendingPathComponent("data").path)
        let options = "--articles \(articles) --data \(data)"

        try tmux.type("\(gloss) fetch \(options)")
        try tmux.waitFor("Harbor News: 2 new, 0 updated, 0 unchanged")

        try tmux.type("clear; \(gloss) \(options)")
        try tmux.waitFor("Harbor News · 2 · 2 unread")
        // Newest first: the tide tables, then the battery.
        try tmux.keys("j", "Enter")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j")
        try tmux.waitFor("¶ 2/")
        try tmux.keys("h")
        try tmux.waitFor("highlighted ¶ 2")
        try tmux.keys("a")
        try tmux.waitFor("Note · ¶")
        try tmux.type("ask the fire brigade")
        try tmux.waitFor("note saved")
        try tmux.keys("q")
        try tmux.waitFor("Harbor News · 2 · 1 unread")

        version.updated = true
        try tmux.keys("R")
        try tmux.waitFor("fetched 1 feed: 0 new, 1 updated")
        try tmux.keys("Enter")
        let reopened = try tmux.waitFor(all: ["ask the fire brigade", "Correction: the vote was moved to July.", "¶ 3"])
        #expect(!reopened.contains("Orphaned"))
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
    }
}

/// Which version of the feed the server hands out.
final class Version: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var updated: Bool {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
