/// Answers "which inline style covers this offset?" for offsets asked in increasing order, in
/// time linear in the number of spans plus the number of questions. Spans may overlap.
struct SpanStyler {
    private var boundaries: [(offset: Int, style: InlineStyle, isStart: Bool)]
    private var next = 0
    // How many open spans set each of the 8 style bits.
    private var openCounts = [Int](repeating: 0, count: 8)
    private(set) var current: InlineStyle = []

    init(_ spans: [InlineSpan]) {
        var boundaries: [(offset: Int, style: InlineStyle, isStart: Bool)] = []
        boundaries.reserveCapacity(spans.count * 2)
        for span in spans where !span.range.isEmpty && !span.style.isEmpty {
            boundaries.append((span.range.lowerBound, span.style, true))
            boundaries.append((span.range.upperBound, span.style, false))
        }
        // Ends before starts at the same offset, so adjacent spans do not leak into each other.
        boundaries.sort { $0.offset != $1.offset ? $0.offset < $1.offset : (!$0.isStart && $1.isStart) }
        self.boundaries = boundaries
    }

    /// The style at `offset`; offsets must not decrease between calls.
    mutating func style(at offset: Int) -> InlineStyle {
        guard next < boundaries.count, boundaries[next].offset <= offset else { return current }
        while next < boundaries.count, boundaries[next].offset <= offset {
            let boundary = boundaries[next]
            for bit in 0..<8 where boundary.style.rawValue & (1 << bit) != 0 {
                openCounts[bit] += boundary.isStart ? 1 : -1
            }
            next += 1
        }
        var style: UInt8 = 0
        for bit in 0..<8 where openCounts[bit] > 0 { style |= 1 << bit }
        current = InlineStyle(rawValue: style)
        return current
    }
}
