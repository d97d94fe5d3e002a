import Testing

@testable import GlossCore

@Suite("Reanchor: diff and offset map")
struct ReanchorDiffTests {
    @Test func anInsertionShiftsWhatFollows() {
        let map = OffsetMap(from: "Hello world. Bye.", to: "Hello big world. Bye.")
        #expect(map.segments == [
            OffsetMap.Segment(oldStart: 0, newStart: 0, length: 6),
            OffsetMap.Segment(oldStart: 6, newStart: 10, length: 11),
        ])
        #expect(map.newOffset(ofScalarAt: 5) == 5)
        #expect(map.newOffset(ofScalarAt: 6) == 10)
        #expect(map.newRange(of: 6..<11) == 10..<15)
        #expect(map.changedRanges == [6..<10])
    }

    @Test func aDeletionLeavesAnEmptyChangedRange() {
        let map = OffsetMap(from: "alpha beta gamma", to: "alpha gamma")
        #expect(map.changedRanges == [6..<6])
        #expect(map.newOffset(ofScalarAt: 6) == nil)
        #expect(map.newRange(of: 11..<16) == 6..<11)
        // A range whose ends survive maps even though text inside it went.
        #expect(map.newRange(of: 0..<16) == 0..<11)
        #expect(map.newRange(of: 6..<16) == nil)
    }

    @Test func aReplacedWordInsideAParagraphKeepsTheWordsAround() {
        let old = "Title\n\nThe quick brown fox jumps over the lazy dog, twice a day.\n\nEnd."
        let new = "Title\n\nThe quick red fox jumps over the lazy cat, twice a day.\n\nEnd."
        let map = OffsetMap(from: old, to: new)
        let oldScalars = Array(old.unicodeScalars)
        let newScalars = Array(new.unicodeScalars)
        // "fox jumps over the lazy" is kept between the two changed words.
        let fox = 23
        #expect(String(String.UnicodeScalarView(oldScalars[fox..<(fox + 3)])) == "fox")
        let mappedFox = map.newOffset(ofScalarAt: fox)
        #expect(mappedFox == 21)
        #expect(map.changedRanges.count == 2)
        expectSegmentsHoldEqualText(map, oldScalars, newScalars)
    }

    @Test func anInsertionThatBeginsLikeTheTextAfterItGoesBeforeIt() throws {
        let old = "Zoning\n\nX said so. The board has debated the plan."
        let new = "Zoning\n\nX said so. The board heard from 40 speakers. The board has debated the plan."
        let map = OffsetMap(from: old, to: new)
        let oldBoard = try ReanchorFixture.range(of: "The board", in: old)
        let newBoard = try ReanchorFixture.range(of: "The board", in: new, occurrence: 1)
        // Not onto the inserted "The board heard …", which the common words would allow.
        #expect(map.newRange(of: oldBoard) == newBoard)
        #expect(map.changedRanges == [(try ReanchorFixture.range(of: "The board heard from 40 speakers. ", in: new))])
        // Likewise a new paragraph above one that starts with the same word.
        let lede = OffsetMap(from: "T\n\nCrews worked overnight.", to: "T\n\nCrews restored water.\n\nCrews worked overnight.")
        #expect(lede.newOffset(ofScalarAt: 3) == 26)
    }

    @Test func aDeletedSentenceGoesAsAWholeNotItsLookalike() {
        let old = "The mayor would not comment. The mayor would not comment on the cost."
        let new = "The mayor would not comment on the cost."
        let map = OffsetMap(from: old, to: new)
        // The first sentence went; the second, which starts with all its words, stayed.
        #expect(map.newOffset(ofScalarAt: 0) == nil)
        #expect(map.newOffset(ofScalarAt: 29) == 0)
        #expect(map.changedRanges == [0..<0])
    }

    @Test func descentTellsOwnOldTextFromOther() {
        let map = OffsetMap(from: "Alpha beta gamma delta. Epsilon zeta eta theta.", to: "Epsilon zeta eta theta.")
        let own = 0..<23
        #expect(map.descent(of: 0..<23, own: own) == (own: 0, other: 23))
        #expect(map.descendsFromOtherText(0..<23, own: own))
        #expect(!map.descendsFromOtherText(0..<23, own: 24..<47))
    }

    @Test func cutsFallOnScalarBoundaries() {
        // "é" and "è" share their first UTF-8 byte.
        let map = OffsetMap(from: "café au lait", to: "cafè au lait")
        #expect(map.newOffset(ofScalarAt: 2) == 2)
        #expect(map.newOffset(ofScalarAt: 3) == nil)
        #expect(map.newOffset(ofScalarAt: 4) == 4)
        #expect(map.changedRanges == [3..<4])
    }

    @Test func randomEditsKeepEverythingBeforeAndAfterThem() {
        var random = ReanchorRandom(seed: 7)
        for _ in 0..<40 {
            let paragraphs = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                random.paragraph(length: Int.random(in: 10...300, using: &random))
            }
            let old = paragraphs.joined(separator: "\n\n")
            var scalars = Array(old.unicodeScalars)
            var edited: [Int] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0...scalars.count, using: &random)
                let removed = min(scalars.count - at, Int.random(in: 0...20, using: &random))
                let inserted = Array(random.word().unicodeScalars) + (Bool.random(using: &random) ? ["\n"] : [])
                scalars.replaceSubrange(at..<(at + removed), with: inserted)
                edited.append(at)
            }
            let new = String(String.UnicodeScalarView(scalars))
            let map = OffsetMap(from: old, to: new)
            let oldScalars = Array(old.unicodeScalars)
            expectSegmentsHoldEqualText(map, oldScalars, scalars)
            // Before the first edit nothing moved, whatever the diff chose elsewhere.
            let firstEdit = edited.min() ?? 0
            let commonPrefix = zip(oldScalars, scalars).prefix { $0 == $1 }.count
            #expect(commonPrefix >= firstEdit)
            for offset in stride(from: 0, to: commonPrefix, by: 7) {
                #expect(map.newOffset(ofScalarAt: offset) == offset)
            }
            let commonSuffix = zip(oldScalars.reversed(), scalars.reversed()).prefix { $0 == $1 }.count
            let kept = min(commonSuffix, min(oldScalars.count, scalars.count) - commonPrefix)
            for back in stride(from: 1, through: kept, by: 5) {
                #expect(map.newOffset(ofScalarAt: oldScalars.count - back) == scalars.count - back)
            }
        }
    }

    @Test func myersFindsALongestCommonSubsequence() {
        var random = ReanchorRandom(seed: 11)
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int32.random(in: 0..<4, using: &random) }
            let new = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int32.random(in: 0..<4, using: &random) }
            guard let runs = MyersDiff.equalRuns(old, new) else {
                Issue.record("gave up on \(old) and \(new)")
                continue
            }
            var oldEnd = 0
            var newEnd = 0
            for run in runs {
                #expect(run.length > 0 && run.old >= oldEnd && run.new >= newEnd)
                #expect(old[run.old..<(run.old + run.length)] == new[run.new..<(run.new + run.length)])
                oldEnd = run.old + run.length
                newEnd = run.new + run.length
            }
            #expect(runs.reduce(0) { $0 + $1.length } == longestCommonSubsequence(old, new))
        }
    }

    @Test func myersGivesUpPastItsLimits() {
        var random = ReanchorRandom(seed: 3)
        let old = (0..<3000).map { _ in Int32.random(in: 0..<1000, using: &random) }
        let new = (0..<3000).map { _ in Int32.random(in: 1000..<2000, using: &random) }
        #expect(MyersDiff.equalRuns(old, new, maximumEdits: 100, maximumWork: .max) == nil)
        #expect(MyersDiff.equalRuns(old, new, maximumEdits: .max, maximumWork: 10_000) == nil)
        #expect(MyersDiff.equalRuns(old, old + [1], maximumEdits: 100, maximumWork: 10_000)?.count == 1)
    }

    @Test func unrelatedMiddlesStillKeepTheirCommonEnds() {
        var random = ReanchorRandom(seed: 5)
        let head = "Shared opening paragraph.\n\n"
        let tail = "\n\nShared closing paragraph."
        let oldMiddle = (0..<1500).map { _ in random.sentence(words: 3) }.joined(separator: "\n")
        let newMiddle = (0..<1500).map { _ in random.sentence(words: 3) }.joined(separator: "\n")
        let old = head + oldMiddle + tail
        let new = head + newMiddle + tail
        let map = OffsetMap(from: old, to: new)
        let oldCount = old.unicodeScalars.count
        let newCount = new.unicodeScalars.count
        #expect(map.newOffset(ofScalarAt: 3) == 3)
        #expect(map.newOffset(ofScalarAt: oldCount - 3) == newCount - 3)
        expectSegmentsHoldEqualText(map, Array(old.unicodeScalars), Array(new.unicodeScalars))
    }

    private func expectSegmentsHoldEqualText(
        _ map: OffsetMap, _ old: [Unicode.Scalar], _ new: [Unicode.Scalar]
    ) {
        var oldEnd = 0
        var newEnd = 0
        for segment in map.segments {
            #expect(segment.length > 0 && segment.oldStart >= oldEnd && segment.newStart >= newEnd)
            #expect(segment.oldStart + segment.length <= old.count && segment.newStart + segment.length <= new.count)
            #expect(old[segment.oldStart..<(segment.oldStart + segment.length)]
                == new[segment.newStart..<(segment.newStart + segment.length)])
            oldEnd = segment.oldStart + segment.length
            newEnd = segment.newStart + segment.length
        }
        #expect(map.oldLength == old.count && map.newLength == new.count)
    }

    private func longestCommonSubsequence(_ a: [Int32], _ b: [Int32]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            previous = current
        }
        return previous[b.count]
    }
}
