import GlossTUI

/// Times work inside the benchmark's own process with the monotonic clock.
enum InProcessTimer {
    /// Every measurement adds something it computed here, so the optimizer cannot drop the work.
    nonisolated(unsafe) private(set) static var sink = 0
    /// No in-process measurement spends much more than this on its repetitions.
    static let budget = Duration.seconds(3)

    static func keep(_ value: Int) {
        sink &+= value
    }

    /// Milliseconds to apply `event` and render the resulting screen, as gloss does before drawing.
    static func time(_ state: inout AppState, _ event: Event) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        _ = reduce(&state, event)
        let frame = ScreenRenderer.render(state)
        let elapsed = clock.now - start
        keep(frame.buffer.cell(x: 0, y: frame.buffer.height - 1)?.text.utf8.count ?? 0)
        return elapsed.milliseconds
    }

    /// Milliseconds `work` takes.
    static func time(_ work: () -> Int) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let result = work()
        let elapsed = clock.now - start
        keep(result)
        return elapsed.milliseconds
    }

    /// Calls `body` at least 10 times and up to the configured in-process count, stopping early
    /// once the time budget is spent (a slow operation at 50 MB must not take minutes).
    static func repeatUntilDone(_ context: BenchContext, _ body: () -> Void) {
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        while count < context.options.inProcessRuns, count < 10 || clock.now - start < budget {
            body()
            count += 1
        }
    }
}
