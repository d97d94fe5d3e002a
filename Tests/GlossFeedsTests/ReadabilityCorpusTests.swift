import Foundation
import Testing
@testable import GlossFeeds

/// Page extraction measured against Mozilla Readability's test pages (`../shared/corpus/readability`
/// from the repository's root, when present): each `source.html` is extracted as `gloss add` does,
/// written as an article, and scored by bag-of-words F1 against `expected.html`; the title and
/// byline are compared with `expected-metadata.json`.
@Suite struct ReadabilityCorpusTests {
    /// The figures the extractor must keep: the goal, mean F1 0.975 over every page (see docs/FEEDS.md).
    static let minimumMeanF1 = 0.975
    /// Over the pages read (not refused): the goal, 0.975, with a little room.
    static let minimumMeanF1OfPagesRead = 0.975
    static let minimumTitleExactShare = 0.9
    /// No page may be refused (a page whose declared charset does not fit its bytes is read by
    /// the charset fallback).
    static let toleratedRefusals = 0

    struct PageResult {
        var name: String
        var realSite: Bool
        var score: ReadabilityScoring.Score
        var failure: String?
        var titleExact: Bool
        var titleContained: Bool
        var title = ""
        var expectedTitle = ""
        var byline: (exact: Bool, contained: Bool)?
        var seconds: Double
    }

    static var corpus: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus/readability")
    }

    static var pages: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.sorted().map { corpus.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("source.html").path) }
    }

    @Test(.enabled(if: !pages.isEmpty, "the Readability corpus is not at ../shared/corpus/readability"))
    func extractionMatchesReadability() throws {
        let results = try Self.pages.map(Self.measure)
        Self.printTable(results)
        let f1s = results.map(\.score.f1)
        let mean = f1s.reduce(0, +) / Double(f1s.count)
        let titles = Double(results.filter(\.titleExact).count) / Double(results.count)
        let failures = results.filter { $0.failure != nil }.map { "\($0.name): \($0.failure ?? "")" }
        #expect(failures.count <= Self.toleratedRefusals, "pages refused: \(failures)")
        #expect(mean >= Self.minimumMeanF1, "mean F1 \(mean)")
        let read = results.filter { $0.failure == nil }.map(\.score.f1)
        let meanRead = read.reduce(0, +) / Double(max(read.count, 1))
        #expect(meanRead >= Self.minimumMeanF1OfPagesRead, "mean F1 of the pages read \(meanRead)")
        #expect(titles >= Self.minimumTitleExactShare, "titles exact \(titles)")
    }

    static func measure(_ folder: URL) throws -> PageResult {
        let source = try Data(contentsOf: folder.appendingPathComponent("source.html"))
        let expectedHTML = try String(decoding: Data(contentsOf: folder.appendingPathComponent("expected.html")), as: UTF8.self)
        let metadata = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")))
        let expected = metadata as? [String: Any] ?? [:]
        let reference = ReadabilityScoring.htmlWords(expectedHTML)
        let start = Date()
        var result = PageResult(
            name: folder.lastPathComponent, realSite: source.count >= 10_000,
            score: .init(precision: 0, recall: 0, f1: 0), failure: nil, titleExact: false, titleContained: false,
            byline: nil, seconds: 0
        )
        do {
            let page = try ReadableExtractor.extract(from: Array(source))
            result.seconds = Date().timeIntervalSince(start)
            let article = FeedArticleWriter.article(for: page)
            // For studying a page: READABILITY_DUMP=folder writes every article there.
            if let dump = ProcessInfo.processInfo.environment["READABILITY_DUMP"] {
                try? article.write(toFile: dump + "/" + folder.lastPathComponent + ".md", atomically: true, encoding: .utf8)
            }
            result.score = ReadabilityScoring.score(candidate: ReadabilityScoring.articleWords(article), reference: reference)
            let title = ReadabilityScoring.normalizedSpace(page.title ?? "Untitled")
            let wanted = ReadabilityScoring.normalizedSpace(expected["title"] as? String ?? "")
            (result.title, result.expectedTitle) = (title, wanted)
            result.titleExact = title == wanted
            result.titleContained = !wanted.isEmpty && title.contains(wanted)
            if let byline = (expected["byline"] as? String).map(ReadabilityScoring.normalizedSpace), !byline.isEmpty {
                let author = ReadabilityScoring.normalizedSpace(page.byline ?? "")
                result.byline = (author == byline, !author.isEmpty && (author.contains(byline) || byline.contains(author)))
            }
        } catch {
            result.seconds = Date().timeIntervalSince(start)
            result.failure = error.description
        }
        return result
    }

    static func printTable(_ results: [PageResult]) {
        var lines = ["page                                   kind    F1     P      R      title  byline  s"]
        for result in results {
            let title = result.titleExact ? "exact" : result.titleContained ? "cont" : "no"
            let byline = result.byline.map { $0.exact ? "exact" : $0.contained ? "part" : "no" } ?? "-"
            lines.append(
                result.name.padding(toLength: 38, withPad: " ", startingAt: 0) + " "
                    + (result.realSite ? "real " : "small") + "  " + format(result.score.f1) + " " + format(result.score.precision)
                    + " " + format(result.score.recall) + " " + title.padding(toLength: 6, withPad: " ", startingAt: 0) + " "
                    + byline.padding(toLength: 7, withPad: " ", startingAt: 0) + " " + String(format: "%.2f", result.seconds)
                    + (result.failure.map { "  FAILED: " + $0 } ?? "")
                    + (result.titleExact || result.failure != nil ? "" : "  title \"\(result.title)\", wanted \"\(result.expectedTitle)\"")
            )
        }
        for (label, subset) in [("all", results), ("real sites", results.filter(\.realSite))] {
            let f1s = subset.map(\.score.f1).sorted()
            guard !f1s.isEmpty else { continue }
            let mean = f1s.reduce(0, +) / Double(f1s.count)
            let median = f1s.count % 2 == 1 ? f1s[f1s.count / 2] : (f1s[f1s.count / 2 - 1] + f1s[f1s.count / 2]) / 2
            let p10 = f1s[Int((Double(f1s.count - 1) * 0.1).rounded(.down))]
            let exact = subset.filter(\.titleExact).count
            let contained = subset.filter { $0.titleExact || $0.titleContained }.count
            let bylines = subset.compactMap(\.byline)
            lines.append(
                "\(label) (\(subset.count)): mean \(format(mean)) median \(format(median)) p10 \(format(p10))"
                    + " >=0.9 \(f1s.filter { $0 >= 0.9 }.count) <0.5 \(f1s.filter { $0 < 0.5 }.count)"
                    + " title exact \(exact) containing \(contained) byline exact \(bylines.filter(\.exact).count)"
                    + " part \(bylines.filter { $0.exact || $0.contained }.count) of \(bylines.count)"
                    + " failed \(subset.filter { $0.failure != nil }.count)"
            )
        }
        print(lines.joined(separator: "\n"))
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
