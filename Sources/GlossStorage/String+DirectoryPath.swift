/// Directory paths as the stores keep them.
extension String {
    /// The directory path without a trailing slash ("/" stays "/").
    public var withoutTrailingSlash: String {
        count > 1 && hasSuffix("/") ? String(dropLast()) : self
    }
}
