import Foundation

/// `gloss fetch` of the captured real feeds, served on 127.0.0.1, into fresh articles and data
/// directories, against `newsboat -x reload` of the same feeds into a fresh cache, 4 at a time
/// each, run in turn run by run. Reports wall time, the ratio pair by pair, peak memory, and how
/// many items each wrote or read. Goal: gloss no slower than newsboat.
enum FeedsScenario {
    static let goal = Goal(limit: 1, text: "≤ 1× newsboat")
    static let parallelFetches = 4

    static func run(_ context: BenchContext) {
        let directory = context.options.feedsDirectory ?? context.packageRoot + "/../shared/corpus/feeds/wild"
        let corpus: FeedCorpus
        do {
            guard let found = try FeedCorpus(directory: directory) else {
                context.report.notes.append("feeds: no folder \(directory): the feeds scenario is skipped.")
                return
            }
            corpus = found
        } catch {
            context.report.fail(.feeds, error.description)
            return
        }
        let newsboat = BenchContext.which("newsboat")
        if let newsboat {
            context.report.tools["newsboat"] = BenchContext.firstLine(of: newsboat, ["--version"])
        } else {
            context.report.notes.append("newsboat is not installed: the feeds scenario measures gloss alone.")
        }
        let count = corpus.files.count
        var gloss = Series()
        var peer = Series()
        for number in 1...context.options.endToEndRuns {
            do {
                gloss.add(try fetchWithGloss(context, corpus, run: number))
                if let newsboat { peer.add(try reloadWithNewsboat(context, corpus, newsboat, run: number)) }
            } catch {
                context.report.fail(.feeds, "\(error.description) (run \(number))")
                break
            }
        }
        removeRunDirectories(context)
        let name = "fetch \(count) feeds, fresh data"
        context.report.add(ResultRow(scenario: .feeds, name: name, subject: "gloss", unit: "ms", samples: gloss.times))
        context.report.add(ResultRow(scenario: .feeds, name: name, subject: "newsboat", unit: "ms", samples: peer.times))
        if newsboat != nil {
            context.report.add(ResultRow(
                scenario: .feeds, name: name, subject: "gloss/newsboat", unit: "×",
                samples: Summary.pairRatios(gloss.times, peer.times), goal: goal))
        }
        let memory = "peak RSS, fetch \(count) feeds"
        context.report.add(ResultRow(scenario: .feeds, name: memory, subject: "gloss", unit: "MiB", samples: gloss.memory))
        context.report.add(ResultRow(scenario: .feeds, name: memory, subject: "newsboat", unit: "MiB", samples: peer.memory))
        context.report.add(ResultRow(
            scenario: .feeds, name: "items of \(count) feeds", subject: "gloss", unit: "items", samples: gloss.items,
            note: "articles written"))
        context.report.add(ResultRow(
            scenario: .feeds, name: "items of \(count) feeds", subject: "newsboat", unit: "items", samples: peer.items,
            note: "items in its cache"))
    }

    /// What the runs of one program measured.
    struct Series {
        var times: [Double] = []
        var memory: [Double] = []
        var items: [Double] = []

        mutating func add(_ run: (ChildProcess.Outcome, items: Int)) {
            times.append(run.0.wallMilliseconds)
            memory.append(run.0.maxResidentMiB)
            items.append(Double(run.items))
        }
    }

    /// `gloss fetch --jobs 4` into fresh articles and data directories.
    static func fetchWithGloss(_ context: BenchContext, _ corpus: FeedCorpus, run: Int) throws(BenchError) -> (ChildProcess.Outcome, items: Int) {
        let root = try context.freshDirectory("feeds-gloss-\(run)")
        let articles = root + "/articles"
        let data = root + "/data"
        let feeds = root + "/feeds.toml"
        try write(corpus.feedsTOML, to: feeds)
        let child = ChildProcess(
            executable: context.gloss.executable,
            arguments: ["fetch", "--feeds", feeds, "--articles", articles, "--data", data, "--jobs", "\(parallelFetches)"],
            environment: context.environment(home: root + "/home"), outputPath: root + "/output.txt")
        let outcome = try checked(child.run(timeout: fetchTimeout(context)), "gloss fetch", output: child.outputPath)
        return (outcome, countArticles(in: articles))
    }

