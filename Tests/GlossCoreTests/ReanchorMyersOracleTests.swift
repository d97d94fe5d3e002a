import GlossTestSupport
import Testing

@testable import GlossCore

/// `MyersDiff` against the standard library's `difference(from:)` on small random sequences:
/// both find a shortest edit script, so they must agree on its length, and every run `MyersDiff`
/// reports must really be equal in both sequences, in order.
@Suite struct ReanchorMyersOracleTests {
    @Test func equalRunsAreAShortestEditScriptLikeTheStandardLibrarys() {
        var random = SeededGenerator(seed: 2024)
        for _ in 0..<3_000 {
            let alphabet = 1 + random.index(below: 4)
            let old = (0..<random.index(below: 14)).map { _ in Int32(random.index(below: alphabet)) }
            let new = (0..<random.index(below: 14)).map { _ in Int32(random.index(below: alphabet)) }
            let context = "old \(old) new \(new)"
            guard let runs = MyersDiff.equalRuns(old, new, maximumEdits: .max, maximumWork: .max) else {
                Issue.record("gave up without a limit: \(context)")
                continue
            }
            var oldNext = 0
            var newNext = 0
            for run in runs {
                #expect(run.length > 0, "\(context)")
                #expect(run.old >= oldNext && run.new >= newNext, "runs out of order: \(context)")
                #expect(run.old + run.length <= old.count && run.new + run.length <= new.count, "\(context)")
                guard run.old + run.length <= old.count, run.new + run.length <= new.count else { break }
                #expect(old[run.old..<(run.old + run.length)] == new[run.new..<(run.new + run.length)], "\(context)")
                oldNext = run.old + run.length
                newNext = run.new + run.length
            }
            let shared = runs.reduce(0) { $0 + $1.length }
            let oracle = new.difference(from: old)
            #expect(old.count - shared == oracle.removals.count, "deletions differ: \(context)")
            #expect(new.count - shared == oracle.insertions.count, "insertions differ: \(context)")
        }
    }
}
