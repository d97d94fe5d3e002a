import Testing
@testable import GlossFeeds

@Suite struct FeedParserTests {
}
