/// `gloss --articles DIR --data DIR` on each generated library (2,000 and 20,000 short
/// articles), from fork to the first complete library screen (its status line shows the count
/// and `/:filter`). Cold runs start with a fresh home and data directory (no library cache);
/// the warm runs follow the last of them with the same directories. Peak memory of both.
enum LibraryScenario {
    /// The goals of one library size.
    struct Goals {
        var warm: Goal?
        var cold: Goal?
        var memory: Goal?
    }

    static func goals(count: Int) -> Goals {
        switch count {
        case 2000: return Goals(warm: Goal(limit: 50, text: "≤ 50 ms"))
        case 20_000:
            return Goals(
                warm: Goal(limit: 150, text: "≤ 150 ms"), cold: Goal(limit: 10_000, text: "≤ 10 s"),
                memory: Goal(limit: 100, text: "≤ 100 MiB"))
        default: return Goals()
        }
    }

    /// Cold runs are slow at 20,000 articles (every file is read), so there are fewer of them.
    static func coldRuns(_ context: BenchContext) -> Int { min(3, context.options.endToEndRuns) }

    static func run(_ context: BenchContext) {
        for count in context.options.librarySizes {
            run(context, count: count)
        }
    }

    private static func run(_ context: BenchContext, count: Int) {
        let library: String
        do {
            library = try context.corpus.prepareLibrary(count: count)
        } catch {
            context.report.fail(.library, error.description)
            return
        }
        var cold: [TerminalRun] = []
        var job: TerminalJob?
        for _ in 0..<coldRuns(context) {
            let home: String
            let data: String
            do {
                home = try context.freshDirectory("home-library")
                data = try context.freshDirectory("data-library")
            } catch {
                context.report.fail(.library, error.description)
                return
            }
            let fresh = TerminalJob(
                program: context.gloss, arguments: ["--articles", library, "--data", data],
                subject: "a library of \(count) articles", home: home, data: data,
                isReady: { screen in
                    let bottom = screen.row(screen.height - 1)
                    return bottom.contains("/\(count)") && bottom.contains("/:filter")
                })
            let run = context.run(fresh)
            if let failure = run.failure {
                context.report.fail(.library, failure)
                return
            }
            cold.append(run)
            job = fresh
        }
        guard let job else { return }
        let warm = context.alternate([job], scenario: .library)[0]
        let goals = goals(count: count)
        let name = "library of \(count) → screen"
        context.report.add(ResultRow(
            scenario: .library, name: name + ", cold", subject: "gloss", unit: "ms",
            samples: cold.compactMap(\.ready), goal: goals.cold))
        context.report.add(ResultRow(
            scenario: .library, name: name + ", warm", subject: "gloss", unit: "ms",
            samples: warm.compactMap(\.ready), goal: goals.warm))
        context.report.add(ResultRow(
            scenario: .library, name: "library of \(count), peak RSS, cold", subject: "gloss", unit: "MiB",
            samples: cold.compactMap(\.maxResidentMiB), goal: goals.memory))
        context.report.add(ResultRow(
            scenario: .library, name: "library of \(count), peak RSS, warm", subject: "gloss", unit: "MiB",
            samples: warm.compactMap(\.maxResidentMiB), goal: goals.memory))
    }
}
