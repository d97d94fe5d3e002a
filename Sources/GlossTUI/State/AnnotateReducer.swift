import GlossCore

/// Annotation keys in the reader: highlight, note, colour, undo/redo, and the pane toggles.
extension AppState {
    static let readOnlyMessage = StatusMessage(
        "annotations are read-only here (written by a newer Gloss)", isError: true)

    /// Short enough for the status line of the smallest window (40 columns), where it gets the
    /// whole line.
    var paneHiddenHint: StatusMessage {
        StatusMessage("notes hidden: < \(paneSettings.minWindowWidth) columns; t shows", needsWholeLine: true)
    }

    mutating func handleAnnotationAction(_ action: Action) -> [Effect] {
        guard let view = reader else { return [] }
        if view.annotations.isLoading, action != .togglePane, action != .focusPane {
            message = StatusMessage("annotations are still loading")
            return []
        }
        switch action {
        case .highlight: return toggleParagraphHighlight()
        case .visual: return startVisual(reattaching: nil)
        case .editNote: return editNote(of: noteTarget(in: view), creatingIfNone: true)
        case .editNoteExternal: return editNoteExternally(noteTarget(in: view), creatingIfNone: true)
        case .cycleColor: return cycleColor(of: colorTarget(in: view))
        case .undo: return undoOrRedo(undo: true)
        case .redo: return undoOrRedo(undo: false)
        case .togglePane: return togglePane()
        case .focusPane: return focusPane()
        case .export:
            guard !view.annotations.annotations.isEmpty else {
                message = StatusMessage("no highlights to export yet (h highlights the paragraph)")
                return []
            }
            return annotationSaveEffects() + [.exportNotes(relativePath: view.relativePath)]
        default: return []
        }
    }

    // MARK: - Targets

    /// The annotation `a` edits: the one selected in the pane if it covers the focused
    /// paragraph, else the first there in reading order.
    func noteTarget(in view: ReaderState) -> Annotation? {
        let covering = view.annotations.covering(block: view.focus)
        if let id = pane.selectedID, let selected = covering.first(where: { $0.id == id }) { return selected }
        return covering.min { $0.anchor.position.start < $1.anchor.position.start }
    }

    /// The annotation `c` recolours: the pane's selection if it covers the focused paragraph,
    /// else the innermost highlight there.
    func colorTarget(in view: ReaderState) -> Annotation? {
        let covering = view.annotations.covering(block: view.focus)
        if let id = pane.selectedID, let selected = covering.first(where: { $0.id == id }) { return selected }
        return covering.first
    }

    // MARK: - Changes

    /// Applies a user step to the open article's annotations and asks for it to be saved.
    mutating func commit(_ step: AnnotationStep) -> [Effect] {
        guard var view = reader else { return [] }
        if view.annotations.isReadOnly {
            message = Self.readOnlyMessage
            return []
        }
        view.annotations.perform(step, world: world)
        reader = view
        return annotationSaveEffects()
    }

    func annotationSaveEffects() -> [Effect] {
        guard let view = reader, !view.annotations.unsaved.isEmpty else { return [] }
        return [.saveAnnotations(relativePath: view.relativePath, changes: view.annotations.unsaved)]
    }

    /// A new annotation on `range` (offsets in the normalized text) in colour `color`.
    func newAnnotation(range: Range<Int>, color: String, in view: ReaderState) -> Annotation? {
        guard let anchor = AnnotationAnchor(range: range, in: view.annotations.text) else { return nil }
        return Annotation(id: world.newID(), created: world.now(), color: color, anchor: anchor)
    }

    var defaultColorName: String {
        highlightSettings.color(number: highlightSettings.defaultColor)?.name ?? Annotation.defaultColor
    }

    private mutating func toggleParagraphHighlight() -> [Effect] {
        guard let view = reader, let range = view.annotations.text.range(ofBlock: view.focus), !range.isEmpty else {
            message = StatusMessage("nothing to highlight here")
            return []
        }
        let paragraph = "¶ \(view.focus + 1)"
        if let existing = view.annotations.covering(block: view.focus).first(where: { $0.anchor.position.range == range }) {
            message = StatusMessage("removed the highlight on \(paragraph)\(existing.note.isEmpty ? "" : " and its note") (u undoes)")
            return commit(AnnotationStep(label: "remove highlight", edits: [AnnotationEdit(before: existing, after: nil)]))
        }
        guard let created = newAnnotation(range: range, color: defaultColorName, in: view) else { return [] }
        message = StatusMessage("highlighted \(paragraph)")
        return commit(AnnotationStep(label: "highlight", edits: [AnnotationEdit(before: nil, after: created)]))
    }

    /// Creates a whole-paragraph highlight on the focused paragraph, for `a`/`A` with none there.
    private mutating func highlightFocusedParagraph() -> (Annotation, [Effect])? {
        guard let view = reader, let range = view.annotations.text.range(ofBlock: view.focus), !range.isEmpty,
              let created = newAnnotation(range: range, color: defaultColorName, in: view)
        else {
            message = StatusMessage("nothing to annotate here")
            return nil
        }
        let effects = commit(AnnotationStep(label: "highlight", edits: [AnnotationEdit(before: nil, after: created)]))
        guard reader?.annotations.annotation(withID: created.id) != nil else { return nil }
        return (created, effects)
    }

