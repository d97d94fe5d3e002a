import Foundation
import GlossCore
import LocalHTTPServer
import Testing

@testable import GlossCLI

/// `a` in the link list: the linked page fetched from a server, saved under `saved/` with `via`.
@Suite struct LinkedPageSaveTests {
    static let page = """
        <!DOCTYPE html><html><head><title>Tide tables</title><meta name="author" content="Harbour Office"></head>
        <body><article><h1>Tide tables</h1>
        <p>The tables from <a href="../data/tides.csv">the harbour office</a> are published every morning, and have been
        since 1911, when the first tide gauge was installed at the end of the long pier (see <a href="/history_(1911)">history</a>).</p>
        <p>They list high and low water for each day of the year, with heights in metres above chart datum.</p>
        <p><img src="gauge.jpg" alt="The gauge"></p>
        </article></body></html>
        """

    @Test func savesOnceWithViaAndKeepsLinks() throws {
        let server = try LocalHTTPServer { request in
            request.path == "/news/tides.html"
                ? .init(headers: [("Content-Type", "text/html; charset=utf-8")], body: Self.page) : .init(status: 404)
        }
        let articles = FileManager.default.temporaryDirectory.path + "/gloss-linked-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: articles) }
        let saver = PageSaver(articlesDirectory: articles, client: HTTPClient(limits: .standard))
        let url = server.url("/news/tides.html")

        let first = try saver.save(url, tags: [], via: "world/storm.md")
        #expect(first.file.hasPrefix("saved/"))
        #expect(!first.existed)
        #expect(first.title == "Tide tables")
        let text = try String(contentsOfFile: articles + "/" + first.file, encoding: .utf8)
        #expect(text.contains("via: "))
        let article = try ArticleLoader.load(bytes: Array(text.utf8), fileName: first.file)
        #expect(article.metadata.via == "world/storm.md")
        #expect(article.numberedLinks.map(\.url) == [
            server.url("/data/tides.csv"), server.url("/history_%281911%29"), server.url("/news/gauge.jpg"),
        ])
        #expect(article.numberedLinks.last?.kind == .image)

        // The same URL from another article, or from `gloss add`, keeps the one copy.
        let again = try saver.save(url, tags: [], via: "other/article.md")
        #expect(again.existed)
        #expect(again.file == first.file)
        let plain = try saver.save(url, tags: [])
        #expect(plain.existed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: articles + "/saved").count == 1)

        #expect(throws: CLIError.self) { try saver.save(server.url("/gone"), tags: [], via: "world/storm.md") }
    }
}
