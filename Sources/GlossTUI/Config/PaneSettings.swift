/// The notes side pane: its width and when it shows.
public struct PaneSettings: Sendable, Equatable {
    public var width: PaneWidth
    /// Whether the pane is open when the reader starts.
    public var visible: Bool
    /// Below this window width the pane is hidden so the text keeps room.
    public var minWindowWidth: Int

    /// However the width is configured, the pane never gets fewer or more columns than this.
    public static let columnRange = 30...60
    public static let minWindowWidthRange = 0...1000

    public init(width: PaneWidth = .percent(40), visible: Bool = true, minWindowWidth: Int = 80) {
        self.width = width
        self.visible = visible
        self.minWindowWidth = minWindowWidth
    }

    /// The pane's width in a window `windowWidth` columns wide, clamped to `columnRange`.
    public func paneColumns(windowWidth: Int) -> Int {
        let wanted: Int
        switch width {
        case .percent(let percent): wanted = max(0, windowWidth) * percent / 100
        case .columns(let columns): wanted = columns
        }
        return min(max(wanted, Self.columnRange.lowerBound), Self.columnRange.upperBound)
    }
}

/// The configured pane width: a share of the window (`"40%"`) or a column count (`45`).
public enum PaneWidth: Sendable, Equatable {
    case percent(Int)
    case columns(Int)

    public static let percentRange = 1...100
    public static let columnsRange = 1...1000

    /// Reads `"40%"`; nil for anything else, including percentages outside `percentRange`.
    public init?(percentText text: String) {
        guard text.hasSuffix("%"), let percent = Int(text.dropLast()), text.first != "+",
              Self.percentRange.contains(percent) else { return nil }
        self = .percent(percent)
    }
}
