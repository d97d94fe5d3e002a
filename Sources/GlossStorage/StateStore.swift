import Foundation
import GlossCore

/// Keeps reading positions and the last opened article in `<data directory>/state.json`,
/// written atomically and merged under a lock like annotation files.
public final class StateStore: ReadingStateStoring, Sendable {
    public let dataDirectory: String
    /// The path of the state file.
    public let location: String
    let clock: @Sendable () -> Timestamp

    public convenience init(dataDirectory: URL, clock: @escaping @Sendable () -> Timestamp = SystemClock.now) {
        self.init(dataDirectory: dataDirectory.path, clock: clock)
    }

    public init(dataDirectory: String, clock: @escaping @Sendable () -> Timestamp = SystemClock.now) {
        let trimmed = dataDirectory.withoutTrailingSlash
        self.dataDirectory = trimmed
        self.location = trimmed + "/state.json"
        self.clock = clock
    }

    private var file: GuardedFile { GuardedFile(path: location, clock: clock) }

    public func loadReadingState() throws(StorageError) -> ReadingState {
        let read = try file.read(StateDocument.parse)
        var state = read.document?.state ?? ReadingState()
        state.messages = read.messages
        state.isReadOnly = read.blocked != nil
        if let document = read.document, document.isNewer {
            state.isReadOnly = true
            state.messages.append(
                StorageError.newerSchema(
                    path: location, found: document.schemaVersion, supported: StateDocument.schemaVersion
                ).description)
        }
        return state
    }

    public func record(
        _ position: ReadingPosition, for articlePath: String, markLastOpened: Bool
    ) throws(StorageError) -> ReadingState {
        let path = AnnotationPaths.normalizedArticlePath(articlePath)
        return try update { $0.recording(position, for: path, markLastOpened: markLastOpened) }
    }

    public func mark(
        _ change: MarkChange, _ articlePaths: [String], contentHashes: [String: String]
    ) throws(StorageError) -> ReadingState {
        let now = clock()
        let paths = articlePaths.map(AnnotationPaths.normalizedArticlePath)
        return try update { $0.applying(change, to: paths, now: now, contentHashes: contentHashes) }
    }

    /// Moves the marks of articles that are gone to present ones with the same content
    /// (`ReadingState.adoptingRenamedMarks`); writes only when something moved.
    public func adoptRenamedMarks(present contentHashes: [String: String]) throws(StorageError) -> ReadingState? {
        guard (try? loadReadingState())?.adoptingRenamedMarks(present: contentHashes) != nil else { return nil }
        return try update { $0.adoptingRenamedMarks(present: contentHashes) ?? $0 }
    }

    /// Moves the reading position and marks of `oldPath` to `newPath` (an article Gloss itself
    /// moved, as when restoring it from the trash).
    public func moveEntry(from oldPath: String, to newPath: String) throws(StorageError) {
        let old = AnnotationPaths.normalizedArticlePath(oldPath)
        let new = AnnotationPaths.normalizedArticlePath(newPath)
        _ = try update { state in
            var copy = state
            if let marks = copy.marks.removeValue(forKey: old) { copy.marks[new] = marks }
            if let position = copy.positions.removeValue(forKey: old) { copy.positions[new] = position }
            return copy
        }
    }

    /// Reads the stored state under the lock, applies `change` and writes the result.
    private func update(_ change: (ReadingState) -> ReadingState) throws(StorageError) -> ReadingState {
        try SecureDirectory.ensure(dataDirectory)
        let file = self.file
        return try FileLock.withExclusiveLock(file.lockPath) { () throws(StorageError) -> ReadingState in
            let read = try file.readHoldingLock(StateDocument.parse)
            if let blocked = read.blocked { throw blocked }
            var document = read.document ?? StateDocument()
            if document.isNewer {
                throw .newerSchema(path: location, found: document.schemaVersion, supported: StateDocument.schemaVersion)
            }
            AtomicFile.removeLeftovers(for: location, in: SecureDirectory.entries(of: dataDirectory))
            let before = Set(document.state.positions.keys)
            document.state = change(document.state)
            // A position moved to another path must not live on from the raw copy of the file.
            document.dropRawPositions(before.subtracting(document.state.positions.keys))
            try file.write(try document.serialized(), keepBackup: read.exists)
            var state = document.state
            state.messages = read.messages
            return state
        }
    }
}