    /// The annotation whose note `a`/`A` edits, highlighting the focused paragraph first when
    /// there is none and `creatingIfNone`; nil (with a message) when notes can't be edited.
    private mutating func noteAnnotation(
        _ target: Annotation?, creatingIfNone: Bool, effects: inout [Effect]
    ) -> Annotation? {
        var annotation = target
        if annotation == nil, creatingIfNone, let (created, saved) = highlightFocusedParagraph() {
            annotation = created
            effects = saved
        }
        guard let annotation else {
            if !creatingIfNone { message = StatusMessage("no highlight selected") }
            return nil
        }
        if reader?.annotations.isReadOnly == true {
            message = Self.readOnlyMessage
            return nil
        }
        return annotation
    }

    mutating func editNote(of target: Annotation?, creatingIfNone: Bool) -> [Effect] {
        var effects: [Effect] = []
        guard let annotation = noteAnnotation(target, creatingIfNone: creatingIfNone, effects: &effects) else {
            return effects
        }
        let title = "Note · ¶ \(annotation.anchor.blockIndex + 1)"
        var editor = NoteEditor(text: annotation.note, title: title)
        editor.fitPopup(in: Rect(x: 0, y: 0, width: size.width, height: bodyHeight))
        noteEditor = NoteEditing(editor: editor, annotationID: annotation.id)
        return effects
    }

    mutating func editNoteExternally(_ target: Annotation?, creatingIfNone: Bool) -> [Effect] {
        var effects: [Effect] = []
        guard let annotation = noteAnnotation(target, creatingIfNone: creatingIfNone, effects: &effects) else {
            return effects
        }
        return effects + [.editNoteExternally(annotationID: annotation.id, text: annotation.note)]
    }

    /// Stores `text` as the note of annotation `id` (from the popup or the external editor).
    mutating func saveNote(_ text: String, forAnnotation id: String) -> [Effect] {
        guard let view = reader, let current = view.annotations.annotation(withID: id) else {
            message = StatusMessage("the highlight was deleted meanwhile; the note was not saved", isError: true)
            return []
        }
        guard current.note != text else { return [] }
        var edited = current
        edited.note = text
        message = StatusMessage(text.isEmpty ? "note removed" : "note saved")
        return commit(AnnotationStep(label: "edit note", edits: [AnnotationEdit(before: current, after: edited)]))
    }

    mutating func cycleColor(of target: Annotation?) -> [Effect] {
        guard let target else {
            message = StatusMessage("no highlight here (h highlights the paragraph)")
            return []
        }
        let names = highlightSettings.colors.map(\.name)
        guard !names.isEmpty else { return [] }
        let next = names.firstIndex(of: target.color).map { names[($0 + 1) % names.count] } ?? names[0]
        var edited = target
        edited.color = next
        message = StatusMessage("colour: \(next)")
        return commit(AnnotationStep(label: "change colour", edits: [AnnotationEdit(before: target, after: edited)]))
    }

    mutating func deleteAnnotation(_ target: Annotation?) -> [Effect] {
        guard let target else {
            message = StatusMessage("no highlight selected")
            return []
        }
        message = StatusMessage("deleted the highlight on ¶ \(target.anchor.blockIndex + 1) (u undoes)")
        return commit(AnnotationStep(label: "delete highlight", edits: [AnnotationEdit(before: target, after: nil)]))
    }

    private mutating func undoOrRedo(undo: Bool) -> [Effect] {
        guard var view = reader else { return [] }
        if view.annotations.isReadOnly {
            message = Self.readOnlyMessage
            return []
        }
        let result = undo ? view.annotations.undo(world: world) : view.annotations.redo(world: world)
        reader = view
        guard let label = result else {
            message = StatusMessage(undo ? "nothing to undo" : "nothing to redo")
            return []
        }
        message = StatusMessage("\(undo ? "undone" : "redone"): \(label)")
        return annotationSaveEffects()
    }

    // MARK: - Pane

    private mutating func togglePane() -> [Effect] {
        if isPaneShown {
            pane.isOpen = false
            pane.isForced = false
            pane.hasFocus = false
        } else {
            pane.isOpen = true
            pane.isForced = size.width < paneSettings.minWindowWidth
        }
        relayout()
        return []
    }

    private mutating func focusPane() -> [Effect] {
        if !isPaneShown {
            pane.isOpen = true
            pane.isForced = size.width < paneSettings.minWindowWidth
            relayout()
        }
        pane.hasFocus = true
        if pane.selectedID == nil || reader?.annotations.annotation(withID: pane.selectedID ?? "") == nil {
            pane.selectedID = paneEntries.first { $0.anchor.blockIndex >= (reader?.focus ?? 0) }?.id ?? paneEntries.first?.id
        }
        return []
    }

    /// The pane's model for the current state.
    var paneModel: NotesPaneModel {
        NotesPaneModel(
            annotations: reader?.annotations.annotations ?? [], selectedID: pane.selectedID,
            focusedBlock: reader?.focus ?? 0, hasFocus: pane.hasFocus && isPaneShown, filter: pane.filter)
    }

    /// The entries the pane lists, in its order.
    var paneEntries: [Annotation] { NotesPane.entries(paneModel) }
}
