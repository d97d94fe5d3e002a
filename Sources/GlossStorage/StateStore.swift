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
            let path = AnnotationPaths.normalizedArticlePath(articlePath)
            document.state = document.state.recording(position, for: path, markLastOpened: markLastOpened)
            try file.write(try document.serialized(), keepBackup: read.exists)
            var state = document.state
            state.messages = read.messages
            return state
        }
    }
}
