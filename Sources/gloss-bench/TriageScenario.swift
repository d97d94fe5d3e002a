import GlossCore
import GlossStorage
import GlossTUI

/// Triage in a library of 2,000 articles: a mark key (`s`, star and unstar) and a view key
/// (`4` then `1`) in-process, reduce plus the frame, against the movement-key budget; and the
/// save behind a mark, `StateStore.mark` with fsync into a state file holding 2,000 marks.
enum TriageScenario {
    static let size = Size(width: BenchContext.columns, height: BenchContext.rows)

    static func run(_ context: BenchContext) {
        let count = context.options.libraryCount
        var state = AppState(size: size)
        _ = reduce(&state, .libraryLoaded(items(count)))
        state.library.select(count / 2)
        for (forward, backward) in [(Key.char("s"), Key.char("s")), (.char("4"), .char("1")), (.char("N"), .char("N"))] {
            var samples: [Double] = []
            InProcessTimer.repeatUntilDone(context) {
                samples.append(InProcessTimer.time(&state, .key(forward)))
                samples.append(InProcessTimer.time(&state, .key(backward)))
            }
            context.report.add(ResultRow(
                scenario: .triage, name: "key \(forward.notation)/\(backward.notation) → frame, library of \(count)",
                subject: "in-process", unit: "ms", samples: samples, goal: KeyScenario.keyGoal))
        }
        let data: String
        do {
            data = try context.freshDirectory("data-triage")
        } catch {
            context.report.fail(.triage, error.description)
            return
        }
        let store = StateStore(dataDirectory: data)
        let paths = (0..<count).map { "feed/\($0).md" }
        do {
            for path in paths { _ = try store.mark(.star, [path], contentHashes: [path: "0123456789abcdef"]) }
        } catch {
            context.report.fail(.triage, "could not write marks: \(error.description)")
            return
        }
        var saves: [Double] = []
        var index = 0
        InProcessTimer.repeatUntilDone(context) {
            let path = paths[index % paths.count]
            index += 1
            saves.append(InProcessTimer.time {
                (try? store.mark(index % 2 == 0 ? .archive : .unarchive, [path], contentHashes: [:]))?.marks.count ?? 0
            })
        }
        context.report.add(ResultRow(
            scenario: .triage, name: "save 1 mark among \(count), with fsync", subject: "in-process", unit: "ms",
            samples: saves))
    }

    /// A library like a reader's: ten feeds of `count / 10` articles each, some read, starred
    /// or archived.
    static func items(_ count: Int) -> [LibraryItem] {
        (0..<count).map { i in
            LibraryItem(
                relativePath: "feed\(i % 10)/\(i).md", title: "Article number \(i) about the council budget",
                source: "Feed \(i % 10)", date: "2026-\(String(format: "%02d", 1 + i % 12))-\(String(format: "%02d", 1 + i % 28))",
                words: 800, minutes: 4, progress: i % 3 == 0 ? 50 : nil, group: "Feed \(i % 10)",
                isStarred: i % 17 == 0, isArchived: i % 5 == 0)
        }
    }
}
