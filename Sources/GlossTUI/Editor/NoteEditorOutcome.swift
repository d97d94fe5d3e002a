/// What a key did to the note editor: keep editing, save the text, or close without saving.
public enum NoteEditorOutcome: Hashable, Sendable {
    case editing
    /// Enter: the note's new text, trailing line breaks removed.
    case save(String)
    /// Esc with nothing changed, or a confirmed discard.
    case cancel
}
