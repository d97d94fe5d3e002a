import Glibc
import GlossCore

/// Replaces files so that a crash at any moment leaves either the old or the new content:
/// write a temporary file in the same directory, fsync it, rename it over the target, fsync
/// the directory. A failure removes the temporary file and leaves the target untouched.
enum AtomicFile {
    /// The prefix of temporary files for `path`; hidden, and unique per target name.
    static func temporaryPrefix(for path: String) -> String {
        "." + SystemCall.lastComponent(of: path) + ".tmp-"
    }

    /// Atomically replaces `path` with `bytes` (mode 0600 unless `mode` says otherwise; nil:
    /// 0666 less the umask). With `keepBackup`, the current content of `path`, if any, becomes
    /// `path.bak` first.
    static func write(_ bytes: [UInt8], to path: String, keepBackup: Bool, mode: mode_t? = 0o600) throws(StorageError) {
        let directory = SystemCall.parent(of: path)
        let temporary = directory + "/" + temporaryPrefix(for: path) + "\(getpid())-\(SystemCall.randomSuffix())"
        try writeDurably(bytes, to: temporary, mode: mode)
        do throws(StorageError) {
            if keepBackup && SystemCall.exists(path) {
                try backUp(path, to: path + ".bak")
            }
            guard rename(temporary, path) == 0 else {
                throw SystemCall.lastError(path: path, operation: "replace")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(directory)
    }

    /// A temporary file written for `path` but neither synced nor renamed yet, kept open (and
    /// so locked against `removeStaleTemporaries`) until `commit` or `discard`.
    struct StagedFile {
        var descriptor: Int32
        var temporary: String
        var path: String
    }

    /// Writes `bytes` to a new temporary file beside `path` without waiting for the disk, and
    /// asks the kernel to start writing it out. Staging several files before committing any lets
    /// their writes to disk overlap, where `write` waits for each in turn.
    static func stage(_ bytes: [UInt8], for path: String, mode: mode_t? = 0o600) throws(StorageError) -> StagedFile {
        let temporary = SystemCall.parent(of: path) + "/" + temporaryPrefix(for: path) + "\(getpid())-\(SystemCall.randomSuffix())"
        let fd = try create(temporary, mode: mode)
        do throws(StorageError) {
            try FileIO.writeAll(bytes, to: fd, path: temporary)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        // On Linux this starts writing the dirty pages out without waiting (pages still being
        // written stay cached); the fsync in `commit` then finds most of the work done.
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
        return StagedFile(descriptor: fd, temporary: temporary, path: path)
    }

    /// Makes a staged file durable (fsync) and puts it in place (rename). The directory is not
    /// synced: the caller syncs each directory once, after all its renames and before it reports
    /// them done. A failure removes the temporary file.
    static func commit(_ staged: StagedFile) throws(StorageError) {
        let synced = SystemCall.retrying { fsync(staged.descriptor) } == 0
        var failure = synced ? nil : SystemCall.lastError(path: staged.path, operation: "sync")
        if close(staged.descriptor) != 0 && failure == nil {
            failure = SystemCall.lastError(path: staged.path, operation: "close")
        }
        if failure == nil, rename(staged.temporary, staged.path) != 0 {
            failure = SystemCall.lastError(path: staged.path, operation: "replace")
        }
        if let failure {
            unlink(staged.temporary)
            throw failure
        }
    }

    /// Abandons a staged file: closed and removed, its target untouched.
    static func discard(_ staged: StagedFile) {
        close(staged.descriptor)
        unlink(staged.temporary)
    }

    /// Creates `path`, which must not exist, for writing, locked, with exactly `mode` (nil: 0666
    /// less the umask).
    private static func create(_ path: String, mode: mode_t?) throws(StorageError) -> Int32 {
        let fd = SystemCall.retrying { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode == nil ? 0o666 : 0o600) }
        guard fd >= 0 else { throw SystemCall.lastError(path: path, operation: "create") }
        // Held until the file is closed (or the process dies): tells `removeStaleTemporaries`
        // that this temporary file is still being written.
        _ = flock(fd, LOCK_EX | LOCK_NB)
        // The umask may have narrowed the mode; make it exactly what was asked whatever it is.
        if let mode, fchmod(fd, mode) != 0 {
            let failure = SystemCall.lastError(path: path, operation: "set permissions of")
            close(fd)
            unlink(path)
            throw failure
        }
        return fd
    }

    /// Creates `path` (which must not exist) with `bytes`, fsynced, with exactly `mode`, or
    /// with 0666 less the umask when `mode` is nil.
    static func writeDurably(_ bytes: [UInt8], to path: String, mode: mode_t? = 0o600) throws(StorageError) {
        let fd = try create(path, mode: mode)
        do throws(StorageError) {
            try FileIO.writeAll(bytes, to: fd, path: path)
            guard SystemCall.retrying({ fsync(fd) }) == 0 else { throw SystemCall.lastError(path: path, operation: "sync") }
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        guard close(fd) == 0 else {
            let failure = SystemCall.lastError(path: path, operation: "close")
            unlink(path)
            throw failure
        }
    }

    /// Makes `backup` a copy of `path`: a hard link when the file system allows it, else a copy.
    static func backUp(_ path: String, to backup: String) throws(StorageError) {
        let directory = SystemCall.parent(of: path)
        let temporary = directory + "/" + temporaryPrefix(for: backup) + "\(getpid())-\(SystemCall.randomSuffix())"
        if link(path, temporary) != 0 {
            let bytes = try FileIO.read(path, limit: Int.max)
            try writeDurably(bytes, to: temporary)
        }
        guard rename(temporary, backup) == 0 else {
            let failure = SystemCall.lastError(path: backup, operation: "replace")
            unlink(temporary)
            throw failure
        }
    }

    /// Flushes a directory's entries (new names, renames) to disk.
    static func syncDirectory(_ directory: String) throws(StorageError) {
        let fd = SystemCall.retrying { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw SystemCall.lastError(path: directory, operation: "open") }
        defer { close(fd) }
        // Some file systems cannot sync a directory (EINVAL); the rename is then as durable as it gets.
        if SystemCall.retrying({ fsync(fd) }) != 0 && errno != EINVAL {
            throw SystemCall.lastError(path: directory, operation: "sync")
        }
    }

    /// Temporary files in `directory` left by a writer killed mid-write (`kill -9` during a
    /// fetch): hidden `.NAME.tmp-…` files older than `minimumAge` seconds that no process holds
    /// locked. Removed; returns how many. For folders without a lock file, such as feed folders.
    @discardableResult
    static func removeStaleTemporaries(in directory: String, minimumAge: Int = 60, now: time_t = time(nil)) -> Int {
        var removed = 0
        for name in SecureDirectory.entries(of: directory) where name.hasPrefix(".") && name.contains(".tmp-") {
            let path = directory + "/" + name
            guard let info = SystemCall.linkStatus(path), SystemCall.isRegularFile(info),
                  now - info.st_mtim.tv_sec >= minimumAge
            else { continue }
            let fd = SystemCall.retrying { open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
            guard fd >= 0 else { continue }
            defer { close(fd) }
            // Locked: a live writer still has it open.
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }

    /// Removes temporary files for `path` left behind by a process that was killed mid-write.
    /// Only call this while holding the lock for `path`: then no other process is writing one.
    static func removeLeftovers(for path: String, in names: [String]) {
        let directory = SystemCall.parent(of: path)
        let prefixes = [temporaryPrefix(for: path), temporaryPrefix(for: path + ".bak")]
        for name in names where prefixes.contains(where: { name.hasPrefix($0) }) {
            unlink(directory + "/" + name)
        }
    }
}
