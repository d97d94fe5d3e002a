/// `gloss read FILE` from fork to the first complete screen, against `less FILE`, at every size,
/// with annotations stored for the article. Goal: at most twice as long as less, pair by pair.
enum OpenScenario {
    static let goal = Goal(limit: 2, text: "≤ 2× less")

    static func run(_ context: BenchContext) {
        for article in context.options.articles {
            let prepared: PreparedArticle
            do {
                prepared = try context.prepare(article)
            } catch {
                context.report.fail(.open, error.description)
                continue
            }
            let programs = [context.gloss] + [context.less].compactMap { $0 }
            // gloss paints a large article from its opening and then reads the rest: both moments count.
            let jobs = programs.map { program in
                context.job(program, prepared, wholeArticle: false) { program.isWholeArticleScreen($0, prepared.target) }
            }
            let runs = context.alternate(jobs, scenario: .open)
            let name = "open → first screen, \(article.label)"
            let gloss = runs[0].compactMap(\.ready)
            context.report.add(ResultRow(scenario: .open, name: name, subject: "gloss", unit: "ms", samples: gloss))
            if runs.count > 1 {
                let less = runs[1].compactMap(\.ready)
                context.report.add(ResultRow(scenario: .open, name: name, subject: "less", unit: "ms", samples: less))
                context.report.add(ResultRow(
                    scenario: .open, name: name, subject: "gloss/less", unit: "×",
                    samples: Summary.pairRatios(gloss, less), goal: goal))
            }
            let whole = runs[0].compactMap { run in run.ready.flatMap { ready in run.action.map { ready + $0 } } }
            context.report.add(ResultRow(
                scenario: .open, name: "open → whole article read (¶ 1/N), \(article.label)", subject: "gloss",
                unit: "ms", samples: whole))
            context.report.add(ResultRow(
                scenario: .open, name: "quit (Q → exit), \(article.label)", subject: "gloss", unit: "ms",
                samples: runs[0].compactMap(\.quit)))
            context.glossMemory["open \(article.id)"] = runs[0].compactMap(\.maxResidentMiB)
        }
    }
}

extension BenchContext {
    /// Runs the jobs in rotation (A B C A B C …) for the configured number of runs, so that
    /// changes in machine load hit every program alike. A program that fails is reported and
    /// not run again; its list then holds only the runs that worked.
    func alternate(_ jobs: [TerminalJob], scenario: Scenario) -> [[TerminalRun]] {
        var results = Array(repeating: [TerminalRun](), count: jobs.count)
        var failed = Set<Int>()
        for number in 0..<options.endToEndRuns {
            for (index, job) in jobs.enumerated() where !failed.contains(index) {
                let result = run(job)
                if let failure = result.failure {
                    report.fail(scenario, "\(failure) (run \(number + 1))")
                    failed.insert(index)
                } else {
                    results[index].append(result)
                }
            }
        }
        return results
    }
}
