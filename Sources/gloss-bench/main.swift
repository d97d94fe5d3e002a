import Foundation

// gloss-bench: measures gloss against its performance goals; see docs/PERFORMANCE.md.

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    progress(error.description)
    exit(2)
}
if options.showHelp {
    output(BenchOptions.help)
    exit(0)
}

let context: BenchContext
do {
    context = try BenchContext(options: options)
} catch {
    progress(error.description)
    exit(1)
}

let scenarios: [(Scenario, (BenchContext) -> Void)] = [
    (.open, OpenScenario.run),
    (.end, JumpScenario.runEnd),
    (.search, JumpScenario.runSearch),
    (.memory, MemoryScenario.run),
    (.keys, KeyScenario.runKeys),
    (.resize, KeyScenario.runResize),
    (.annotations, AnnotationScenario.run),
    (.library, LibraryScenario.run),
    (.loading, LoadingScenario.run),
    (.triage, TriageScenario.run),
    (.searchIndex, SearchIndexScenario.run),
    (.feeds, FeedsScenario.run),
]
progress("machine: \(context.report.machine.summary)")
output(TableFormatter.header)
for (scenario, run) in scenarios where options.scenarios.contains(scenario) {
    progress("scenario \(scenario.rawValue)")
    run(context)
}
context.cleanUp()

output("")
output(TableFormatter.header)
for row in context.report.results { output(TableFormatter.line(row)) }
for note in context.report.notes { output("note: \(note)") }
for failure in context.report.failures { output("FAILED: \(failure)") }

let jsonPath = options.jsonPath ?? context.packageRoot + "/.build/bench-results.json"
do {
    try context.report.writeJSON(to: jsonPath)
    output("results: \(jsonPath)")
} catch {
    progress(error.description)
    exit(1)
}
exit(context.report.failures.isEmpty ? 0 : 1)
