import Foundation
@testable import GlossStorage
import Testing

/// `BlockingWorkers` runs every worker at the same time, however few CPUs there are.
@Suite struct BlockingWorkersTests {
    @Test func everyWorkerRunsAtOnceEvenWithMoreWorkersThanCPUs() {
        let count = ProcessInfo.processInfo.activeProcessorCount + 3
        let arrived = Counter()
        let seen = Counter()
        BlockingWorkers.run(count) { worker in
            arrived.add(1)
            // Each waits until all have arrived: with fewer threads than workers this never happens.
            let deadline = Date().addingTimeInterval(20)
            while arrived.value < count && Date() < deadline { usleep(1000) }
            if arrived.value == count { seen.add(1 << worker) }
        }
        #expect(seen.value == (1 << count) - 1)
    }

    @Test func noWorkersAndOneWorker() {
        let calls = Counter()
        BlockingWorkers.run(0) { _ in calls.add(1) }
        #expect(calls.value == 0)
        BlockingWorkers.run(1) { worker in calls.add(worker + 1) }
        #expect(calls.value == 1)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var total = 0
        func add(_ amount: Int) {
            lock.lock()
            total += amount
            lock.unlock()
        }
        var value: Int {
            lock.lock()
            defer { lock.unlock() }
            return total
        }
    }
}
