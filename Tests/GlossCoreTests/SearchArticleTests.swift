import Testing

@testable import GlossCore

@Suite("Searching an article")
struct SearchArticleTests {
    let blocks = [
        Block(kind: .heading(level: 1), text: "Alpha beta"),
        Block(kind: .paragraph, text: "gamma"),
        Block(kind: .paragraph, text: "beta alpha Beta"),
    ]
    let beta = SearchQuery("beta")

    @Test func allMatchesInReadingOrderWithALimit() {
        let all = TextSearch.allMatches(in: blocks, query: beta)
        #expect(all == [
            SearchMatch(block: 0, range: 6..<10), SearchMatch(block: 2, range: 0..<4),
            SearchMatch(block: 2, range: 11..<15),
        ])
        #expect(TextSearch.allMatches(in: blocks, query: beta, limit: 2) == Array(all.prefix(2)))
        #expect(TextSearch.allMatches(in: blocks, query: SearchQuery("zeta")).isEmpty)
        #expect(all == all.sorted())
    }

    @Test func nextGoesForwardAndWrapsToTheTop() throws {
        let first = try #require(TextSearch.next(after: nil, in: blocks, query: beta))
        #expect(first.match == SearchMatch(block: 0, range: 6..<10))
        #expect(!first.wrapped)
        let second = try #require(TextSearch.next(after: first.match, in: blocks, query: beta))
        #expect(second.match == SearchMatch(block: 2, range: 0..<4))
        #expect(!second.wrapped)
        let third = try #require(TextSearch.next(after: second.match, in: blocks, query: beta))
        #expect(third.match == SearchMatch(block: 2, range: 11..<15))
        let wrapped = try #require(TextSearch.next(after: third.match, in: blocks, query: beta))
        #expect(wrapped.match == first.match)
        #expect(wrapped.wrapped)
    }

    @Test func previousGoesBackwardAndWrapsToTheBottom() throws {
        let last = try #require(TextSearch.next(after: nil, in: blocks, query: beta, forward: false))
        #expect(last.match == SearchMatch(block: 2, range: 11..<15))
        #expect(!last.wrapped)
        let before = try #require(TextSearch.next(after: last.match, in: blocks, query: beta, forward: false))
        #expect(before.match == SearchMatch(block: 2, range: 0..<4))
        let wrapped = try #require(
            TextSearch.next(after: SearchMatch(block: 0, range: 6..<10), in: blocks, query: beta, forward: false))
        #expect(wrapped.match == last.match)
        #expect(wrapped.wrapped)
    }

    @Test func aSingleMatchWrapsOntoItself() throws {
        let only = SearchMatch(block: 1, range: 0..<5)
        let found = try #require(TextSearch.next(after: only, in: blocks, query: SearchQuery("gamma")))
        #expect(found.match == only)
        #expect(found.wrapped)
        #expect(TextSearch.next(after: nil, in: blocks, query: SearchQuery("zeta")) == nil)
        #expect(TextSearch.next(after: nil, in: [], query: beta) == nil)
    }

    @Test func nearestIncludesAMatchAtThePosition() throws {
        let here = try #require(TextSearch.nearest(from: 2, offset: 0, in: blocks, query: beta))
        #expect(here.match == SearchMatch(block: 2, range: 0..<4))
        let back = try #require(TextSearch.nearest(from: 1, offset: 0, in: blocks, query: beta, forward: false))
        #expect(back.match == SearchMatch(block: 0, range: 6..<10))
        let fromGap = try #require(TextSearch.nearest(from: 1, in: blocks, query: beta))
        #expect(fromGap.match == SearchMatch(block: 2, range: 0..<4))
        #expect(!fromGap.wrapped)
    }

    @Test func positionsOutsideTheArticleStartFromItsEnds() throws {
        let past = try #require(TextSearch.nearest(from: 99, in: blocks, query: beta))
        #expect(past.match == SearchMatch(block: 0, range: 6..<10))
        #expect(past.wrapped)
        let before = try #require(TextSearch.nearest(from: -1, in: blocks, query: beta, forward: false))
        #expect(before.match == SearchMatch(block: 2, range: 11..<15))
        #expect(before.wrapped)
    }
}
