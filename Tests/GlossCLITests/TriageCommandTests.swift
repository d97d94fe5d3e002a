import Foundation
import GlossCore
import GlossStorage
import GlossTUI
import Testing

@testable import GlossCLI

/// `gloss mark`, `gloss delete`, `gloss trash`, `gloss list --view`, and feed retention.
@Suite("Triage commands")
struct TriageCommandTests {
    func run(_ fixture: NotesFixture, _ arguments: [String]) throws -> GlossBinary.Result {
        try GlossBinary.run(arguments, articles: fixture.articles, data: fixture.data)
    }

    func library() throws -> NotesFixture {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.write("feed/2026-11-01-old.md", "---\ntitle: Old news\ndate: 2026-11-01\n---\nOld text.\n")
        return fixture
    }

    func listJSON(_ fixture: NotesFixture, view: String = "all") throws -> [[String: Any]] {
        let result = try run(fixture, ["list", "--json", "--view", view])
        #expect(result.status == 0)
        return (try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func markSetsAndListShowsTheMarks() throws {
        let fixture = try library()
        #expect(try run(fixture, ["mark", "harbor.md", "--star"]).status == 0)
        #expect(try run(fixture, ["mark", "feed/2026-11-01-old.md", "--archive"]).status == 0)
        #expect(try run(fixture, ["mark", "harbor.md", "--read"]).status == 0)
        let all = try listJSON(fixture)
        let harbor = try #require(all.first { $0["file"] as? String == "harbor.md" })
        #expect(harbor["starred"] as? Bool == true)
        #expect(harbor["read"] as? Bool == true)
        #expect(harbor["archived"] as? Bool == false)
        #expect(try listJSON(fixture, view: "archive").map { $0["file"] as? String } == ["feed/2026-11-01-old.md"])
        #expect(try listJSON(fixture, view: "inbox").map { $0["file"] as? String } == ["harbor.md"])
        #expect(try listJSON(fixture, view: "starred").count == 1)
        #expect(try listJSON(fixture, view: "unread").isEmpty)
        let table = try run(fixture, ["list"]).out
        #expect(table.contains("MARKS"))
        #expect(table.contains("★"))
        #expect(table.contains("archived"))
        #expect(try run(fixture, ["mark", "harbor.md", "--unread"]).status == 0)
        #expect(try listJSON(fixture, view: "unread").map { $0["file"] as? String } == ["harbor.md"])
    }

    @Test func exitCodes() throws {
        let fixture = try library()
        let unknown = try run(fixture, ["mark", "nope.md", "harbor.md", "--star"])
        #expect(unknown.status == 1)
        #expect(unknown.err.contains("no such article: nope.md"))
        // The known article is still marked.
        #expect(try listJSON(fixture, view: "starred").count == 1)
        #expect(try run(fixture, ["mark", "harbor.md"]).status == 64)
        #expect(try run(fixture, ["mark", "harbor.md", "--star", "--unstar"]).status == 64)
        #expect(try run(fixture, ["list", "--view", "later"]).status == 64)
        #expect(try run(fixture, ["delete", "nope.md"]).status == 1)
        #expect(try run(fixture, ["delete"]).status == 64)
    }

    @Test func deleteKeepsNotesAndRestoreReattachesThem() throws {
        let fixture = try library()
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "keep me"], id: "aa11bb22")
        let deleted = try run(fixture, ["delete", "harbor.md"])
        #expect(deleted.status == 0)
        #expect(deleted.out.contains("moved harbor.md to the trash (1 note kept)"))
        #expect(!FileManager.default.fileExists(atPath: fixture.articles + "/harbor.md"))
        #expect(FileManager.default.fileExists(atPath: fixture.data + "/trash/harbor.md"))
        let notes = try run(fixture, ["notes"])
        #expect(notes.out.contains("[in trash]"))
        #expect(notes.out.contains("keep me"))
        let listed = try run(fixture, ["trash", "list"])
        #expect(listed.out.contains("harbor.md  (1 note)"))
        let restored = try run(fixture, ["trash", "restore", "harbor.md"])
        #expect(restored.status == 0)
        #expect(restored.out.contains("restored harbor.md with 1 note"))
        let after = try run(fixture, ["notes", "harbor.md"])
        #expect(after.out.contains("keep me"))
        #expect(!after.out.contains("[in trash]"))
        #expect(try run(fixture, ["trash", "list"]).out.contains("The trash is empty."))
    }

