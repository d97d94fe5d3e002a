import Crypto

/// Identifies an article by its content, so annotations follow a file that was renamed or moved.
public enum ArticleFingerprint {
    /// Lower-case hex SHA-256 of the UTF-8 bytes of `normalizedText` (see `ArticleText`).
    public static func sha256(of normalizedText: String) -> String {
        var hasher = SHA256()
        var text = normalizedText
        // Contiguous UTF-8 avoids copying a large article into a temporary array.
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hex(hasher.finalize())
    }

    /// The same digest as `sha256(of: text.text)`, hashed piece by piece without joining the text.
    public static func sha256(of text: ArticleText) -> String {
        var hasher = SHA256()
        text.forEachUTF8Chunk { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hex(hasher.finalize())
    }

    /// Lower-case hex SHA-256 of raw bytes.
    public static func sha256(ofBytes bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
