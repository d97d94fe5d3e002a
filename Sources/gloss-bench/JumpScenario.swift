/// At the largest size, the time from a key to the screen it leads to, end to end, for gloss,
/// less and vim in rotation: `G` (the end of the article), and a search for a word found only in
/// the last paragraph (`/word` and Enter, sent at once).
enum JumpScenario {
    static let endGoal = Goal(limit: 20, text: "≤ 20 ms")
    static let searchGoal = Goal(limit: 80, text: "≤ 80 ms")

    static func runEnd(_ context: BenchContext) {
        measure(context, scenario: .end, keys: "G", label: "G → last screen", goal: endGoal) { program, screen, target in
            program.isEndScreen(screen, target)
        }
    }

    static func runSearch(_ context: BenchContext) {
        let word = ArticleGenerator.searchWord
        measure(
            context, scenario: .search, keys: ViewerProgram.searchKeys(word), label: "search → match screen", goal: searchGoal
        ) { program, screen, target in
            program.isSearchScreen(screen, target)
        }
    }

    private static func measure(
        _ context: BenchContext, scenario: Scenario, keys: String, label: String, goal: Goal,
        expected: @escaping (ViewerProgram, TerminalScreen, ScreenTarget) -> Bool
    ) {
        guard let article = context.options.largeArticle else { return }
        let prepared: PreparedArticle
        do {
            prepared = try context.prepare(article)
        } catch {
            context.report.fail(scenario, error.description)
            return
        }
        let programs = [context.gloss] + [context.less, context.vim].compactMap { $0 }
        let jobs = programs.map { program in
            context.job(program, prepared, keys: keys) { expected(program, $0, prepared.target) }
        }
        let runs = context.alternate(jobs, scenario: scenario)
        let name = "\(label), \(article.label)"
        let gloss = runs[0].compactMap(\.action)
        context.report.add(ResultRow(scenario: scenario, name: name, subject: "gloss", unit: "ms", samples: gloss, goal: goal))
        for (index, program) in programs.enumerated().dropFirst() {
            let other = runs[index].compactMap(\.action)
            context.report.add(ResultRow(scenario: scenario, name: name, subject: program.name, unit: "ms", samples: other))
            context.report.add(ResultRow(
                scenario: scenario, name: name, subject: "gloss/\(program.name)", unit: "×",
                samples: Summary.pairRatios(gloss, other)))
        }
        context.glossMemory["\(scenario.rawValue) \(article.id)"] = runs[0].compactMap(\.maxResidentMiB)
    }
}
