import Foundation
import GlossTUI

/// Updates from the fetch thread waiting for the run loop.
final class FeedFetchUpdates: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [FeedFetchUpdate] = []

    func append(_ update: FeedFetchUpdate) {
        lock.lock()
        pending.append(update)
        lock.unlock()
    }

    func takeAll() -> [FeedFetchUpdate] {
        lock.lock()
        defer { lock.unlock() }
        let taken = pending
        pending = []
        return taken
    }
}
