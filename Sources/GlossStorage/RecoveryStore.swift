import Glibc
import GlossCore

/// Annotation changes that could not be saved when gloss quit (a full disk, an unwritable
/// `annotations/`), kept in a recovery file until they are merged back.
///
/// The file goes to `$XDG_STATE_HOME/gloss/recovery/` (else `~/.local/state/gloss/recovery/`),
/// a directory of its own that is likelier to be writable than the data directory; when that
/// fails too, to `/tmp/gloss-recovery-<uid>-<time>-<random>.json`. Either way it is created
/// 0600 with `O_EXCL` (never through a planted link) and synced before gloss says where it is.
/// A file in `/tmp` also leaves the marker `/tmp/gloss-recovery-<uid>.pending`, so that every
/// start can tell with one `lstat` whether to look through `/tmp` (see ``pending(environment:temporaryDirectory:thorough:)``).
public enum RecoveryStore {
    /// The changes of one article: annotations to store again (tombstones for deletions).
    public struct Article: Sendable, Equatable {
        public var identity: ArticleIdentity
        public var annotations: [Annotation]

        public init(identity: ArticleIdentity, annotations: [Annotation]) {
            self.identity = identity
            self.annotations = annotations
        }
    }

    /// A recovery file as read back.
    public struct File: Sendable {
        public var path: String
        public var created: Timestamp
        /// Why the changes could not be saved.
        public var failure: String
        public var articles: [Article]
    }

    static let kind = "gloss-recovery"
    static let temporaryPrefix = "gloss-recovery-"

    /// The recovery directory: `$XDG_STATE_HOME/gloss/recovery` (an absolute one), else under
    /// `~/.local/state`; nil without either.
    public static func directory(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state.withoutTrailingSlash + "/gloss/recovery"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home.withoutTrailingSlash + "/.local/state/gloss/recovery"
    }

    /// The bytes of a recovery file: also what is printed when no file can be written.
    public static func serialized(_ articles: [Article], failure: String, created: Timestamp) -> [UInt8] {
        let entries = articles.map { article -> JSONValue in
            .object([
                "article": AnnotationJSON.value(of: article.identity),
                "annotations": .array(article.annotations.map(AnnotationJSON.value(of:))),
            ])
        }
        return JSONValue.object([
            "kind": .string(kind), "schemaVersion": .integer(1), "created": .string(created.description),
            "failure": .string(failure), "articles": .array(entries),
        ]).serialized()
    }

    /// Writes the changes to a new recovery file and returns its path; or throws what went
    /// wrong at each place tried, in one error.
    public static func write(
        _ articles: [Article], failure: String, environment: [String: String], now: Timestamp = SystemClock.now(),
        temporaryDirectory: String = "/tmp"
    ) throws(StorageError) -> String {
        let bytes = serialized(articles, failure: failure, created: now)
        let stamp = now.compactDescription + "-\(getpid())-" + SystemCall.randomSuffix()
        var reasons: [String] = []
        if let directory = directory(environment: environment) {
            let path = directory + "/" + stamp + ".json"
            do {
                try SecureDirectory.ensure(directory)
                try AtomicFile.writeDurably(bytes, to: path)
                try AtomicFile.syncDirectory(directory)
                return path
            } catch {
                reasons.append(error.description)
            }
        }
        let path = temporaryDirectory + "/" + temporaryPrefix + "\(getuid())-" + stamp + ".json"
        do {
            // The marker first: a file the next start would not look for is a file lost to it.
            leaveMarker(in: temporaryDirectory)
            try AtomicFile.writeDurably(bytes, to: path)
            return path
        } catch {
            reasons.append(error.description)
        }
        throw .io(path: path, operation: "write a recovery file", reason: reasons.joined(separator: "; "))
    }

    /// Every recovery file waiting to be merged back: in the recovery directory, and this
    /// user's own in the temporary directory (never a file someone else put there).
    ///
    /// The temporary directory is looked through only when this user's marker is there (or
    /// when `thorough`): it can hold thousands of entries, and reading them at every start
    /// cost more than the rest of the start-up before the first screen. Once a look finds
    /// none of this user's files, the marker is removed.
    public static func pending(
        environment: [String: String], temporaryDirectory: String = "/tmp", thorough: Bool = false
    ) -> [String] {
        var found: [String] = []
        if let directory = directory(environment: environment) {
            found += SecureDirectory.entries(of: directory)
                .filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
                .map { directory + "/" + $0 }
        }
        let marker = markerPath(in: temporaryDirectory)
        let marked = SystemCall.linkStatus(marker) != nil
        guard marked || thorough else { return found.sorted() }
        let mine = temporaryPrefix + "\(getuid())-"
        var temporary: [String] = []
        for name in SecureDirectory.entries(of: temporaryDirectory) where name.hasPrefix(mine) && name.hasSuffix(".json") {
            let path = temporaryDirectory + "/" + name
            guard let info = SystemCall.linkStatus(path), SystemCall.isRegularFile(info), info.st_uid == getuid() else { continue }
            temporary.append(path)
        }
        if temporary.isEmpty, marked, let info = SystemCall.linkStatus(marker), info.st_uid == getuid() {
            unlink(marker)
        } else if !temporary.isEmpty, !marked {
            // Found by a thorough look (a file from before markers): mark it for the next start.
            leaveMarker(in: temporaryDirectory)
        }
        return (found + temporary).sorted()
    }

    /// `/tmp/gloss-recovery-<uid>.pending`: this user has recovery files in the temporary directory.
    static func markerPath(in temporaryDirectory: String) -> String {
        temporaryDirectory + "/" + temporaryPrefix + "\(getuid()).pending"
    }

    /// Creates the marker (empty, 0600, never through a link). Someone else's file of that
    /// name is left alone: it is there, so the next start looks through the directory anyway.
    private static func leaveMarker(in temporaryDirectory: String) {
        let descriptor = open(markerPath(in: temporaryDirectory), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads a recovery file.
    public static func read(_ path: String) throws(StorageError) -> File {
        let bytes = try FileIO.read(path, limit: GuardedFile.sizeLimit)
        let top: JSONObject
        do throws(DocumentProblem) {
            let parsed = try DocumentProblem.versionedObject(bytes)
            guard parsed.object["kind"]?.stringValue == kind else { throw DocumentProblem(reason: "not a recovery file") }
            top = parsed.object
        } catch {
            throw .corrupt(path: path, reason: error.reason, quarantinedAt: nil)
        }
        var articles: [Article] = []
        for entry in top["articles"]?.arrayValue ?? [] {
            guard let identity = entry.objectValue?["article"].flatMap(AnnotationJSON.identity(from:)) else { continue }
            let annotations = (entry.objectValue?["annotations"]?.arrayValue ?? []).compactMap(AnnotationJSON.annotation(from:))
            articles.append(Article(identity: identity, annotations: annotations))
        }
        let created = top["created"]?.stringValue.flatMap(Timestamp.init(iso8601:)) ?? Timestamp(millisecondsSince1970: 0)
        return File(path: path, created: created, failure: top["failure"]?.stringValue ?? "", articles: articles)
    }

    /// Removes a recovery file once everything in it is stored again.
    public static func remove(_ path: String) throws(StorageError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw SystemCall.lastError(path: path, operation: "remove") }
    }
}
