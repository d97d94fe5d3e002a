/// Where the reader was in one article.
public struct ReadingPosition: Sendable, Hashable, Codable {
    /// The block at the top of the screen (0-based).
    public var blockIndex: Int
    /// How many wrapped lines of that block were scrolled past.
    public var lineOffset: Int
    /// True once the article has been opened.
    public var opened: Bool
    /// When this position was recorded; the newer one wins a merge.
    public var updated: Timestamp
    /// How far through the article this is (0-100), for the library's progress column.
    public var percent: Int?

    public init(blockIndex: Int, lineOffset: Int = 0, opened: Bool = true, updated: Timestamp, percent: Int? = nil) {
        self.blockIndex = max(0, blockIndex)
        self.lineOffset = max(0, lineOffset)
        self.opened = opened
        self.updated = updated
        self.percent = percent.map { max(0, min(100, $0)) }
    }

    private enum CodingKeys: String, CodingKey { case blockIndex, lineOffset, opened, updated, percent }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            blockIndex: try container.decodeIfPresent(Int.self, forKey: .blockIndex) ?? 0,
            lineOffset: try container.decodeIfPresent(Int.self, forKey: .lineOffset) ?? 0,
            opened: try container.decodeIfPresent(Bool.self, forKey: .opened) ?? true,
            updated: try container.decode(Timestamp.self, forKey: .updated),
            percent: try container.decodeIfPresent(Int.self, forKey: .percent))
    }
}

/// Reading positions and triage marks of every article, keyed by the article's relative path,
/// and the article opened last.
public struct ReadingState: Sendable, Hashable {
    public var positions: [String: ReadingPosition]
    /// Read/unread, starred and archived marks, for articles that have any.
    public var marks: [String: ArticleMarks] = [:]
    /// The relative path of the article opened most recently.
    public var lastOpened: String?
    public var lastOpenedAt: Timestamp?
    /// True when the state file must not be written (it comes from a newer version of gloss).
    public var isReadOnly: Bool
    /// Things the user should be told, e.g. that a damaged file was set aside.
    public var messages: [String]

    public init(
        positions: [String: ReadingPosition] = [:], lastOpened: String? = nil, lastOpenedAt: Timestamp? = nil,
        isReadOnly: Bool = false, messages: [String] = []
    ) {
        self.positions = positions
        self.lastOpened = lastOpened
        self.lastOpenedAt = lastOpenedAt
        self.isReadOnly = isReadOnly
        self.messages = messages
    }

    /// This state with `position` recorded for `articlePath` (unless a newer one is already
    /// there) and, when `markLastOpened`, the article as the last opened one.
    public func recording(
        _ position: ReadingPosition, for articlePath: String, markLastOpened: Bool
    ) -> ReadingState {
        var copy = self
        if let existing = positions[articlePath], existing.updated > position.updated {
            // Keep the newer position another process wrote.
        } else {
            copy.positions[articlePath] = position
        }
        // Opening an article the user marked unread makes it read again.
        if markLastOpened, var marks = copy.marks[articlePath], marks.read == false, marks.updated <= position.updated {
            marks.read = true
            marks.updated = position.updated
            copy.marks[articlePath] = marks
        }
        if markLastOpened, lastOpenedAt.map({ $0 <= position.updated }) ?? true {
            copy.lastOpened = articlePath
            copy.lastOpenedAt = position.updated
        }
        return copy
    }
}

extension ReadingState {
    /// Whether the article counts as read: its explicit mark, else whether it was ever opened.
    public func isRead(_ articlePath: String) -> Bool {
        marks[articlePath]?.read ?? (positions[articlePath] != nil)
    }

    /// The marks of `articlePath`, or empty ones dated `now`.
    public func marks(of articlePath: String, now: Timestamp) -> ArticleMarks {
        marks[articlePath] ?? ArticleMarks(updated: now)
    }

    /// This state with `change` applied to every path in `articlePaths`, dated `now`;
    /// `contentHashes` (by path) are remembered so the marks can follow a renamed file.
    public func applying(
        _ change: MarkChange, to articlePaths: [String], now: Timestamp, contentHashes: [String: String] = [:]
    ) -> ReadingState {
        var copy = self
        for path in articlePaths {
            var marks = change.applied(to: marks(of: path, now: now))
            marks.updated = now
            if let hash = contentHashes[path] { marks.contentHash = hash }
            copy.marks[path] = marks.isEmpty ? nil : marks
        }
        return copy
    }

    /// Moves marks and positions of articles that are gone to present articles with the same
    /// content hash and no marks of their own: a renamed or moved file keeps its marks.
    /// `contentHashes` holds every present article (an empty hash when unknown). Returns nil
    /// when nothing moved.
    public func adoptingRenamedMarks(present contentHashes: [String: String]) -> ReadingState? {
        var byHash: [String: [String]] = [:]
        for (path, hash) in contentHashes where marks[path] == nil && !hash.isEmpty { byHash[hash, default: []].append(path) }
        guard !byHash.isEmpty else { return nil }
        var copy = self
        var moved = false
        for (oldPath, old) in marks.sorted(by: { $0.key < $1.key }) where contentHashes[oldPath] == nil {
            guard let hash = old.contentHash, var candidates = byHash[hash], !candidates.isEmpty else { continue }
            candidates.sort()
            let newPath = candidates.removeFirst()
            byHash[hash] = candidates
            copy.marks[oldPath] = nil
            copy.marks[newPath] = old
            if let position = positions[oldPath], positions[newPath] == nil {
                copy.positions[oldPath] = nil
                copy.positions[newPath] = position
            }
            moved = true
        }
        return moved ? copy : nil
    }
}
