// TEMPORARY stand-in until the config branch lands.
public enum ThemeElement: String, CaseIterable, Sendable {
    case title, heading, focus, quote, code, emphasis, strong, link, status, searchMatch, selection, paneBorder, dim, error
}

public struct Theme: Sendable, Equatable {
    public var styles: [ThemeElement: Style]
    public static let defaults = Theme(styles: [
        .title: Style(attributes: [.bold]), .heading: Style(foreground: .cyan, attributes: [.bold]),
        .focus: Style(foreground: .yellow, attributes: [.bold]), .quote: Style(attributes: [.italic]),
        .code: Style(foreground: .green), .emphasis: Style(attributes: [.italic]), .strong: Style(attributes: [.bold]),
        .link: Style(foreground: .blue, attributes: [.underline]), .status: Style(attributes: [.reverse]),
        .searchMatch: Style(foreground: .black, background: .yellow), .selection: Style(attributes: [.reverse]),
        .paneBorder: Style(foreground: .brightBlack), .dim: Style(attributes: [.dim]), .error: Style(foreground: .red, attributes: [.bold]),
    ])
    public func style(_ e: ThemeElement) -> Style { styles[e] ?? .plain }
    public var monochrome: Theme {
        var t = self
        for (k, v) in styles { t.styles[k] = Style(attributes: v.attributes) }
        t.styles[.searchMatch] = Style(attributes: [.reverse])
        return t
    }
}
