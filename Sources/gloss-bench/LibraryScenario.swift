/// `gloss --articles DIR` on a library of 2,000 short articles, from fork to the first complete
/// library screen (its status line shows the count and `/:filter`). The first run starts with a
/// fresh home and data directory; the warm runs follow it. Goal: warm runs within 50 ms.
enum LibraryScenario {
    static let goal = Goal(limit: 50, text: "≤ 50 ms")

    static func run(_ context: BenchContext) {
        let count = context.options.libraryCount
        let library: String
        let home: String
        let data: String
        do {
            library = try context.corpus.prepareLibrary(count: count)
            home = try context.freshDirectory("home-library")
            data = try context.freshDirectory("data-library")
        } catch {
            context.report.fail(.library, error.description)
            return
        }
        let job = TerminalJob(
            program: context.gloss, arguments: ["--articles", library, "--data", data],
            subject: "a library of \(count) articles", home: home, data: data,
            isReady: { screen in
                let bottom = screen.row(screen.height - 1)
                return bottom.contains("/\(count)") && bottom.contains("/:filter")
            })
        let first = context.run(job)
        if let failure = first.failure {
            context.report.fail(.library, failure)
            return
        }
        let warm = context.alternate([job], scenario: .library)[0]
        let name = "library of \(count) → screen"
        context.report.add(ResultRow(
            scenario: .library, name: name + ", first run", subject: "gloss", unit: "ms",
            samples: first.ready.map { [$0] } ?? []))
        context.report.add(ResultRow(
            scenario: .library, name: name + ", warm", subject: "gloss", unit: "ms",
            samples: warm.compactMap(\.ready), goal: goal))
    }
}
