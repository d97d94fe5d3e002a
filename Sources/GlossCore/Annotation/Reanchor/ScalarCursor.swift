/// Converts byte offsets to scalar offsets for offsets that only grow, counting from the last
/// one instead of from the nearest index entry.
struct ScalarCursor {
    private let text: ScalarText
    private var byte = 0
    private var scalar = 0

    init(_ text: ScalarText) { self.text = text }

    /// `text.scalarOffset(ofByte: offset)`; `offset` must not be less than the previous one.
    mutating func scalarOffset(ofByte offset: Int) -> Int {
        guard !text.isASCII else { return offset }
        let clamped = max(byte, min(offset, text.bytes.count))
        if clamped - byte > ScalarText.stride {
            scalar = text.scalarOffset(ofByte: clamped)
        } else {
            scalar += ScalarText.countScalars(in: text.bytes, byte..<clamped)
        }
        byte = clamped
        return scalar
    }
}
