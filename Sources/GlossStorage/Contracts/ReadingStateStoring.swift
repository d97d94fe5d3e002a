import GlossCore

/// Loads and saves reading positions. `StateStore` keeps them on disk; `InMemoryReadingStateStore`
/// (in the GlossTestSupport test target) keeps them in memory for tests.
public protocol ReadingStateStoring: AnyObject {
    func loadReadingState() throws(StorageError) -> ReadingState

    /// Merges the position into what is stored, saves, and returns the merged state.
    func record(
        _ position: ReadingPosition, for articlePath: String, markLastOpened: Bool
    ) throws(StorageError) -> ReadingState

    /// Applies a mark change to articles, merged into what is stored, and returns the merged state.
    func mark(
        _ change: MarkChange, _ articlePaths: [String], contentHashes: [String: String]
    ) throws(StorageError) -> ReadingState
}
