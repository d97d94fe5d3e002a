/// The highlight colours offered by `c` and keys `1`-`4` in visual mode.
public struct HighlightSettings: Sendable, Equatable {
    /// Exactly `colorCount` colours; colour N is the one `color-N` creates.
    public var colors: [HighlightColor]
    /// The 1-based colour new highlights get.
    public var defaultColor: Int

    /// One per `color-1` ... `color-4` action.
    public static let colorCount = 4

    public init(
        colors: [HighlightColor] = [
            HighlightColor(name: "yellow", color: .yellow),
            HighlightColor(name: "green", color: .green),
            HighlightColor(name: "blue", color: .blue),
            HighlightColor(name: "red", color: .red),
        ],
        defaultColor: Int = 1
    ) {
        self.colors = colors
        self.defaultColor = defaultColor
    }

    /// The colour with 1-based `number`, or nil when there is none.
    public func color(number: Int) -> HighlightColor? {
        colors.indices.contains(number - 1) ? colors[number - 1] : nil
    }
}

/// A highlight colour: the name stored with annotations and exports, and the terminal colour drawn.
public struct HighlightColor: Sendable, Equatable {
    public var name: String
    public var color: Color

    public init(name: String, color: Color) {
        self.name = name
        self.color = color
    }
}
