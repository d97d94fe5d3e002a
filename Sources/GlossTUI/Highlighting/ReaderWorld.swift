import GlossCore

#if canImport(Glibc)
import Glibc
#endif

/// What the reducer needs from outside to make annotations: the time and fresh ids.
/// Injected so tests can pin both; the reducer never reads a clock itself.
public struct ReaderWorld: Sendable {
    public var now: @Sendable () -> Timestamp
    public var newID: @Sendable () -> String

    public init(now: @escaping @Sendable () -> Timestamp, newID: @escaping @Sendable () -> String) {
        self.now = now
        self.newID = newID
    }

    /// The real clock and random UUIDs.
    public static let system = ReaderWorld(now: { wallClock() }, newID: { AnnotationID.random() })

    private static func wallClock() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSince1970: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}
