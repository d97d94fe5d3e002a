import GlossCore

/// Draws the whole screen for a state into a fresh buffer; the only entry point panes have.
public enum ScreenRenderer {
    public static func render(_ state: AppState) -> (buffer: Buffer, cursor: (x: Int, y: Int)?) {
        var buffer = Buffer(width: state.size.width, height: state.size.height)
        guard !state.isTooSmall else {
            renderTooSmall(state, into: &buffer)
            return (buffer, nil)
        }
        let statusHeight = StatusLine.height(for: state, width: state.size.width)
        let (body, statusArea) = buffer.area.splitBottom(height: statusHeight)
        switch state.screen {
        case .library: LibraryPane.render(state, in: body, into: &buffer)
        case .reader:
            ArticlePane.render(state, in: state.textArea.intersection(body), into: &buffer)
            if let paneArea = state.paneArea {
                NotesPane.render(
                    state.paneModel, theme: state.theme, colors: state.highlightSettings,
                    in: paneArea.intersection(body), into: &buffer)
            }
        }
        if state.screen == .reader, state.linkList != nil { LinkListOverlay.render(state, in: body, into: &buffer) }
        var searchCursor: (x: Int, y: Int)?
        if let search = state.librarySearch {
            searchCursor = LibrarySearchPane.render(search, theme: state.theme, in: body, into: &buffer)
        }
        var editorCursor: (x: Int, y: Int)?
        if let editing = state.noteEditor {
            let popup = NotePopupPlacement.rect(for: state, in: body)
            editorCursor = NoteEditorView.render(editing.editor, in: popup, theme: state.theme, into: &buffer)
        }
        if state.isHelpVisible { HelpOverlay.render(state, in: body, into: &buffer) }
        let cursor = StatusLine.render(state, in: statusArea, into: &buffer)
        return (buffer, state.isHelpVisible ? cursor : editorCursor ?? searchCursor ?? cursor)
    }

    static func renderTooSmall(_ state: AppState, into buffer: inout Buffer) {
        let min = AppState.minimumSize
        let lines = ["window too small", "\(state.size.width)x\(state.size.height), need \(min.width)x\(min.height)"]
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: state.theme.style(.error))
        }
    }
}
