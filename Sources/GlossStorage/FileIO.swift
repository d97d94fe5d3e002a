import Glibc
import GlossCore

/// Reading whole files safely: size cap, no blocking on FIFOs, clear errors.
enum FileIO {
    /// Reads the file at `path`; nil when it does not exist.
    static func readIfPresent(_ path: String, limit: Int) throws(StorageError) -> [UInt8]? {
        do {
            return try read(path, limit: limit)
        } catch .notFound {
            return nil
        }
    }

    /// Reads the whole file at `path`, following symbolic links.
    static func read(_ path: String, limit: Int) throws(StorageError) -> [UInt8] {
        let (fd, size) = try openRegularFile(path)
        defer { close(fd) }
        guard size <= limit else { throw .tooLarge(path: path, size: size, limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: max(4096, min(size + 1, 1 << 20)))
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress, buffer.count)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw SystemCall.lastError(path: path, operation: "read")
            }
            bytes.append(contentsOf: chunk[0..<count])
            // The file may grow while it is read; keep the cap.
            if bytes.count > limit { throw .tooLarge(path: path, size: bytes.count, limit: limit) }
        }
        return bytes
    }

    /// Reads at most `count` bytes from the start of the file at `path`, and its size; nothing
    /// when the file is no larger than `minimumSize`.
    static func readPrefix(_ path: String, count: Int, minimumSize: Int = 0) throws(StorageError) -> (bytes: [UInt8], fileSize: Int) {
        let (fd, size) = try openRegularFile(path)
        defer { close(fd) }
        let wanted = size > minimumSize ? max(0, min(count, size)) : 0
        var filled = 0
        let bytes = try [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized throws(StorageError) in
            defer { initialized = filled }
            while filled < wanted {
                let got = Glibc.read(fd, buffer.baseAddress.map { $0 + filled }, wanted - filled)
                if got == 0 { break }
                if got < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    throw SystemCall.lastError(path: path, operation: "read")
                }
                filled += got
            }
        }
        return (bytes, size)
    }

    /// Opens `path` for reading when it is a regular file (following symbolic links); returns
    /// the descriptor, which the caller closes, and the file's size.
    static func openRegularFile(_ path: String) throws(StorageError) -> (Int32, Int) {
        // O_NONBLOCK so that opening a FIFO does not hang; it is rejected just below.
        let fd = SystemCall.retrying { open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else {
            if errno == ENXIO { throw .notRegularFile(path: path) }
            throw SystemCall.lastError(path: path, operation: "open")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let error = SystemCall.lastError(path: path, operation: "inspect")
            close(fd)
            throw error
        }
        guard !SystemCall.isDirectory(info) else {
            close(fd)
            throw .isDirectory(path: path)
        }
        guard SystemCall.isRegularFile(info) else {
            close(fd)
            throw .notRegularFile(path: path)
        }
        return (fd, Int(info.st_size))
    }

    /// Writes all of `bytes` to `fd`, retrying short writes.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(StorageError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCall.lastError(path: path, operation: "write")
            }
            if count == 0 { throw .noSpace(path: path) }
            written += count
        }
    }
}
