import Foundation
import GlossCore
import GlossStorage
import LocalHTTPServer
import Testing

@testable import GlossCLI

/// `gloss fetch` against a server on 127.0.0.1 started by each test: new entries, dedup,
/// conditional requests, updates in place, and per-feed failures that touch nothing.
@Suite("Feed fetching")
struct FeedFetchTests {
    let limits = HTTPLimits(timeout: 4, maxBytes: 256 * 1024, maxRedirects: 3)

    func fetcher(_ fixture: NotesFixture) -> FeedFetcher {
        FeedFetcher(articlesDirectory: fixture.articles, dataDirectory: fixture.data, limits: limits)
    }

    func files(_ fixture: NotesFixture, in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixture.articles + "/" + folder)) ?? []).sorted()
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func newEntriesBecomeArticlesAndFetchingTwiceAddsNothing() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.battery, FeedFixtures.tide])), etag: "\"v1\"")
        let fixture = try NotesFixture()
        let feed = FeedSubscription(url: server.url("/feed.xml"), name: "Harbor News", tags: ["local", "energy"])

        let first = fetcher(fixture).fetch([feed])
        #expect(first.reports.map(\.line) == ["Harbor News: 2 new, 0 updated, 0 unchanged"])
        #expect(files(fixture, in: "harbor-news") == ["2026-11-23-harbor-battery-approved.md", "2026-11-24-tide-tables-revised.md"])
        let article = try text(fixture.articles + "/harbor-news/2026-11-23-harbor-battery-approved.md")
        #expect(article.hasPrefix("---\ntitle: \"Harbor battery approved\"\n"))
        for field in ["author: ", "source: \"Harbor News\"", "date: 2026-11-23", "url: \"https://news.example/battery-1\"", "tags: [local, energy]"] {
            #expect(article.contains(field), "front matter has \(field)")
        }
        #expect(article.contains("Residents asked whether the battery is safe."))

        // The server recognises the ETag: 304, nothing downloaded or written.
        let second = fetcher(fixture).fetch([feed])
        #expect(second.reports.first?.notModified == true)
        #expect(second.reports.first?.line == "Harbor News: not modified")
        #expect(server.requests.last?.headers["if-none-match"] == "\"v1\"")

        // Without validators the same entries come again: deduplicated by GUID.
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.tide, FeedFixtures.battery])))
        let third = fetcher(fixture).fetch([feed])
        #expect(third.reports.map(\.line) == ["Harbor News: 0 new, 0 updated, 2 unchanged"])
        #expect(files(fixture, in: "harbor-news").count == 2)
        #expect(try text(fixture.articles + "/harbor-news/2026-11-23-harbor-battery-approved.md") == article)

        let state = try #require(try FeedStateStore(dataDirectory: fixture.data).load(feed: "harbor-news").state)
        #expect(state.lastError == nil)
        #expect(state.lastFetch != nil)
        #expect(state.entries["battery-1"]?.file == "harbor-news/2026-11-23-harbor-battery-approved.md")
    }

    @Test func anUpdatedEntryRewritesItsFileAndTheNoteIsReanchored() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.battery])))
        let fixture = try NotesFixture()
        let feed = FeedSubscription(url: server.url("/feed.xml"), name: "Harbor News")
        _ = fetcher(fixture).fetch([feed])
        let file = "harbor-news/2026-11-23-harbor-battery-approved.md"
        try fixture.annotate([file, "--paragraph", "2", "--quote", "battery is safe", "--note", "ask the fire brigade"], id: "N")

        var updated = FeedFixtures.battery
        updated.html = "<p>Correction: the vote was moved.</p>" + updated.html
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([updated])))
        let report = try #require(fetcher(fixture).fetch([feed]).reports.first)
        #expect(report.line == "Harbor News: 0 new, 1 updated, 0 unchanged")
        #expect(files(fixture, in: "harbor-news") == ["2026-11-23-harbor-battery-approved.md"])
        #expect(try text(fixture.articles + "/" + file).contains("Correction: the vote was moved."))

        let rows = try fixture.notesJSON()
        try #require(rows.count == 1)
        #expect(rows[0]["note"] as? String == "ask the fire brigade")
        #expect(rows[0]["quote"] as? String == "battery is safe")
        #expect(rows[0]["paragraph"] as? Int == 3)
        #expect(["mapped", "exact"].contains(rows[0]["status"] as? String))
    }

    @Test func withItsStateLostAnUpdatedEntryStillRewritesItsOwnFile() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.battery, FeedFixtures.tide])))
        let fixture = try NotesFixture()
        let feed = FeedSubscription(url: server.url("/feed.xml"), name: "Harbor News")
        _ = fetcher(fixture).fetch([feed])
        let file = "harbor-news/2026-11-23-harbor-battery-approved.md"
        try fixture.annotate([file, "--paragraph", "2", "--quote", "battery is safe", "--note", "keep me"], id: "N")
        try FileManager.default.removeItem(atPath: fixture.data + "/feeds")

        var updated = FeedFixtures.battery
        updated.html = "<p>Correction: the vote was moved.</p>" + updated.html
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([updated, FeedFixtures.tide])))
        let report = try #require(fetcher(fixture).fetch([feed]).reports.first)
        // The unchanged entry is recognised by its text, the changed one by the id in its front matter.
        #expect(report.line == "Harbor News: 0 new, 1 updated, 1 unchanged")
        #expect(files(fixture, in: "harbor-news") == ["2026-11-23-harbor-battery-approved.md", "2026-11-24-tide-tables-revised.md"])
        #expect(try text(fixture.articles + "/" + file).contains("Correction: the vote was moved."))
        let rows = try fixture.notesJSON()
        #expect(rows.first?["note"] as? String == "keep me")
        #expect(rows.first?["paragraph"] as? Int == 3)
    }

    @Test func everyKindOfFailureIsReportedPerFeedAndTouchesNothing() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        let names = ["ok", "moved", "missing", "broken", "slow", "loop", "huge", "malformed", "html"]
        for name in names {
            routes.set("/\(name).xml", .init(body: FeedFixtures.rss(title: name, [FeedFixtures.battery])))
        }
        let feeds = names.map { FeedSubscription(url: server.url("/\($0).xml"), name: $0) }
        let fixture = try NotesFixture()
        let first = fetcher(fixture).fetch(feeds)
        #expect(first.failures.isEmpty)
        try fixture.annotate(["broken/2026-11-23-harbor-battery-approved.md", "--paragraph", "1", "--note", "keep"], id: "K")
        let before = try snapshot(fixture)

        var fresh = FeedFixtures.tide
        fresh.guid = "fresh"
        let next = FeedFixtures.rss([FeedFixtures.battery, fresh])
        routes.set("/ok.xml", .init(body: next))
        routes.set("/moved.xml", .redirect(to: "/elsewhere.xml"))
        routes.set("/elsewhere.xml", .init(body: next))
        routes.set("/missing.xml", .init(status: 404))
        routes.set("/broken.xml", .init(status: 500, body: "<html>oops</html>"))
        routes.set("/slow.xml", .init(body: next, delay: 9))
        routes.set("/loop.xml", .redirect(to: "/loop2.xml"))
        routes.set("/loop2.xml", .redirect(to: "/loop.xml"))
        routes.set("/huge.xml", .init(body: "<?xml version=\"1.0\"?><rss><channel>", fillerBytes: 8 << 20))
        routes.set("/malformed.xml", .init(body: "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>cut"))
        routes.set("/html.xml", .init(headers: [("Content-Type", "text/html")], body: "<!DOCTYPE html><html><body><p>Sign in</p></body></html>"))

        let summary = fetcher(fixture).fetch(feeds)
        let lines = summary.reports.map(\.line)
        #expect(lines[0] == "ok: 1 new, 0 updated, 1 unchanged")
        #expect(lines[1] == "moved: 1 new, 0 updated, 1 unchanged")
        #expect(lines[2] == "missing: error: the server answered HTTP 404 (not found)")
        #expect(lines[3] == "broken: error: the server answered HTTP 500 (server error)")
        #expect(lines[4] == "slow: error: timed out after 4 s")
        #expect(lines[5].hasPrefix("loop: error: redirect loop at "))
        #expect(lines[6] == "huge: error: response larger than the 256 KiB limit")
        #expect(lines[7].hasPrefix("malformed: error: malformed XML at line 1"))
        #expect(lines[8] == "html: error: got an HTML page instead of an RSS or Atom feed")
        #expect(summary.failures.count == 7)
        #expect(summary.line == "9 feeds: 2 new, 0 updated; 7 failed")

        // The failed feeds' articles, annotations and entries are exactly as they were.
        let after = try snapshot(fixture)
        for (path, bytes) in before where !path.hasPrefix("ok/") && !path.hasPrefix("moved/") {
            #expect(after[path] == bytes, "\(path) unchanged")
        }
        #expect(try fixture.stored("broken/2026-11-23-harbor-battery-approved.md").annotation(withID: "K") != nil)
        let states = FeedStateStore(dataDirectory: fixture.data)
        let broken = try #require(try states.load(feed: "broken").state)
        #expect(broken.lastError == "the server answered HTTP 500 (server error)")
        #expect(broken.entries.count == 1)
        #expect(try states.load(feed: "ok").state?.lastError == nil)
    }

    @Test func theCommandExitsNonZeroWhenAFeedFailsAfterFetchingTheOthers() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        routes.set("/good.xml", .init(body: FeedFixtures.rss([FeedFixtures.tide])))
        let fixture = try NotesFixture()
        let feedsFile = fixture.root + "/feeds.toml"
        try """
            # test feeds
            [[feed]]
            url = "\(server.url("/gone.xml"))"
            name = "Gone"

            [[feed]]
            url = "\(server.url("/good.xml"))"
            name = "Good"
            tags = ["t"]
            """.write(toFile: feedsFile, atomically: true, encoding: .utf8)
        let run = try GlossProcess.run(["fetch", "--feeds", feedsFile, "--timeout", "10", "--articles", fixture.articles, "--data", fixture.data])
        #expect(run.status == 1)
        #expect(run.out.contains("Gone: error: the server answered HTTP 404 (not found)\n"))
        #expect(run.out.contains("Good: 1 new, 0 updated, 0 unchanged\n"))
        #expect(run.out.hasSuffix("2 feeds: 1 new, 0 updated; 1 failed\n"))
        #expect(files(fixture, in: "good") == ["2026-11-24-tide-tables-revised.md"])
        let listed = try GlossProcess.run(["feeds", "list", "--feeds", feedsFile, "--data", fixture.data])
        let lines = listed.out.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0].hasPrefix("Gone  \(server.url("/gone.xml"))  → gone/  · 0 entries, fetched 20"))
        #expect(lines[0].hasSuffix(" · last error: the server answered HTTP 404 (not found)"))
        #expect(lines[1].hasPrefix("Good  \(server.url("/good.xml"))  → good/  [t]  · 1 entry, fetched 20"))
        #expect(!lines[1].contains("error"))

        let bad = try GlossProcess.run(["fetch", "--feeds", fixture.root + "/none.toml", "--data", fixture.data])
        #expect(bad.status == 1)
        #expect(bad.err.contains("no feeds configured"))
    }

    @Test func entriesThatCouldNotBeWrittenAreRetriedNextTime() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.tide])), etag: "\"v1\"")
        let fixture = try NotesFixture()
        // A file where the feed's folder should be: nothing can be written into it.
        try "in the way".write(toFile: fixture.articles + "/harbor-news", atomically: true, encoding: .utf8)
        let feed = FeedSubscription(url: server.url("/feed.xml"), name: "Harbor News")
        let first = try #require(fetcher(fixture).fetch([feed]).reports.first)
        #expect(first.newCount == 0)
        #expect(first.line.contains("harbor-news/2026-11-24-tide-tables-revised.md not written"))

        try FileManager.default.removeItem(atPath: fixture.articles + "/harbor-news")
        let second = try #require(fetcher(fixture).fetch([feed]).reports.first)
        #expect(server.requests.last?.headers["if-none-match"] == nil)
        #expect(second.line == "Harbor News: 1 new, 0 updated, 0 unchanged")
    }

    @Test func entriesOfOneFetchWithTheSameDateAndTitleEachGetAFile() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        var twin = FeedFixtures.battery
        twin.guid = "battery-2"
        twin.html = "<p>A second story under the same headline.</p>"
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.battery, twin, FeedFixtures.tide])))
        let fixture = try NotesFixture()
        let feed = FeedSubscription(url: server.url("/feed.xml"), name: "Harbor News")
        let first = try #require(fetcher(fixture).fetch([feed]).reports.first)
        #expect(first.line == "Harbor News: 3 new, 0 updated, 0 unchanged")
        let names = files(fixture, in: "harbor-news")
        #expect(names.count == 3)
        #expect(names.allSatisfy { !$0.hasPrefix(".") })
        let twins = names.filter { $0.hasPrefix("2026-11-23-harbor-battery-approved") }
        #expect(twins.count == 2)
        let texts = try twins.map { try text(fixture.articles + "/harbor-news/" + $0) }
        #expect(texts.filter { $0.contains("same headline") }.count == 1)
        #expect(texts.filter { $0.contains("approved the harbor battery") }.count == 1)
        let state = try #require(try FeedStateStore(dataDirectory: fixture.data).load(feed: "harbor-news").state)
        #expect(Set(state.entries.values.map(\.file)) == Set(names.map { "harbor-news/" + $0 }))

        let second = try #require(fetcher(fixture).fetch([feed]).reports.first)
        #expect(second.line == "Harbor News: 0 new, 0 updated, 3 unchanged")
        #expect(files(fixture, in: "harbor-news") == names)
    }

    @Test func entriesWithoutReadableDatesAreSavedAsUndatedWithAWarning() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        var odd = FeedFixtures.tide
        odd.date = "the day after tomorrow"
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.battery, odd])))
        let fixture = try NotesFixture()
        let report = try #require(fetcher(fixture).fetch([FeedSubscription(url: server.url("/feed.xml"), name: "Odd")]).reports.first)
        #expect(report.line == "Odd: 2 new, 0 updated, 0 unchanged (1 entry has no readable date and is listed as undated)")
        #expect(files(fixture, in: "odd") == ["2026-11-23-harbor-battery-approved.md", "undated-tide-tables-revised.md"])
    }

    /// More at a time than the machine has CPUs too: Dispatch's concurrentPerform ran one
    /// download per CPU, two at a time on two cores even with --jobs 4.
    @Test(arguments: [2, 4])
    func feedsAreFetchedAsManyAtATimeAsAsked(concurrency: Int) throws {
        let gauge = Gauge()
        let server = try LocalHTTPServer { request in
            gauge.enter()
            defer { gauge.leave() }
            Thread.sleep(forTimeInterval: 0.8)
            return .init(body: FeedFixtures.rss(title: request.path, [FeedFixtures.tide]))
        }
        let fixture = try NotesFixture()
        var fetcher = fetcher(fixture)
        fetcher.concurrency = concurrency
        let feeds = (1...6).map { FeedSubscription(url: server.url("/f\($0).xml"), name: "f\($0)") }
        let summary = fetcher.fetch(feeds)
        #expect(summary.failures.isEmpty)
        #expect(summary.reports.map(\.feed.name) == feeds.map(\.name))
        #expect(gauge.maximum == concurrency)
    }

    /// Every file under the articles and data directories (state files aside), with its bytes.
    func snapshot(_ fixture: NotesFixture) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for (root, prefix) in [(fixture.articles, ""), (fixture.data + "/annotations", "annotations/")] {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let path = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                out[prefix + path] = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))
            }
        }
        return out
    }
}