    @Test func emptyingNeverRemovesAnArticleWithNotesUnlessAsked() throws {
        let fixture = try library()
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "keep me"], id: "aa11bb22")
        #expect(try run(fixture, ["delete", "harbor.md", "feed/2026-11-01-old.md"]).status == 0)
        let first = try run(fixture, ["trash", "empty"])
        #expect(first.status == 0)
        #expect(first.out.contains("removed 1 article; kept 1 with notes (use --with-notes)"))
        #expect(FileManager.default.fileExists(atPath: fixture.data + "/trash/harbor.md"))
        // Deleted just now: not older than a day.
        #expect(try run(fixture, ["trash", "empty", "--older-than", "1", "--with-notes"]).out.contains("Nothing to remove"))
        #expect(try run(fixture, ["trash", "empty", "--with-notes"]).out.contains("removed 1 article"))
        #expect(!FileManager.default.fileExists(atPath: fixture.data + "/trash/harbor.md"))
        // The notes themselves stay in the data directory.
        #expect(try fixture.store.load(ArticleIdentity(path: "harbor.md", title: "", fingerprint: "")).liveAnnotations.count == 1)
    }

    @Test func marksFollowAnArticleRenamedByHand() throws {
        let fixture = try library()
        #expect(try run(fixture, ["mark", "harbor.md", "--star"]).status == 0)
        try FileManager.default.moveItem(atPath: fixture.articles + "/harbor.md", toPath: fixture.articles + "/renamed.md")
        let starred = try listJSON(fixture, view: "starred")
        #expect(starred.map { $0["file"] as? String } == ["renamed.md"])
    }

    @Test func retentionMovesOnlyOldReadUnstarredUnannotatedFeedArticles() throws {
        let fixture = try library()
        for name in ["read", "starred", "noted", "unread", "archived"] {
            try fixture.write("harbor-news/2020-01-01-\(name).md", "---\ntitle: \(name)\ndate: 2020-01-01\n---\nText \(name).\n")
        }
        try fixture.write("harbor-news/2099-01-01-new.md", "---\ntitle: new\ndate: 2099-01-01\n---\nNew text.\n")
        let store = StateStore(dataDirectory: fixture.data)
        _ = try store.mark(.read, ["read", "starred", "noted", "archived", "new"].map { "harbor-news/\($0 == "new" ? "2099-01-01" : "2020-01-01")-\($0).md" }, contentHashes: [:])
        _ = try store.mark(.star, ["harbor-news/2020-01-01-starred.md"], contentHashes: [:])
        _ = try store.mark(.archive, ["harbor-news/2020-01-01-archived.md"], contentHashes: [:])
        try fixture.annotate(["harbor-news/2020-01-01-noted.md", "--paragraph", "1", "--note", "mine"], id: "aa11bb22")
        var workspace = fixture.workspace
        workspace = Workspace(paths: workspace.paths, config: GlossConfig(feeds: FeedSettings(keepDays: 30)), environment: [:])
        let feed = FeedSubscription(url: "https://news.example/feed.xml", name: "Harbor News")
        let moved = FeedRetention(workspace: workspace).apply(to: [feed], now: Timestamp(iso8601: "2026-12-01T00:00:00Z")!)
        #expect(moved == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.articles + "/harbor-news").sorted()
        #expect(left == [
            "2020-01-01-archived.md", "2020-01-01-noted.md", "2020-01-01-starred.md", "2020-01-01-unread.md",
            "2099-01-01-new.md",
        ])
        #expect(Trash(dataDirectory: fixture.data, articlesDirectory: fixture.articles).list().map(\.originalPath)
            == ["harbor-news/2020-01-01-read.md"])
        // A feed's own keep-days wins over the config: 0 keeps everything.
        var keepAll = feed
        keepAll.keepDays = 0
        _ = try store.mark(.read, ["harbor-news/2020-01-01-unread.md"], contentHashes: [:])
        #expect(FeedRetention(workspace: workspace).apply(to: [keepAll], now: Timestamp(iso8601: "2026-12-01T00:00:00Z")!) == 0)
        #expect(FeedRetention.report(3) == "; 3 old articles moved to the trash")
    }

    @Test func aDeletedFeedArticleIsNeverWrittenAgain() throws {
        let routes = FeedRoutes()
        let server = try routes.server()
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.battery, FeedFixtures.tide])))
        let fixture = try NotesFixture()
        let feed = FeedSubscription(url: server.url("/feed.xml"), name: "Harbor News")
        let fetcher = FeedFetcher(
            articlesDirectory: fixture.articles, dataDirectory: fixture.data,
            limits: HTTPLimits(timeout: 4, maxBytes: 256 * 1024, maxRedirects: 3))
        _ = fetcher.fetch([feed])
        let path = "harbor-news/2026-11-24-tide-tables-revised.md"
        try fixture.workspace.trashArticle(path)
        var changed = FeedFixtures.tide
        changed.html = "<p>The tide tables were revised again.</p>"
        routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.battery, changed])))
        _ = fetcher.fetch([feed])
        #expect(!FileManager.default.fileExists(atPath: fixture.articles + "/" + path))
        #expect(Trash(dataDirectory: fixture.data, articlesDirectory: fixture.articles).find(path) != nil)
    }

    @Test func feedsFileReadsKeepDays() throws {
        let file = try FeedsFile(path: "feeds.toml", text: "[[feed]]\nurl = \"https://a.example/f\"\nkeep-days = 14\n")
        #expect(file.feeds.first?.keepDays == 14)
        #expect(throws: FeedsFileError.self) {
            try FeedsFile(path: "feeds.toml", text: "[[feed]]\nurl = \"https://a.example/f\"\nkeep-days = \"x\"\n")
        }
    }
}
