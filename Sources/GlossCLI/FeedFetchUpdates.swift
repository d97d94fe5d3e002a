import Foundation
import GlossTUI

/// News from a background thread waiting for the run loop, behind a lock.
final class UpdateQueue<Update: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Update] = []

    func append(_ update: Update) {
        lock.lock()
        pending.append(update)
        lock.unlock()
    }

    func takeAll() -> [Update] {
        lock.lock()
        defer { lock.unlock() }
        let taken = pending
        pending = []
        return taken
    }
}

/// Updates from the fetch thread.
typealias FeedFetchUpdates = UpdateQueue<FeedFetchUpdate>
