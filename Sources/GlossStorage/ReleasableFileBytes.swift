import Glibc
import GlossCore

/// A file's bytes read into a mapping of their own, which can be handed back to the system from
/// the start while they are parsed: a large article is then never held twice, once as the file's
/// bytes and once as its blocks' text.
///
/// Handed-back pages are unmapped, not zeroed, so reading one after its release faults instead of
/// reading wrong text.
final class ReleasableFileBytes {
    /// Unmapping in steps of at least this much keeps the system calls few.
    static let releaseStep = 1 << 20

    private let base: UnsafeMutableRawPointer
    private let mappedLength: Int
    /// The bytes read.
    let count: Int
    /// How much of the mapping, from its start, is already unmapped (a multiple of the page size).
    private var released = 0
    private let pageSize: Int

    /// Reads the regular file at `path`. Nil when the file is empty or grew while it was read (the
    /// caller reads it the ordinary way then).
    init?(path: String, limit: Int) throws(StorageError) {
        let (fd, size) = try FileIO.openRegularFile(path)
        defer { close(fd) }
        guard size <= limit else { throw .tooLarge(path: path, size: size, limit: limit) }
        guard size > 0 else { return nil }
        pageSize = max(4096, sysconf(Int32(_SC_PAGESIZE)))
        mappedLength = (size + pageSize - 1) / pageSize * pageSize
        guard let mapped = mmap(nil, mappedLength, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              mapped != UnsafeMutableRawPointer(bitPattern: -1)
        else { throw SystemCall.lastError(path: path, operation: "read") }
        base = mapped
        var filled = 0
        while filled < size {
            let got = Glibc.read(fd, base + filled, size - filled)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                let error = SystemCall.lastError(path: path, operation: "read")
                munmap(base, mappedLength)
                throw error
            }
            filled += got
        }
        var probe: UInt8 = 0
        if filled == size, SystemCall.retrying({ Int32(Glibc.read(fd, &probe, 1)) }) > 0 {
            munmap(base, mappedLength)
            return nil
        }
        count = filled
    }

    deinit {
        if released < mappedLength { munmap(base + released, mappedLength - released) }
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Hands back the whole pages before `pointer`; a pointer outside these bytes (into a copy
    /// the parser made) changes nothing.
    func release(before pointer: UnsafeRawPointer) {
        let offset = pointer - UnsafeRawPointer(base)
        guard offset > 0, offset <= count else { return }
        let end = offset == count ? mappedLength : offset / pageSize * pageSize
        guard end - released >= Self.releaseStep || end == mappedLength, end > released else { return }
        munmap(base + released, end - released)
        released = end
    }
}

extension ArticleFile {
    /// Calls `body` with the bytes of the file at `path` (inside `directory` when given, as for
    /// `read(_:insideDirectory:)`) and a function that hands back the bytes before a pointer into
    /// them: a parser that reads forward gives back what it has turned into text, so the file's
    /// bytes and the text are not both held whole. No byte before a released pointer may be read.
    public static func withReleasableBytes<Result>(
        _ path: String, insideDirectory directory: String? = nil, limit: Int = sizeLimit,
        _ body: (UnsafeRawBufferPointer, _ release: (UnsafeRawPointer) -> Void) -> Result
    ) throws(StorageError) -> Result {
        let resolved = try directory.map { (directory) throws(StorageError) in
            try resolve(path, insideDirectory: directory)
        } ?? path
        guard let file = try ReleasableFileBytes(path: resolved, limit: limit) else {
            let bytes = try FileIO.read(resolved, limit: limit)
            return bytes.withUnsafeBytes { body($0, { _ in }) }
        }
        return withExtendedLifetime(file) { body(file.bytes, file.release(before:)) }
    }
}
