import Dispatch
import Foundation

/// Runs blocking work (downloads, fsyncs) on threads of its own. `DispatchQueue.concurrentPerform`
/// runs at most one iteration per CPU at a time, so on a 2-core machine `gloss fetch --jobs 4`
/// downloaded only two feeds at a time; threads that mostly wait need not be bounded by the CPUs.
public enum BlockingWorkers {
    /// Calls `body` with 0, 1, …, `count` - 1, each on a new thread, and returns when all are done.
    public static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        let group = DispatchGroup()
        for worker in 0..<count {
            group.enter()
            let thread = Thread {
                body(worker)
                group.leave()
            }
            thread.start()
        }
        group.wait()
    }
}
