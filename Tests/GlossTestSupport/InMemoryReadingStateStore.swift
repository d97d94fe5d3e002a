import GlossCore
import GlossStorage

/// A `ReadingStateStoring` kept in memory, for tests.
public final class InMemoryReadingStateStore: ReadingStateStoring {
    private var state = ReadingState()
    /// When set, the next write fails with this error (and clears it).
    public var nextWriteError: StorageError?
    /// The time marks are dated with.
    public var now = Timestamp(millisecondsSince1970: 0)

    public init() {}

    public func loadReadingState() throws(StorageError) -> ReadingState { state }

    public func record(
        _ position: ReadingPosition, for articlePath: String, markLastOpened: Bool
    ) throws(StorageError) -> ReadingState {
        if let error = nextWriteError {
            nextWriteError = nil
            throw error
        }
        state = state.recording(position, for: articlePath, markLastOpened: markLastOpened)
        return state
    }

    public func mark(
        _ change: MarkChange, _ articlePaths: [String], contentHashes: [String: String]
    ) throws(StorageError) -> ReadingState {
        if let error = nextWriteError {
            nextWriteError = nil
            throw error
        }
        state = state.applying(change, to: articlePaths, now: now, contentHashes: contentHashes)
        return state
    }
}
