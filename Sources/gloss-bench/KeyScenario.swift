import GlossCore
import GlossTUI

/// Keys and resizes measured in-process on the real reader state: `reduce` of the event plus
/// `ScreenRenderer.render` of the new state, the work between a key arriving and the frame
/// handed to ncurses. Timed with the monotonic clock at every size, to show growth with size.
enum KeyScenario {
    static let keyGoal = Goal(limit: 2, text: "≤ 2 ms")
    static let resizeGoal = Goal(limit: 10, text: "≤ 10 ms")
    static let size = Size(width: BenchContext.columns, height: BenchContext.rows)

    /// Keys measured in pairs that undo each other, so the position stays near the middle.
    static let pairs: [(Key, Key, hasGoal: Bool)] = [
        (.char("j"), .char("k"), true),
        (.char(" "), .char("b"), true),
        (.char("]"), .char("["), true),
        (.char("G"), .char("g"), false),
    ]

    static func runKeys(_ context: BenchContext) {
        for article in context.options.articles {
            guard var state = openedState(context, article, scenario: .keys) else { continue }
            for (forward, backward, hasGoal) in pairs {
                var forwardTimes: [Double] = []
                var backwardTimes: [Double] = []
                InProcessTimer.repeatUntilDone(context) {
                    forwardTimes.append(InProcessTimer.time(&state, .key(forward)))
                    backwardTimes.append(InProcessTimer.time(&state, .key(backward)))
                }
                for (key, samples) in [(forward, forwardTimes), (backward, backwardTimes)] {
                    context.report.add(ResultRow(
                        scenario: .keys, name: "key \(key.notation) → frame, \(article.label)", subject: "in-process",
                        unit: "ms", samples: samples, goal: hasGoal ? keyGoal : nil))
                }
            }
        }
    }

    static func runResize(_ context: BenchContext) {
        let other = Size(width: 100, height: 40)
        for article in context.options.articles {
            guard var state = openedState(context, article, scenario: .resize) else { continue }
            var samples: [Double] = []
            InProcessTimer.repeatUntilDone(context) {
                samples.append(InProcessTimer.time(&state, .resize(other)))
                samples.append(InProcessTimer.time(&state, .resize(size)))
            }
            context.report.add(ResultRow(
                scenario: .resize, name: "resize 120↔100 cols → frame, \(article.label)", subject: "in-process",
                unit: "ms", samples: samples, goal: resizeGoal))
        }
    }

    /// The reader state gloss has after opening `article` (with its annotations) at 120×40,
    /// focused on the middle paragraph. Also reports how long the steps of opening take:
    /// loading the file, the normalized text and fingerprint annotations need, and the reader
    /// state with its first frame.
    static func openedState(_ context: BenchContext, _ article: BenchArticle, scenario: Scenario) -> AppState? {
        let path: String
        let loaded: LoadedArticle
        do {
            path = try context.corpus.prepare(article)
            loaded = try LoadedArticle.load(path: path, relativePath: article.fileName)
        } catch {
            context.report.fail(scenario, error.description)
            return nil
        }
        let annotations = loaded.annotations(count: PreparedArticle.annotationCount)
        let opened = OpenedArticle(
            relativePath: article.fileName, article: loaded.article, savedFocus: loaded.article.blocks.count / 2,
            annotations: annotations, text: loaded.text)
        if scenario == .keys {
            var loadTimes: [Double] = []
            var textTimes: [Double] = []
            var openTimes: [Double] = []
            for _ in 0..<context.options.endToEndRuns {
                let clock = ContinuousClock()
                let start = clock.now
                let article = try? LoadedArticle.loadArticle(path: path)
                loadTimes.append((clock.now - start).milliseconds)
                InProcessTimer.keep(article?.blocks.count ?? 0)
                textTimes.append(InProcessTimer.time {
                    let text = ArticleText(loaded.article)
                    return ArticleFingerprint.sha256(of: text).utf8.count + text.blockCount
                })
                var state = AppState(size: size, screen: .reader, quitsWithReader: true)
                openTimes.append(InProcessTimer.time(&state, .articleOpened(opened)))
            }
            context.report.add(ResultRow(
                scenario: .keys, name: "load file (read + ArticleLoader), \(article.label)", subject: "in-process",
                unit: "ms", samples: loadTimes))
            context.report.add(ResultRow(
                scenario: .keys, name: "normalized text + SHA-256, \(article.label)", subject: "in-process",
                unit: "ms", samples: textTimes))
            context.report.add(ResultRow(
                scenario: .keys, name: "reader state + first frame, \(article.label)", subject: "in-process",
                unit: "ms", samples: openTimes))
        }
        var state = AppState(size: size, screen: .reader, quitsWithReader: true)
        _ = reduce(&state, .articleOpened(opened))
        _ = ScreenRenderer.render(state)
        return state
    }
}