    /// `newsboat -x reload` with `reload-threads 4`, its urls, config and cache in a fresh directory.
    static func reloadWithNewsboat(
        _ context: BenchContext, _ corpus: FeedCorpus, _ newsboat: String, run: Int
    ) throws(BenchError) -> (ChildProcess.Outcome, items: Int) {
        let root = try context.freshDirectory("feeds-newsboat-\(run)")
        let urls = root + "/urls"
        let config = root + "/config"
        let cache = root + "/cache.db"
        try write(corpus.newsboatURLs, to: urls)
        try write("reload-threads \(parallelFetches)\n", to: config)
        let files = ["-u", urls, "-C", config, "-c", cache]
        let environment = context.environment(home: root + "/home")
        let reload = ChildProcess(
            executable: newsboat, arguments: files + ["-x", "reload"], environment: environment,
            outputPath: root + "/output.txt")
        let outcome = try checked(reload.run(timeout: fetchTimeout(context)), "newsboat -x reload", output: reload.outputPath)
        // Counted afterwards, outside the time: every item of a fresh cache is unread.
        let count = ChildProcess(
            executable: newsboat, arguments: files + ["-x", "print-unread"], environment: environment,
            outputPath: root + "/unread.txt")
        _ = try checked(count.run(timeout: fetchTimeout(context)), "newsboat -x print-unread", output: count.outputPath)
        return (outcome, leadingNumber(of: (try? String(contentsOfFile: count.outputPath, encoding: .utf8)) ?? ""))
    }

    /// Every run writes into directories of its own, removed only once all runs are done:
    /// removing a run's thousand files just before the next run makes the file system slower
    /// at creating that run's files (ext4 skips recently freed inodes), which would count
    /// against the side that writes files.
    static func removeRunDirectories(_ context: BenchContext) {
        for number in 1...context.options.endToEndRuns {
            for side in ["gloss", "newsboat"] {
                try? FileManager.default.removeItem(atPath: context.scratch + "/feeds-\(side)-\(number)")
            }
        }
    }

    /// A fetch is given 4 × `--timeout` (2 minutes by default).
    static func fetchTimeout(_ context: BenchContext) -> Duration { .seconds(4 * context.options.timeoutSeconds) }

    /// The outcome of a run that exited 0; otherwise the end of its output in the error.
    static func checked(_ outcome: ChildProcess.Outcome, _ what: String, output: String) throws(BenchError) -> ChildProcess.Outcome {
        guard outcome.exitStatus != 0 else { return outcome }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let tail = text.split(separator: "\n").suffix(3).joined(separator: " / ")
        let ending = outcome.wasKilled ? "was killed after its timeout" : outcome.exitStatus.map { "exited with \($0)" } ?? "ended on a signal"
        throw .failed("\(what) \(ending): \(tail)")
    }

    /// Markdown articles under `directory`, at any depth.
    static func countArticles(in directory: String) -> Int {
        guard let walk = FileManager.default.enumerator(atPath: directory) else { return 0 }
        return walk.reduce(0) { count, item in
            guard let path = item as? String, path.hasSuffix(".md"), !(path.split(separator: "/").last?.hasPrefix(".") ?? true) else { return count }
            return count + 1
        }
    }

    /// The number a line such as `879 unread articles` starts with (0 when none).
    static func leadingNumber(of text: String) -> Int {
        Int(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix { $0.isASCII && $0.isNumber }) ?? 0
    }

    private static func write(_ text: String, to path: String) throws(BenchError) {
        do {
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        } catch {
            throw .failed("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
