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

/// Reading positions of every article, keyed by the article's relative path, and the article
/// opened last.
public struct ReadingState: Sendable, Hashable {
    public var positions: [String: ReadingPosition]
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
        if markLastOpened, lastOpenedAt.map({ $0 <= position.updated }) ?? true {
            copy.lastOpened = articlePath
            copy.lastOpenedAt = position.updated
        }
        return copy
    }
}
