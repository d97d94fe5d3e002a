import Glibc
import GlossCore

/// The wall clock, for timestamps of annotations, reading positions and quarantined files.
public enum SystemClock {
    public static func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(millisecondsSince1970: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }
}
