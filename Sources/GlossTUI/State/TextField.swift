/// An editable line of text with a cursor, for the search and filter prompts.
/// Keys follow readline: Ctrl-A/E home/end, Ctrl-U/K kill to start/end, Ctrl-W kill word.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, 0...characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// What the key did to the field.
    public enum Outcome: Equatable { case edited, moved, ignored }

    /// Applies an editing key; keys it does not know are `.ignored` so the caller can use them.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .char(let c):
            characters.insert(c, at: cursor)
            cursor += 1
            return .edited
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .moved }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .moved }
            characters.remove(at: cursor)
            return .edited
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
            return .moved
        case .right, .ctrl("f"):
            cursor = min(characters.count, cursor + 1)
            return .moved
        case .home, .ctrl("a"):
            cursor = 0
            return .moved
        case .end, .ctrl("e"):
            cursor = characters.count
            return .moved
        case .ctrl("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
            return .edited
        case .ctrl("k"):
            characters.removeSubrange(cursor..<characters.count)
            return .edited
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        default:
            return .ignored
        }
    }
}
