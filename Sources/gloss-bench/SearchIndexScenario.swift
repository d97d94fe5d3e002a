import Foundation
import GlossCore
import GlossSearch
import GlossStorage

/// The library search index, in-process, on each generated library (2,000 and 20,000
/// articles, 200 of them with a `#reading` note): building it from nothing, an update with
/// nothing changed, and the latency of a one-word, a three-word, a phrase and a tag query;
/// plus its size on disk.
enum SearchIndexScenario {
    static let queryGoal = Goal(limit: 50, text: "≤ 50 ms")
    static let queries = [
        ("one word", "harbour"), ("three words", "river bridge lantern"), ("phrase", "\"the council\""),
        ("tag", "#reading"),
    ]
    /// How many articles get a note: every tenth at 2,000. A fixed number, because each is saved
    /// with fsync, and one in ten at 20,000 would spend most of the scenario on the disk.
    static let notedArticles = 200

    static func run(_ context: BenchContext) {
        for count in context.options.librarySizes {
            run(context, count: count)
        }
    }

    private static func run(_ context: BenchContext, count: Int) {
        do {
            let library = try context.corpus.prepareLibrary(count: count)
            let data = try context.freshDirectory("data-search")
            let files = try LibraryScanner(articlesDirectory: library).articleFiles()
            let store = AnnotationStore(dataDirectory: data)
            try annotate(files, every: max(1, files.count / notedArticles), store: store)
            let clock = ContinuousClock()
            let start = clock.now
            let index = try SearchIndex(dataDirectory: data)
            try index.update(files: files, store: store)
            let build = (clock.now - start).milliseconds
            context.report.add(ResultRow(
                scenario: .searchIndex, name: "index build, \(count) articles", subject: "gloss", unit: "ms",
                samples: [build]))
            let unchanged = samples(10) { () throws(SearchIndexError) in try index.update(files: files, store: store).unchanged }
            context.report.add(ResultRow(
                scenario: .searchIndex, name: "index update, nothing changed, \(count)", subject: "gloss", unit: "ms",
                samples: unchanged))
            for (name, text) in queries {
                let query = LibraryQuery.parse(text)
                let times = samples(30) { () throws(SearchIndexError) in try index.search(query).count }
                context.report.add(ResultRow(
                    scenario: .searchIndex, name: "query, \(name) (\(text)), \(count)", subject: "gloss", unit: "ms",
                    samples: times, goal: queryGoal, note: "p95 \(format(percentile95(times))) ms"))
            }
            context.report.add(ResultRow(
                scenario: .searchIndex, name: "index size on disk, \(count)", subject: "gloss", unit: "KiB",
                samples: [Double(diskSize(SearchIndexFile.location(dataDirectory: data))) / 1024]))
        } catch {
            context.report.fail(.searchIndex, "\(error)")
        }
    }

    private static func samples(_ runs: Int, _ work: () throws(SearchIndexError) -> Int) -> [Double] {
        (0..<runs).compactMap { _ in
            let clock = ContinuousClock()
            let start = clock.now
            guard let result = try? work() else { return nil }
            InProcessTimer.keep(result)
            return (clock.now - start).milliseconds
        }
    }

    private static func annotate(_ files: [LibraryScanner.FoundFile], every step: Int, store: AnnotationStore) throws {
        for file in files.enumerated().filter({ $0.offset % step == 0 }).map(\.element) {
            let article = try ArticleLoader.load(bytes: try ArticleFile.read(file.absolutePath), fileName: file.relativePath)
            let text = ArticleText(article)
            guard let anchor = AnnotationAnchor(range: 0..<min(8, text.text.unicodeScalars.count), in: text) else { continue }
            let note = Annotation(
                id: "bench-\(file.relativePath)", created: Timestamp(millisecondsSince1970: 1_700_000_000_000),
                note: "worth rereading #reading", anchor: anchor)
            let identity = ArticleIdentity(
                path: file.relativePath, title: article.metadata.title, fingerprint: ArticleFingerprint.sha256(of: text))
            _ = try store.apply([.upsert(note)], to: identity, anchoredOn: text.text)
        }
    }

    static func percentile95(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    private static func diskSize(_ path: String) -> Int {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int ?? 0
            return total + size
        }
    }
}
