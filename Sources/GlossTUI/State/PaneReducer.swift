import GlossCore

/// Keys while the notes pane has focus: pick an entry, jump to it, edit, recolour, delete, filter.
extension AppState {
    mutating func handlePane(_ action: Action) -> [Effect] {
        let entries = paneEntries
        let index = entries.firstIndex { $0.id == pane.selectedID }
        let selected = index.map { entries[$0] }
        switch action {
        case .moveDown: select(in: entries, index: (index ?? -1) + 1)
        case .moveUp: select(in: entries, index: (index ?? entries.count) - 1)
        case .pageDown, .halfPageDown: select(in: entries, index: (index ?? -1) + 5)
        case .pageUp, .halfPageUp: select(in: entries, index: (index ?? entries.count) - 5)
        case .top: select(in: entries, index: 0)
        case .bottom: select(in: entries, index: entries.count - 1)
        case .open: return openEntry(selected)
        case .editNote: return editNote(of: selected, creatingIfNone: false)
        case .editNoteExternal: return editNoteExternally(selected, creatingIfNone: false)
        case .cycleColor:
            guard selected?.anchor.status != .orphan else {
                message = StatusMessage("re-attach the orphaned note first (Enter)")
                return []
            }
            return cycleColor(of: selected)
        case .delete:
            let effects = deleteAnnotation(selected)
            let remaining = paneEntries
            if !remaining.isEmpty, let index { pane.selectedID = remaining[min(index, remaining.count - 1)].id }
            return effects
        case .filter: prompt = .noteFilter(TextField(pane.filter))
        case .clearFilter:
            if pane.filter.isEmpty {
                pane.hasFocus = false
            } else {
                pane.filter = ""
            }
        case .focusPane: pane.hasFocus = false
        case .back:
            pane.hasFocus = false
            return handleReader(.back)
        default:
            // Undo, redo, the pane toggle and the rest mean the same as in the reader.
            return handleReader(action)
        }
        return []
    }

    private mutating func select(in entries: [Annotation], index: Int) {
        guard !entries.isEmpty else {
            message = StatusMessage(pane.filter.isEmpty ? "no highlights yet" : "no notes match /\(pane.filter)")
            return
        }
        pane.selectedID = entries[max(0, min(index, entries.count - 1))].id
    }

    /// Enter: jumps to the entry's paragraph and gives focus back to the reader; for an
    /// orphaned note, starts selecting the text to re-attach it to.
    private mutating func openEntry(_ entry: Annotation?) -> [Effect] {
        guard let entry, var view = reader else {
            message = StatusMessage("no highlight selected")
            return []
        }
        if entry.anchor.status == .orphan {
            return startVisual(reattaching: entry.id)
        }
        view.focus(on: entry.anchor.blockIndex)
        reader = view
        pane.hasFocus = false
        return []
    }

    /// Keys typed into the pane's filter prompt; the list filters as you type.
    mutating func handleNoteFilterKey(_ key: Key, field: TextField) {
        var field = field
        switch key {
        case .enter:
            prompt = nil
        case .escape:
            prompt = nil
            pane.filter = ""
        default:
            if field.handle(key) == .edited { pane.filter = field.text }
            prompt = .noteFilter(field)
        }
        if let first = paneEntries.first, !paneEntries.contains(where: { $0.id == pane.selectedID }) {
            pane.selectedID = first.id
        }
    }

    /// Keys while the note popup is open.
    mutating func handleEditorKey(_ key: Key) -> [Effect] {
        guard var editing = noteEditor else { return [] }
        switch editing.editor.handle(key) {
        case .editing:
            noteEditor = editing
            return []
        case .cancel:
            noteEditor = nil
            message = StatusMessage("note unchanged")
            return []
        case .save(let text):
            noteEditor = nil
            return saveNote(text, forAnnotation: editing.annotationID)
        }
    }
}
