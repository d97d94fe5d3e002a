import GlossCore

/// Visual mode: the text being selected, and what creating from it does.
public struct VisualState: Sendable {
    public var selection: Selection
    /// When set, the selection gives this orphaned annotation its new place instead of making a new one.
    public var reattachID: String?

    public init(selection: Selection, reattachID: String? = nil) {
        self.selection = selection
        self.reattachID = reattachID
    }
}

/// The note popup: the editor and the annotation whose note it edits.
public struct NoteEditing: Sendable {
    public var editor: NoteEditor
    public var annotationID: String

    public init(editor: NoteEditor, annotationID: String) {
        self.editor = editor
        self.annotationID = annotationID
    }
}
