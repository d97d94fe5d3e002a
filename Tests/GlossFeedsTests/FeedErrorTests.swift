import Foundation
import Testing
@testable import GlossFeeds

@Suite struct FeedErrorTests {
    func error(parsing text: String) -> FeedError? {
        do {
            _ = try FeedParser.parse(Array(text.utf8), url: "https://example.com/feed")
            return nil
        } catch {
            return error
        }
    }

    @Test func htmlPageInsteadOfFeed() {
        #expect(error(parsing: "<!DOCTYPE html>\n<html><head><title>Login</title></head><body>Sign in</body></html>") == .htmlInsteadOfFeed)
        #expect(error(parsing: "\u{FEFF}  <!-- moved --><HTML><body>gone</body></HTML>") == .htmlInsteadOfFeed)
        // XHTML served with an XML declaration is caught after parsing.
        #expect(error(parsing: "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>") == .htmlInsteadOfFeed)
        #expect(FeedError.htmlInsteadOfFeed.description.contains("HTML"))
    }

    @Test func otherXMLIsNotAFeed() {
        #expect(error(parsing: "<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>") == .notAFeed(root: "opml"))
    }

    @Test func textThatIsNotXML() {
        #expect(error(parsing: "{\"error\": \"rate limited\", \"retry\": 60}") == .notXML(start: "{\"error\": \"rate limited\""))
        #expect(error(parsing: "\n  Service Unavailable") == .notXML(start: "Service Unavailable"))
        #expect(FeedError.notXML(start: "{").description.contains("not XML"))
    }

    @Test func emptyBody() {
        #expect(error(parsing: "") == .emptyDocument)
        #expect(error(parsing: " \n\t ") == .emptyDocument)
    }

    @Test func malformedXMLIsAnErrorWithItsLine() throws {
        let failure = try #require(error(parsing: "<rss version=\"2.0\">\n<channel>\n<item><title>Broken</item>\n</channel></rss>"))
        guard case .malformedXML(let line, let message) = failure else {
            Issue.record("expected malformedXML, got \(failure)")
            return
        }
        #expect(line >= 3)
        #expect(!message.isEmpty)
        #expect(failure.description.hasPrefix("malformed XML at line"))
        #expect(error(parsing: "<this is not xml at all") != nil)
        #expect(error(parsing: "<rss version=\"2.0\"><channel><title>cut off") != nil)
    }

    @Test func slightlyBrokenFeedsAreRecovered() throws {
        // A bare `&` in a URL and an HTML entity XML does not know: common, and readable.
        let feed = try FeedParser.parse(Array("""
            <rss version="2.0"><channel><title>Fish &amp; Chips&nbsp;Daily</title>
            <item><title>One</title><link>https://example.com/?a=1&b=2</link></item>
            </channel></rss>
            """.utf8))
        #expect(feed.entries.count == 1)
        #expect(feed.entries.first?.title == "One")
        #expect(feed.title?.hasPrefix("Fish & Chips") == true)
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secretFile = directory.appendingPathComponent("secret.txt")
        try "TOP-SECRET-VALUE".write(to: secretFile, atomically: true, encoding: .utf8)
        let dtdFile = directory.appendingPathComponent("evil.dtd")
        try "<!ENTITY leak SYSTEM \"\(secretFile.path)\">".write(to: dtdFile, atomically: true, encoding: .utf8)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY xxe SYSTEM "file://\(secretFile.path)">
              <!ENTITY % remote SYSTEM "file://\(dtdFile.path)">
              %remote;
            ]>
            <rss version="2.0"><channel><title>T &xxe;</title>
            <item><title>&xxe;</title><description>&xxe; &leak;</description><link>https://example.com/x</link></item>
            </channel></rss>
            """
        // A feed with an internal DTD subset is legitimate: it parses, internal entities are
        // expanded, and the external ones are left out.
        let feed = try FeedParser.parse(Array(xml.utf8))
        let everything = [feed.title, feed.entries.first?.title, feed.entries.first?.contentHTML].compactMap { $0 }.joined()
        #expect(!everything.contains("TOP-SECRET"))
        #expect(feed.entries.first?.link == "https://example.com/x")
    }

    @Test func internalEntitiesAreExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY site "Example News"> ]>
            <rss version="2.0"><channel><title>&site; daily</title></channel></rss>
            """
        #expect(try FeedParser.parse(Array(xml.utf8)).title == "Example News daily")
    }

    @Test func billionLaughsDoesNotBlowUp() throws {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(previous)\">\n"
        }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)]>
            <rss version="2.0"><channel><title>&lol9;</title>
            <item><title>&lol9;</title><description>&lol9;&lol9;&lol9;</description></item></channel></rss>
            """
        switch Result(catching: { try FeedParser.parse(Array(xml.utf8)) }) {
        case .success(let feed):
            // A fully expanded lol9 would be 3 000 000 000 characters.
            #expect((feed.title?.utf8.count ?? 0) < 1_000_000)
            #expect((feed.entries.first?.contentHTML?.utf8.count ?? 0) < 4_000_000)
        case .failure(let error):
            // libxml2 notices the amplification and stops: reported as malformed, not a crash.
            guard case .malformedXML = error as? FeedError else {
                Issue.record("unexpected error \(error)")
                return
            }
        }
    }
}
