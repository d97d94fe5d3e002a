/// How article text is laid out in the reader.
public struct ReaderSettings: Sendable, Equatable {
    /// Text width in columns; lines wrap at this width even in a wider window.
    public var measure: Int
    /// Blank columns left of the text.
    public var margin: Int
    /// Whether the title, byline and URL are shown above ¶ 1 (`[reader] header`).
    public var header = true
    /// Whether each link is followed by its number, `[3]` (`[reader] link-markers`).
    public var linkMarkers = true

    public static let measureRange = 20...500
    public static let marginRange = 0...40

    public init(measure: Int = 80, margin: Int = 2) {
        self.measure = measure
        self.margin = margin
    }
}
