import GlossCore

/// Keeps one state file per feed in `<data directory>/feeds/<feed-slug>.json`, written
/// atomically under a lock; a damaged file is moved aside (`.corrupt-<time>`), never deleted.
/// One file per feed lets feeds be fetched concurrently without contending for a lock.
public final class FeedStateStore: Sendable {
    public let directory: String
    let clock: @Sendable () -> Timestamp

    public init(dataDirectory: String, clock: @escaping @Sendable () -> Timestamp = SystemClock.now) {
        self.directory = dataDirectory.withoutTrailingSlash + "/feeds"
        self.clock = clock
    }

    /// The state file of the feed stored under `slug`.
    public func location(ofFeed slug: String) -> String { directory + "/" + slug + ".json" }

    private func file(_ slug: String) -> GuardedFile { GuardedFile(path: location(ofFeed: slug), clock: clock) }

    /// The feed's state (nil when never fetched) and what the user should be told, e.g. that a
    /// damaged file was set aside. A file from a newer Gloss is an error: it must not be rewritten.
    public func load(feed slug: String) throws(StorageError) -> (state: FeedState?, messages: [String]) {
        let read = try file(slug).read(FeedStateDocument.parse)
        if let blocked = read.blocked { throw blocked }
        if let document = read.document, document.isNewer {
            throw .newerSchema(
                path: location(ofFeed: slug), found: document.schemaVersion, supported: FeedStateDocument.schemaVersion)
        }
        return (read.document?.state, read.messages)
    }

    /// Saves the feed's state, keeping fields a newer Gloss added and the previous file as `.bak`.
    public func save(_ state: FeedState, feed slug: String) throws(StorageError) {
        try SecureDirectory.ensure(directory)
        let file = self.file(slug)
        let location = self.location(ofFeed: slug)
        try FileLock.withExclusiveLock(file.lockPath) { () throws(StorageError) in
            let read = try file.readHoldingLock(FeedStateDocument.parse)
            if let blocked = read.blocked { throw blocked }
            var document = read.document ?? FeedStateDocument(state: state)
            if document.isNewer {
                throw .newerSchema(path: location, found: document.schemaVersion, supported: FeedStateDocument.schemaVersion)
            }
            AtomicFile.removeLeftovers(for: location, in: SecureDirectory.entries(of: directory))
            document.state = state
            try file.write(document.serialized(), keepBackup: read.exists)
        }
    }
}
