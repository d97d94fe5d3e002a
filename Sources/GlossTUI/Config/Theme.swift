/// Styles for every `ThemeElement`, plus how highlights are drawn. A monochrome theme
/// (for `NO_COLOR` or a terminal without colours) keeps only the attributes.
public struct Theme: Sendable, Equatable {
    /// The configured style of each element; an element missing here draws plain.
    public var styles: [ThemeElement: Style]
    /// When true, colours are dropped and reverse video / underline stand in for them.
    public var isMonochrome: Bool

    public init(styles: [ThemeElement: Style], isMonochrome: Bool = false) {
        self.styles = styles
        self.isMonochrome = isMonochrome
    }

    /// The built-in style specs, in the notation of the `[colors]` table.
    public static let defaultSpecs: [ThemeElement: String] = [
        .title: "bold",
        .heading: "bold cyan",
        .focus: "bold yellow",
        .quote: "italic",
        .code: "green",
        .emphasis: "italic",
        .strong: "bold",
        .link: "underline blue",
        .linkMarker: "dim",
        .status: "reverse",
        .searchMatch: "black on magenta",
        .selection: "reverse",
        .paneBorder: "dim",
        .dim: "dim",
        .error: "bold red",
    ]

    public static let defaults = Theme(styles: defaultSpecs.compactMapValues { try? StyleSpec.parse($0).get() })

    /// This theme without colours, for `NO_COLOR`.
    public var monochrome: Theme {
        Theme(styles: styles, isMonochrome: true)
    }

    /// How `element` is drawn.
    public func style(_ element: ThemeElement) -> Style {
        let style = styles[element] ?? .plain
        guard isMonochrome else { return style }
        var attributes = style.attributes
        // Without colour, matches and the selection must still stand out from the text around them.
        if element == .searchMatch || element == .selection {
            attributes.insert(.reverse)
        }
        return Style(attributes: attributes)
    }

    /// How text highlighted in `color` is drawn: dark text on the colour, like a marker pen;
    /// underlined when monochrome, as with a pencil, so reverse video stays free for matches.
    public func highlightStyle(_ color: Color) -> Style {
        isMonochrome ? Style(attributes: .underline) : Style(foreground: .black, background: color)
    }
}
