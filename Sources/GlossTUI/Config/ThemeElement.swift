/// A part of the screen whose style the `[colors]` table sets. The raw value is the config key.
public enum ThemeElement: String, CaseIterable, Sendable, Hashable {
    case title
    case heading
    /// The marker beside the focused paragraph.
    case focus
    case quote
    case code
    case emphasis
    case strong
    case link
    /// A link's number after its text (`[3]`).
    case linkMarker = "link-marker"
    case status
    case searchMatch = "search-match"
    case selection
    case paneBorder = "pane-border"
    case dim
    /// Error messages in the status line and unreadable articles in the library.
    case error
}
