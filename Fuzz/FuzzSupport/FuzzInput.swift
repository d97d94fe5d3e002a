/// A fuzz input read as a stream of choices: the same bytes always make the same choices, and
/// an exhausted input keeps answering with the smallest choice, so every input is usable.
///
/// Choices are taken from the front; `rest()` hands what is left to a target that wants raw
/// bytes (an article's text, a file's content).
public struct FuzzInput {
    private let bytes: [UInt8]
    private var index = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The input libFuzzer passes to `LLVMFuzzerTestOneInput`.
    public init(data: UnsafePointer<UInt8>?, size: Int) {
        guard let data, size > 0 else {
            self.bytes = []
            return
        }
        self.bytes = Array(UnsafeBufferPointer(start: data, count: size))
    }

    public var isAtEnd: Bool { index >= bytes.count }
    public var remaining: Int { max(0, bytes.count - index) }

    /// The next byte, or 0 once the input is used up.
    public mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    /// A number in `range`, from one byte for ranges up to 256 values and two bytes otherwise.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        var raw = UInt64(byte())
        if span > 256 { raw = raw << 8 | UInt64(byte()) }
        return range.lowerBound + Int(raw % span)
    }

    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// One of `choices` (which must not be empty; the first one when it is used up).
    public mutating func element<T>(of choices: [T]) -> T {
        choices[int(in: 0...(choices.count - 1))]
    }

    /// Up to `limit` raw bytes, the count chosen first.
    public mutating func bytes(upTo limit: Int) -> [UInt8] {
        let count = min(int(in: 0...limit), remaining)
        defer { index += count }
        return Array(bytes[index..<(index + count)])
    }

    /// Everything not read yet.
    public mutating func rest() -> [UInt8] {
        guard index < bytes.count else { return [] }
        defer { index = bytes.count }
        return Array(bytes[index...])
    }

    /// A text of up to `limit` pieces: each byte picks one of `pieces`, except that a byte of
    /// 255 reads a raw run of bytes instead (decoded as UTF-8, invalid sequences replaced), so
    /// the fuzzer can reach text the pieces don't cover.
    public mutating func text(pieces: [String], limit: Int) -> String {
        let count = int(in: 0...limit)
        var text = ""
        for _ in 0..<count where !isAtEnd {
            let choice = byte()
            if choice == 255 {
                text += String(decoding: bytes(upTo: 16), as: UTF8.self)
            } else {
                text += pieces[Int(choice) % pieces.count]
            }
        }
        return text
    }
}
