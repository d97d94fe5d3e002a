// Temporary: replaced by the real NoteEditor.
import GlossCore

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
