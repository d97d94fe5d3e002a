// Temporary: replaced by the real Selection and NoteEditor.
import GlossCore

public struct TextPoint: Hashable, Sendable, Comparable {
    public var block: Int
    public var offset: Int
    public init(block: Int, offset: Int) { self.block = block; self.offset = offset }
    public static func < (a: TextPoint, b: TextPoint) -> Bool { (a.block, a.offset) < (b.block, b.offset) }
}
public enum SelectionMotion: Sendable, Hashable { case sentenceForward, sentenceBackward, wordForward, wordBackward, swapEnds, nextParagraph, previousParagraph, paragraphStart, paragraphEnd }
public struct Selection: Hashable, Sendable {
    public private(set) var start: TextPoint
    public private(set) var end: TextPoint
    public private(set) var activeIsEnd = true
    public var active: TextPoint { activeIsEnd ? end : start }
    public init?(firstSentenceOf block: Int, in blocks: [Block]) {
        guard blocks.indices.contains(block), let r = TextBoundaries.sentenceRanges(in: blocks[block].text).first else { return nil }
        start = TextPoint(block: block, offset: r.lowerBound); end = TextPoint(block: block, offset: r.upperBound)
    }
    public mutating func apply(_ motion: SelectionMotion, in blocks: [Block]) {}
    public func blockRanges(in blocks: [Block]) -> [(block: Int, range: Range<Int>)] {
        (start.block...end.block).compactMap { b in
            guard blocks.indices.contains(b) else { return nil }
            let n = blocks[b].text.unicodeScalars.count
            let lo = b == start.block ? start.offset : 0
            let hi = b == end.block ? end.offset : n
            return lo < hi ? (b, lo..<hi) : nil
        }
    }
}
public enum NoteEditorOutcome: Hashable, Sendable { case editing, save(String), cancel }
public struct NoteEditor: Hashable, Sendable {
    public private(set) var text: String
    public init(text: String, title: String) { self.text = text }
    public mutating func handle(_ key: Key) -> NoteEditorOutcome {
        switch key {
        case .enter: return .save(text)
        case .escape: return .cancel
        case .char(let c): text.append(c); return .editing
        default: return .editing
        }
    }
}
public enum NoteEditorView {
    public static func render(_ editor: NoteEditor, in area: Rect, theme: Theme, into buffer: inout Buffer) -> (x: Int, y: Int)? {
        buffer.put(editor.text, x: area.x, y: area.y, maxWidth: area.width); return nil
    }
    public static func popupRect(in screen: Rect) -> Rect { screen }
}
public struct NotesPaneModel: Sendable {
    public var annotations: [Annotation]
    public var selectedID: String?
    public var focusedBlock: Int
    public var hasFocus: Bool
    public var filter: String
    public init(annotations: [Annotation], selectedID: String?, focusedBlock: Int, hasFocus: Bool, filter: String) {
        self.annotations = annotations; self.selectedID = selectedID; self.focusedBlock = focusedBlock; self.hasFocus = hasFocus; self.filter = filter
    }
}
public enum NotesPane {
    public static func entries(_ model: NotesPaneModel) -> [Annotation] {
        model.annotations.filter { $0.anchor.status != .orphan } + model.annotations.filter { $0.anchor.status == .orphan }
    }
    public static func render(_ model: NotesPaneModel, theme: Theme, colors: HighlightSettings, in area: Rect, into buffer: inout Buffer) {}
}
