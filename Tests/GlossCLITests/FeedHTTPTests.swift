import Foundation
import LocalHTTPServer
import Testing

@testable import GlossCLI

/// The HTTP client against a server on 127.0.0.1 that the test starts: limits and conditional requests.
@Suite("HTTP client limits")
struct FeedHTTPTests {
    let limits = HTTPLimits(timeout: 10, maxBytes: 64 * 1024, maxRedirects: 3)

    @Test func etagThen304() throws {
        let server = try LocalHTTPServer { request in
            if request.headers["if-none-match"] == "\"v1\"" { return .init(status: 304) }
            return .init(headers: [("ETag", "\"v1\""), ("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT")], body: "<rss/>")
        }
        let client = HTTPClient(limits: limits)
        guard case .fetched(let first) = try client.get(server.url("/feed")) else {
            Issue.record("expected a body")
            return
        }
        #expect(first.body == Array("<rss/>".utf8))
        #expect(first.etag == "\"v1\"")
        #expect(first.lastModified == "Tue, 24 Nov 2026 10:00:00 GMT")
        let second = try client.get(server.url("/feed"), etag: first.etag, lastModified: first.lastModified)
        #expect(second == .notModified)
        #expect(server.requests.last?.headers["if-modified-since"] == "Tue, 24 Nov 2026 10:00:00 GMT")
    }

    @Test func errorStatusesAreFailures() throws {
        let server = try LocalHTTPServer { request in
            .init(status: request.path == "/missing" ? 404 : 500, body: "oops")
        }
        let client = HTTPClient(limits: limits)
        #expect(throws: FetchError.httpStatus(404)) { try client.get(server.url("/missing")) }
        #expect(throws: FetchError.httpStatus(500)) { try client.get(server.url("/broken")) }
        #expect(FetchError.httpStatus(500).description.contains("server error"))
    }

    @Test func slowResponseTimesOut() throws {
        let server = try LocalHTTPServer { _ in .init(body: "late", delay: 6) }
        let client = HTTPClient(limits: HTTPLimits(timeout: 1.5, maxBytes: 64 * 1024, maxRedirects: 3))
        #expect(throws: FetchError.timedOut(seconds: 1.5)) { try client.get(server.url("/slow")) }
    }

    @Test func redirectIsFollowedAndLoopIsReported() throws {
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/old": return .redirect(to: "/new")
            case "/new": return .init(body: "moved here")
            case "/a": return .redirect(to: "/b")
            case "/b": return .redirect(to: "/a")
            default: return .redirect(to: request.path + "x")
            }
        }
        let client = HTTPClient(limits: limits)
        guard case .fetched(let moved) = try client.get(server.url("/old")) else {
            Issue.record("expected a body")
            return
        }
        #expect(moved.body == Array("moved here".utf8))
        #expect(moved.finalURL.hasSuffix("/new"))
        #expect(throws: FetchError.redirectLoop(server.url("/a"))) { try client.get(server.url("/a")) }
        #expect(throws: FetchError.tooManyRedirects(limit: 3)) { try client.get(server.url("/chain")) }
    }

    @Test func hugeBodyIsCapped() throws {
        let server = try LocalHTTPServer { request in
            request.path == "/announced"
                ? .init(body: String(repeating: "y", count: 200 * 1024))
                : .init(body: "<rss>", fillerBytes: 50 << 20)
        }
        let client = HTTPClient(limits: limits)
        #expect(throws: FetchError.tooLarge(limit: 64 * 1024)) { try client.get(server.url("/streamed")) }
        #expect(throws: FetchError.tooLarge(limit: 64 * 1024)) { try client.get(server.url("/announced")) }
    }

    @Test func onlyHTTPAndHTTPSAreAccepted() {
        let client = HTTPClient(limits: limits)
        #expect(throws: FetchError.unsupportedScheme("ftp://example.com/feed")) { try client.get("ftp://example.com/feed") }
        #expect(throws: FetchError.unsupportedScheme("file:///etc/passwd")) { try client.get("file:///etc/passwd") }
        #expect(throws: FetchError.invalidURL("not a url")) { try client.get("not a url") }
    }
}
