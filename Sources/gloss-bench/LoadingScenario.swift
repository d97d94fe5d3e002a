import GlossCore

/// Loading each generated worst case (``WorstCaseArticles``) in-process with `ArticleLoader`, as
/// `gloss list`, `gloss dump` and the library load every article. Goal: well under a second per
/// megabyte for every one, so no input makes loading super-linear.
enum LoadingScenario {
    static let goal = Goal(limit: 250, text: "≤ 250 ms")

    static func run(_ context: BenchContext) {
        for worst in WorstCaseArticles().cases {
            var samples: [Double] = []
            var failure: String?
            // Slow cases are measured fewer times: at most 3 runs once a run took over a second.
            while samples.count < 3 || (samples.count < context.options.endToEndRuns && (samples.last ?? 0) < 1_000) {
                samples.append(InProcessTimer.time {
                    do throws(ArticleLoadError) {
                        let article = try ArticleLoader.load(bytes: worst.bytes, fileName: worst.fileName)
                        if worst.refused { failure = "was loaded, but should be refused" }
                        return article.blocks.count
                    } catch {
                        if !worst.refused { failure = error.description }
                        return 0
                    }
                })
                if failure != nil { break }
            }
            if let failure {
                context.report.fail(.loading, "\(worst.name): \(failure)")
                continue
            }
            context.report.add(ResultRow(
                scenario: .loading, name: "load \(worst.name) (\(worst.bytes.count / 1000) KB)", subject: "in-process",
                unit: "ms", samples: samples, goal: goal))
        }
    }
}
