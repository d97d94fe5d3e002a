/// Where and how Markdown exports are written.
public struct ExportSettings: Sendable, Equatable {
    /// Export folder; nil means `$XDG_DATA_HOME/gloss/exports`.
    public var directory: String?
    /// Path of a Mustache template replacing the built-in one; nil means built-in.
    public var template: String?

    public init(directory: String? = nil, template: String? = nil) {
        self.directory = directory
        self.template = template
    }
}
