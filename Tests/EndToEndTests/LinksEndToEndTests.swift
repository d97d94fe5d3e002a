import Foundation
import LocalHTTPServer
import Testing

/// Links in the real binary: a feed article's numbered links, the link list, a stand-in browser
/// that records what it was given, and a linked page saved into the library and read.
@Suite("Links end to end in tmux", .serialized)
struct LinksEndToEndTests {
    let gloss = Package.quoted(Package.gloss)

    /// Relative links throughout: they resolve against the feed's and the entry's URLs.
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Harbor News</title><link>/</link>
        <item><guid>storm</guid><title>Storm closes the harbour</title><link>/news/storm</link>
        <author>desk@news.example (Jo Doe)</author>
        <pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>
        <enclosure url="/storm.mp3" length="42000000" type="audio/mpeg"/>
        <content:encoded><![CDATA[<p>The harbour master read <a href="/met/forecast">the forecast</a> aloud.</p>
        <p>Boats stayed in; see <a href="/maps/harbour?zoom=2">the map</a> and <a href="tides.html">the tide table</a>.</p>]]></content:encoded></item>
        </channel></rss>
        """

    static let tides = """
        <!DOCTYPE html><html><head><title>Tide tables</title></head><body><article><h1>Tide tables</h1>
        <p>The tables are published every morning by the harbour office, and have been since 1911, when the first gauge went in.</p>
        <p>They list high and low water for each day of the year, with heights in metres above chart datum.</p>
        </article></body></html>
        """

    @Test func pickALinkOpenItThenSaveAnotherAndReadIt() throws {
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/feed.xml": return .init(body: Self.feed)
            case "/news/tides.html": return .init(headers: [("Content-Type", "text/html; charset=utf-8")], body: Self.tides)
            default: return .init(status: 404)
            }
        }
        let tmux = try Tmux(width: 110, height: 30)
        let home = tmux.home.path
        let config = tmux.home.appendingPathComponent("config/gloss")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[[feed]]\nurl = \"\(server.url("/feed.xml"))\"\nname = \"Harbor News\"\n"
            .write(to: config.appendingPathComponent("feeds.toml"), atomically: true, encoding: .utf8)
        let recorder = home + "/recorder"
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"\(home)/argv.tmp\" && mv \"\(home)/argv.tmp\" \"\(home)/argv\"\n"
            .write(toFile: recorder, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: recorder)
        let articles = Package.quoted(home + "/articles")
        let data = Package.quoted(home + "/data")
        let options = "--articles \(articles) --data \(data)"

        try tmux.type("\(gloss) fetch \(options)")
        try tmux.waitFor("Harbor News: 1 new")
        try tmux.type("clear; BROWSER=\(Package.quoted(recorder)) \(gloss) \(options)")
        try tmux.waitFor("Harbor News · 1")
        try tmux.keys("Enter")
        // The byline header, then the text with numbered links.
        try tmux.waitFor(all: ["Jo Doe · Harbor News · 2026-11-23", "enclosure audio/mpeg 42 MB [4]", "the forecast[1]", "the map[2]", "¶ 1/2"])

        try tmux.keys("L")
        try tmux.waitFor(all: ["Links (4 of 4)", "[2] the map", "/maps/harbour?zoom=2"])
        try tmux.keys("2", "Enter")
        let argv = home + "/argv"
        var recorded = ""
        for _ in 0..<300 where recorded.isEmpty {
            recorded = (try? String(contentsOfFile: argv, encoding: .utf8)) ?? ""
            if recorded.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(recorded == server.url("/maps/harbour?zoom=2") + "\n")

        try tmux.keys("3", "a")
        try tmux.waitFor("saved \"Tide tables\" — press Enter to read it")
        try tmux.keys("Enter")
        try tmux.waitFor(all: ["The tables are published every morning", "Tide tables"])
        let saved = try FileManager.default.contentsOfDirectory(atPath: home + "/articles/saved")
        #expect(saved.count == 1)
        let text = try String(contentsOfFile: home + "/articles/saved/" + (saved.first ?? ""), encoding: .utf8)
        #expect(text.contains("via: ") && text.contains(".md"))
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
    }
}
