import GlossCore

/// What the notes side pane shows: the article's highlights and where the reader is.
public struct NotesPaneModel: Sendable {
    /// Live annotations (no tombstones) in reading order, as `AnnotationMerge.sorted` gives them.
    public var annotations: [Annotation]
    /// The entry selected in the pane: reversed while the pane has focus, underlined otherwise.
    public var selectedID: String?
    /// The reader's focused block; entries covering it (`blockIndex...blockEnd`) are marked.
    public var focusedBlock: Int
    public var hasFocus: Bool
    /// The `/` filter; empty for none. Shown in the header.
    public var filter: String
    /// The entry whose note is being edited, marked in its first line.
    public var editingID: String?

    public init(
        annotations: [Annotation] = [], selectedID: String? = nil, focusedBlock: Int = 0,
        hasFocus: Bool = false, filter: String = "", editingID: String? = nil
    ) {
        self.annotations = annotations
        self.selectedID = selectedID
        self.focusedBlock = focusedBlock
        self.hasFocus = hasFocus
        self.filter = filter
        self.editingID = editingID
    }
}
