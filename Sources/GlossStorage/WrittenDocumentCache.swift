import Glibc
import Synchronization

/// The documents this process last wrote, by path, with the exact bytes written. When a file
/// still holds those bytes, the document written can stand in for parsing it again, which is
/// most of the cost of a save into a large file. Comparing bytes, not file times, makes this
/// safe whatever another process or an editor did in between.
final class WrittenDocumentCache<Document: Sendable>: Sendable {
    private let entries = Mutex<[String: (bytes: [UInt8], document: Document)]>([:])

    /// The document last written to `path`, if `bytes` (the file's content now) are what was written.
    func document(at path: String, holding bytes: [UInt8]) -> Document? {
        guard let entry = entries.withLock({ $0[path] }), Self.equal(entry.bytes, bytes) else { return nil }
        return entry.document
    }

    /// Remembers `document`, serialized as `bytes`, as the content just written to `path`.
    func remember(_ document: Document, as bytes: [UInt8], at path: String) {
        entries.withLock { $0[path] = (bytes, document) }
    }

    /// Byte for byte, with `memcmp`: a file of thousands of annotations is compared on every save.
    private static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { first in
            b.withUnsafeBytes { second in
                guard let x = first.baseAddress, let y = second.baseAddress else { return true }
                return memcmp(x, y, first.count) == 0
            }
        }
    }

    func forget(_ path: String) {
        entries.withLock { $0[path] = nil }
    }
}
