import Foundation
import Testing

@testable import GlossCLI

/// Header lines as libcurl hands them over, and where a redirect leads.
@Suite("HTTP response head and redirects")
struct HTTPResponseHeadTests {
    @Test func fieldsAreCaseInsensitiveAndTrimmed() {
        var head = HTTPResponseHead()
        for line in ["HTTP/1.1 200 OK\r\n", "content-type:  application/rss+xml \r\n", "ETag: \"v1\"\r\n", "Content-Length: 42\r\n", "\r\n"] {
            head.add(line: line)
        }
        #expect(head.status == 200)
        #expect(head.value("Content-Type") == "application/rss+xml")
        #expect(head.value("etag") == "\"v1\"")
        #expect(head.contentLength == 42)
        #expect(head.value("Last-Modified") == nil)
    }

    @Test func aNewStatusLineStartsOver() {
        var head = HTTPResponseHead()
        head.add(line: "HTTP/1.1 100 Continue\r\n")
        head.add(line: "X-Early: yes\r\n")
        #expect(head.isInformational)
        head.add(line: "HTTP/2 304\r\n")
        head.add(line: "ETag: \"v2\"\r\n")
        #expect(head.status == 304)
        #expect(!head.isInformational)
        #expect(head.value("X-Early") == nil)
        #expect(head.value("ETag") == "\"v2\"")
    }

    @Test func malformedLinesAreIgnored() {
        var head = HTTPResponseHead()
        head.add(line: "HTTP/1.1 abc\r\n")
        head.add(line: "no colon here\r\n")
        head.add(line: ": empty name\r\n")
        head.add(line: "Content-Length: -5\r\n")
        #expect(head.status == nil)
        #expect(head.contentLength == nil)
        #expect(head.value("") == nil)
    }

    @Test func redirectsResolveAgainstTheAnsweringURL() throws {
        let current = try #require(URL(string: "https://example.com/blog/feed.xml?x=1"))
        #expect(try HTTPClient.redirectTarget("/new", from: current).absoluteString == "https://example.com/new")
        #expect(try HTTPClient.redirectTarget("atom.xml", from: current).absoluteString == "https://example.com/blog/atom.xml")
        #expect(try HTTPClient.redirectTarget("//cdn.example.org/f", from: current).absoluteString == "https://cdn.example.org/f")
        #expect(try HTTPClient.redirectTarget("http://other.example/f", from: current).absoluteString == "http://other.example/f")
    }

    @Test func redirectsToOtherSchemesAreRefused() throws {
        let current = try #require(URL(string: "http://example.com/feed"))
        #expect(throws: FetchError.unsupportedScheme("file:///etc/passwd")) { try HTTPClient.redirectTarget("file:///etc/passwd", from: current) }
        #expect(throws: FetchError.unsupportedScheme("ftp://example.com/feed")) { try HTTPClient.redirectTarget("ftp://example.com/feed", from: current) }
    }

    @Test func requestHeadersCarryValidatorsOnOneLineEach() {
        let plain = HTTPClient.requestHeaders(etag: nil, lastModified: nil, accept: "*/*")
        #expect(plain == ["User-Agent: \(HTTPClient.userAgent)", "Accept: */*"])
        let conditional = HTTPClient.requestHeaders(etag: "\"a\"\r\nX-Evil: 1", lastModified: "Tue, 24 Nov 2026 10:00:00 GMT", accept: "*/*")
        #expect(conditional.contains("If-None-Match: \"a\"X-Evil: 1"))
        #expect(conditional.contains("If-Modified-Since: Tue, 24 Nov 2026 10:00:00 GMT"))
    }
}
