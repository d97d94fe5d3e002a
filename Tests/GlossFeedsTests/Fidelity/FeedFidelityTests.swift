import Foundation
import Testing

/// Gloss's reading of real feeds against feedparser's: the figures docs/FEEDS.md reports.
@Suite struct FeedFidelityTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The corpus beside the project (its development half); the test is skipped without it.
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/feeds")
    static let corpusReading = corpus.appendingPathComponent("feedparser-reading.json")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpusReading.path) }

    /// feedparser's reading of its own test suite, written by `scripts/feedparser-reading.py`
    /// (`make feed-fidelity` does it); the test is skipped without it.
    static var suiteReading: URL? {
        ProcessInfo.processInfo.environment["GLOSS_FEEDPARSER_READING"].map(URL.init(fileURLWithPath:))
    }

    static func load(_ url: URL) throws -> FeedFidelity.Reading {
        try JSONDecoder().decode(FeedFidelity.Reading.self, from: Data(contentsOf: url))
    }

    static func report(_ name: String, _ tally: FeedFidelity.Tally) {
        let percent = String(format: "%.1f", tally.share * 100)
        print("\(name): \(tally.matched) of \(tally.entries) entries matched (\(percent)%), \(tally.refusedFiles.count) files refused")
        for miss in tally.misses { print("  \(miss)") }
    }

    @Test(.enabled(if: hasCorpus, "the feed corpus is not beside the project (../shared/corpus/feeds)"))
    func wildFeedsMatchFeedparser() throws {
        let reading = try Self.load(Self.corpusReading)
        let tallies = FeedFidelity().measure(reading, root: Self.corpus)
        let wild = try #require(tallies["B-wild"])
        Self.report("B-wild", wild)
        #expect(wild.entries >= 800)
        #expect(wild.refusedFiles.isEmpty)
        #expect(wild.share >= 0.995, "\(wild.misses.prefix(20).joined(separator: "\n"))")
    }

    @Test(.enabled(if: suiteReading != nil, "GLOSS_FEEDPARSER_READING is not set (make feed-fidelity sets it)"))
    func feedparserSuiteMatchesFeedparser() throws {
        let url = try #require(Self.suiteReading)
        let reading = try Self.load(url)
        let root = try #require(reading.meta?["root"]?.string, "the reading names no root folder")
        let tallies = FeedFidelity().measure(reading, root: URL(fileURLWithPath: root))
        for (name, tally) in tallies.sorted(by: { $0.key < $1.key }) { Self.report(name, tally) }
        let core = try #require(tallies["A-core"])
        #expect(core.share >= 0.995, "\(core.misses.prefix(20).joined(separator: "\n"))")
    }
}
