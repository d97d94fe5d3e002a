import Foundation
import GlossCore
import GlossStorage
import LocalHTTPServer
import Testing

@testable import GlossCLI

/// What one feed may make a fetch write, and feeds that repeat their ids.
@Suite("Feed fetch limits and repeated ids")
struct FeedFetchLimitTests {
    func files(_ fixture: NotesFixture, in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixture.articles + "/" + folder)) ?? []).sorted()
    }

    func fetcher(_ fixture: NotesFixture, maxBytes: Int) -> FeedFetcher {
        FeedFetcher(
            articlesDirectory: fixture.articles, dataDirectory: fixture.data,
            limits: HTTPLimits(timeout: 10, maxBytes: maxBytes, maxRedirects: 3))
    }

    /// A feed served on 127.0.0.1 with an empty articles and data folder to fetch it into.
    struct Served {
        let server: LocalHTTPServer
        let fixture: NotesFixture
        let feed: FeedSubscription
    }

    func serve(_ body: String, name: String, tags: [String] = []) throws -> Served {
        let routes = FeedRoutes()
        let server = try routes.server()
        routes.set("/feed.xml", .init(body: body))
        let feed = FeedSubscription(url: server.url("/feed.xml"), name: name, tags: tags)
        return Served(server: server, fixture: try NotesFixture(), feed: feed)
    }

    @Test func anEntityUsedInEveryEntryFailsTheFeedAndWritesNothing() throws {
        // A 1 MiB internal entity used in each of 60 entries: 60 MiB of articles from a 1 MiB feed.
        let entity = String(repeating: "lorem ipsum ", count: (1 << 20) / 12)
        let items = (1...60).map { "<item><guid>e\($0)</guid><title>Entry \($0)</title><description>&big;</description></item>" }
        let body = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"\(entity)\">]>\n<rss version=\"2.0\"><channel><title>Bomb</title>"
            + items.joined() + "</channel></rss>"
        let served = try serve(body, name: "Bomb")
        let (fixture, feed) = (served.fixture, served.feed)
        let report = try #require(fetcher(fixture, maxBytes: 2 << 20).fetch([feed]).reports.first)
        #expect(report.failed)
        #expect(report.line.contains("entities expand to more than"), "\(report.line)")
        #expect(files(fixture, in: "bomb").isEmpty)
    }

    @Test func aFeedWritingMoreThanFourTimesTheBodyLimitFailsAndWritesNothing() throws {
        // Small distinct entries whose front matter (with long tags) outweighs them several times.
        let items = (1...600).map { "<item><title>\($0)</title></item>" }
        let body = "<rss version=\"2.0\"><channel><title>Many</title>" + items.joined() + "</channel></rss>"
        #expect(body.utf8.count < 24 * 1024)
        let tags = ["a-rather-long-tag-one", "a-rather-long-tag-two", "a-rather-long-tag-three", "a-rather-long-tag-four"]
        let served = try serve(body, name: "Many", tags: tags)
        let (fixture, feed) = (served.fixture, served.feed)
        let report = try #require(fetcher(fixture, maxBytes: 24 * 1024).fetch([feed]).reports.first)
        #expect(report.failed)
        #expect(report.line.contains("more than the limit of 0.1 MiB (4 × --max-size): nothing written"), "\(report.line)")
        #expect(files(fixture, in: "many").isEmpty)
        // With room for it, the same feed is written.
        let roomy = try #require(fetcher(fixture, maxBytes: 1 << 20).fetch([feed]).reports.first)
        #expect(roomy.line.hasPrefix("Many: 600 new, 0 updated, 0 unchanged"), "\(roomy.line)")
    }

    @Test func entriesSharingAnIdKeepTheirOwnFilesAndARefetchChangesNothing() throws {
        let items = ["one", "two", "three", "four"].map { name in
            "<item><guid>same-id</guid><title>Story \(name)</title><link>https://news.example/\(name)</link><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate><description>Text of \(name).</description></item>"
        }
        let body = "<rss version=\"2.0\"><channel><title>Repeats</title>" + items.joined() + "</channel></rss>"
        let served = try serve(body, name: "Repeats")
        let (fixture, feed) = (served.fixture, served.feed)
        let first = try #require(fetcher(fixture, maxBytes: 1 << 20).fetch([feed]).reports.first)
        #expect(first.line == "Repeats: 4 new, 0 updated, 0 unchanged")
        #expect(files(fixture, in: "repeats").count == 4)
        for _ in 0..<2 {
            let again = try #require(fetcher(fixture, maxBytes: 1 << 20).fetch([feed]).reports.first)
            #expect(again.line == "Repeats: 0 new, 0 updated, 4 unchanged")
        }
        let texts = try files(fixture, in: "repeats").map { try String(contentsOfFile: fixture.articles + "/repeats/" + $0, encoding: .utf8) }
        for name in ["one", "two", "three", "four"] {
            #expect(texts.filter { $0.contains("Text of \(name).") }.count == 1)
        }
    }
}
