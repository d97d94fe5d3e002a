/// Decides whether plain text has one paragraph per line or is hard-wrapped.
///
/// Hard-wrapped text (``ArticleFormat/plainWrapped``) is recognised by three signs, measured on
/// the first few thousand non-blank lines:
/// 1. almost no line is long (at most 10% over 100 characters);
/// 2. most lines (at least half) sit in runs of two or more consecutive non-blank lines;
/// 3. the lines inside those runs (all but each run's last) are filled: their median length is at
///    least 40 characters, and for most of them the next line's first word would not have fit at
///    the end (at least half when blank lines separate the runs, 70% when there are no blank lines).
/// Anything else is one paragraph per line (``ArticleFormat/plainLines``), the safe reading.
enum PlainTextLayout {
    static let sampleSize = 4000
    static let longLine = 100
    static let filledMedian = 40

    static func detect(_ lines: [PlainLine], in text: UnsafeBufferPointer<UInt8>) -> ArticleFormat {
        let sample = lines.prefix(sampleSize)
        guard sample.count >= 2 else { return .plainLines }
        let lengths = sample.map { ByteScan.scalarCount($0.range, in: text) }
        let longCount = lengths.reduce(0) { $0 + ($1 > longLine ? 1 : 0) }
        guard longCount * 10 <= sample.count else { return .plainLines }

        var linesInRuns = 0
        var runCount = 0
        var interior: [Int] = []  // indices into `sample` of lines followed by a line of the same run
        var runStart = 0
        for index in 0...sample.count {
            let endsRun = index == sample.count || (index > 0 && sample[index].followsBlank)
            guard endsRun, index > runStart else { continue }
            runCount += 1
            let runLength = index - runStart
            if runLength >= 2 {
                linesInRuns += runLength
                interior.append(contentsOf: runStart..<(index - 1))
            }
            runStart = index
        }
        guard linesInRuns * 2 >= sample.count, !interior.isEmpty else { return .plainLines }

        let interiorLengths = interior.map { lengths[$0] }.sorted()
        guard interiorLengths[interiorLengths.count / 2] >= filledMedian else { return .plainLines }

        // The wrap width: the 90th percentile, so one overlong line (a URL) does not skew it.
        let width = interiorLengths[min(interiorLengths.count - 1, interiorLengths.count * 9 / 10)]
        var filled = 0
        for index in interior {
            let nextWord = firstWordLength(sample[index + 1].range, in: text)
            if lengths[index] + 1 + nextWord > width { filled += 1 }
        }
        let required = runCount >= 2 ? 5 : 7
        return filled * 10 >= interior.count * required ? .plainWrapped : .plainLines
    }

    /// Characters up to the first space or tab.
    static func firstWordLength(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = range.lowerBound
        while end < range.upperBound, !ByteScan.isBlank(text[end]) { end += 1 }
        return ByteScan.scalarCount(range.lowerBound..<end, in: text)
    }
}
