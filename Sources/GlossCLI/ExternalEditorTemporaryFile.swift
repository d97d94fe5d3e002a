import Glibc
import GlossStorage

/// The note handed to the external editor: a `.md` file (0600) alone in a fresh private
/// directory (0700), so no other user can read it or swap it for a link.
struct ExternalEditorTemporaryFile {
    let directory: String
    let path: String

    /// Creates `<base>/gloss-XXXXXX/note-XXXXXX.md` holding `contents`.
    static func create(in base: String, contents: [UInt8]) throws(ExternalEditorError) -> Self {
        var directoryTemplate = Array("\(base)/gloss-XXXXXX".utf8CString)
        let made = directoryTemplate.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap { mkdtemp($0) } }
        guard made != nil else { throw failure("create", path: base) }
        let directory = String(decoding: directoryTemplate.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var fileTemplate = Array("\(directory)/note-XXXXXX.md".utf8CString)
        let fd = fileTemplate.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemps($0, 3) } ?? -1 }
        let path = String(decoding: fileTemplate.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let file = Self(directory: directory, path: path)
        guard fd >= 0 else {
            let error = failure("create", path: path)
            file.remove()
            throw error
        }
        defer { close(fd) }
        do throws(ExternalEditorError) {
            // mkstemp already uses 0600; say so in case a future libc differs.
            guard fchmod(fd, 0o600) == 0 else { throw failure("protect", path: path) }
            try writeAll(contents, to: fd, path: path)
        } catch {
            file.remove()
            throw error
        }
        return file
    }

    /// The file's bytes after the edit, refusing anything but a regular file of at most `limit` bytes.
    func read(limit: Int) throws(ExternalEditorError) -> [UInt8] {
        let fd = retrying { open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        guard fd >= 0 else { throw Self.failure("read", path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Self.failure("read", path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .temporaryFile(operation: "read", path: path, reason: "not a regular file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Self.failure("read", path: path)
            }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= limit else { throw .tooLarge(path: path, limit: limit) }
        }
    }

    /// Deletes the file and whatever the editor left beside it (swap or backup files), then
    /// the directory. Failures are ignored: there is nothing more to do about them.
    func remove() {
        for name in DirectoryEntries.names(in: directory) { unlink(directory + "/" + name) }
        rmdir(directory)
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(ExternalEditorError) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("write", path: path)
            }
            written += count
        }
    }

    private static func failure(_ operation: String, path: String) -> ExternalEditorError {
        .temporaryFile(operation: operation, path: path, reason: String(cString: strerror(errno)))
    }

    private func retrying(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result == -1 && errno == EINTR { continue }
            return result
        }
    }
}
