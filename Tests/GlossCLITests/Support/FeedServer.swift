import Foundation
import LocalHTTPServer

/// Feed documents for the fetch tests, and a server whose answers a test can change between fetches.
enum FeedFixtures {
    struct Item {
        var guid: String
        var title: String
        var date: String
        var html: String
    }

    static func rss(title: String = "Harbor News", _ items: [Item]) -> String {
        let entries = items.map { item in
            """
            <item><guid>\(item.guid)</guid><title>\(item.title)</title><link>https://news.example/\(item.guid)</link>
            <pubDate>\(item.date)</pubDate><author>desk@news.example (Ada Desk)</author>
            <content:encoded><![CDATA[\(item.html)]]></content:encoded></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>\(title)</title><link>https://news.example/</link>
            \(entries.joined(separator: "\n"))
            </channel></rss>
            """
    }

    static let battery = Item(
        guid: "battery-1", title: "Harbor battery approved", date: "Mon, 23 Nov 2026 09:00:00 GMT",
        html: "<p>The council approved the harbor battery on Monday.</p><p>Residents asked whether the battery is safe.</p><p>A final vote is expected in June.</p>")
    static let tide = Item(
        guid: "tide-2", title: "Tide tables revised", date: "Tue, 24 Nov 2026 07:30:00 GMT",
        html: "<p>The tide tables for December were revised.</p>")
}

/// Routes of a local server, changeable while it runs.
final class FeedRoutes: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [String: LocalHTTPServer.Response] = [:]
    /// Paths answered with 304 when the request carries this ETag.
    private var etags: [String: String] = [:]

    func set(_ path: String, _ response: LocalHTTPServer.Response, etag: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        var response = response
        if let etag { response.headers.append(("ETag", etag)) }
        routes[path] = response
        etags[path] = etag
    }

    func answer(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Response {
        lock.lock()
        defer { lock.unlock() }
        if let etag = etags[request.path], request.headers["if-none-match"] == etag {
            return .init(status: 304)
        }
        return routes[request.path] ?? .init(status: 404, body: "not found")
    }

    func server() throws -> LocalHTTPServer {
        try LocalHTTPServer { [self] request in answer(request) }
    }
}
