/// How feeds are kept (`[feeds]` in config.toml).
public struct FeedSettings: Sendable, Equatable {
    /// Feed articles older than this many days that are read, not starred, not archived and have
    /// no notes move to the trash after a fetch; 0 keeps them forever. A feed's own `keep-days`
    /// in feeds.toml wins over this.
    public var keepDays: Int

    public static let keepDaysRange = 0...36_500

    public init(keepDays: Int = 0) {
        self.keepDays = keepDays
    }
}
