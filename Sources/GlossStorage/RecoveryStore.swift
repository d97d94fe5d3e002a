import Glibc
import GlossCore

/// Annotation changes that could not be saved when gloss quit (a full disk, an unwritable
/// `annotations/`), kept in a recovery file until they are merged back.
///
/// The file goes to `$XDG_STATE_HOME/gloss/recovery/` (else `~/.local/state/gloss/recovery/`),
/// a directory of its own that is likelier to be writable than the data directory; when that
/// fails too, to `/tmp/gloss-recovery-<uid>-<time>-<random>.json`. Either way it is created
/// 0600 with `O_EXCL` (never through a planted link) and synced before gloss says where it is.
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
            try AtomicFile.writeDurably(bytes, to: path)
            return path
        } catch {
            reasons.append(error.description)
        }
        throw .io(path: path, operation: "write a recovery file", reason: reasons.joined(separator: "; "))
    }

    /// Every recovery file waiting to be merged back: in the recovery directory, and this
    /// user's own in the temporary directory (never a file someone else put there).
    public static func pending(environment: [String: String], temporaryDirectory: String = "/tmp") -> [String] {
        var found: [String] = []
        if let directory = directory(environment: environment) {
            found += SecureDirectory.entries(of: directory)
                .filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
                .map { directory + "/" + $0 }
        }
        let mine = temporaryPrefix + "\(getuid())-"
        for name in SecureDirectory.entries(of: temporaryDirectory) where name.hasPrefix(mine) && name.hasSuffix(".json") {
            let path = temporaryDirectory + "/" + name
            guard let info = SystemCall.linkStatus(path), SystemCall.isRegularFile(info), info.st_uid == getuid() else { continue }
            found.append(path)
        }
        return found.sorted()
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
