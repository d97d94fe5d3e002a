import Glibc

/// What a durable save costs on this disk with no gloss code at all: write a file of the same
/// size, fsync it, rename it over the old one and fsync the directory, as an atomic save does.
/// The annotation save goal cannot be met where this alone is slower.
enum DiskFloor {
    /// Milliseconds for one such save of `bytes` bytes in `directory`; -1 when it failed.
    static func writeSyncRename(bytes: Int, in directory: String) -> Double {
        let content = [UInt8](repeating: UInt8(ascii: "x"), count: max(1, bytes))
        let temporary = directory + "/floor.tmp"
        let final = directory + "/floor.json"
        let clock = ContinuousClock()
        let start = clock.now
        let file = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard file >= 0 else { return -1 }
        let written = content.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        let synced = fsync(file)
        close(file)
        guard written == content.count, synced == 0, rename(temporary, final) == 0 else { return -1 }
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        return (clock.now - start).milliseconds
    }

    /// Milliseconds to append `bytes` bytes to a file in `directory` opened with `O_APPEND` and
    /// fsync it, as a journaled save does; -1 when it failed.
    static func appendSync(bytes: Int, in directory: String) -> Double {
        let content = [UInt8](repeating: UInt8(ascii: "x"), count: max(1, bytes))
        let clock = ContinuousClock()
        let start = clock.now
        let file = open(directory + "/floor.journal", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard file >= 0 else { return -1 }
        let written = content.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        let synced = fsync(file)
        close(file)
        guard written == content.count, synced == 0 else { return -1 }
        return (clock.now - start).milliseconds
    }
}
