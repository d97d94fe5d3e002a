/// How the library treats the articles directory.
public struct LibrarySettings: Sendable, Equatable {
    /// Whether symbolic links that lead outside the articles directory are followed. Off by
    /// default, so a link planted in a shared or downloaded folder cannot make gloss show (or
    /// export) a file from elsewhere, such as a key in `~/.ssh`.
    public var followSymlinks: Bool

    public init(followSymlinks: Bool = false) {
        self.followSymlinks = followSymlinks
    }
}
