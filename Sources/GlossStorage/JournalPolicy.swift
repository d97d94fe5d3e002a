/// When saves go to an article's journal instead of rewriting its JSON file, and when the
/// journal is folded back into the file (docs/STORAGE.md, "Journal").
public struct JournalPolicy: Sendable, Equatable {
    /// JSON files smaller than this are rewritten on every save, which costs little more than
    /// an append at that size and keeps the file alone the whole truth.
    public var minimumFileSize: Int
    /// A journal holding this many saves is folded into the file on the next one.
    public var maximumRecords: Int
    /// A journal larger than this, or than a quarter of the file, is folded on the next save.
    public var maximumBytes: Int

    public init(minimumFileSize: Int, maximumRecords: Int, maximumBytes: Int) {
        self.minimumFileSize = minimumFileSize
        self.maximumRecords = maximumRecords
        self.maximumBytes = maximumBytes
    }

    public static let standard = JournalPolicy(minimumFileSize: 64 << 10, maximumRecords: 64, maximumBytes: 64 << 10)
    /// Journal every save and fold often: what the fault drills use to exercise both paths.
    public static let always = JournalPolicy(minimumFileSize: 0, maximumRecords: 8, maximumBytes: 64 << 10)
    /// Rewrite the file on every save.
    public static let never = JournalPolicy(minimumFileSize: .max, maximumRecords: 0, maximumBytes: 0)

    /// Whether one more save of `recordSize` bytes may go to a journal of `records` saves and
    /// `journalSize` bytes beside a JSON file of `fileSize` bytes.
    func allowsAppend(fileSize: Int, records: Int, journalSize: Int, recordSize: Int) -> Bool {
        fileSize >= minimumFileSize && records < maximumRecords
            && journalSize + recordSize <= max(maximumBytes, fileSize / 4)
    }
}
