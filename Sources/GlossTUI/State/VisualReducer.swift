import GlossCore

/// Visual mode: growing a selection with sentence, word and paragraph motions, then turning it
/// into a highlight (or the new place of an orphaned note).
extension AppState {
    mutating func startVisual(reattaching id: String?) -> [Effect] {
        guard let view = reader else { return [] }
        guard let selection = Selection(firstSentenceOf: view.focus, in: view.article.blocks) else {
            message = StatusMessage("¶ \(view.focus + 1) has no text to select")
            return []
        }
        visual = VisualState(selection: selection, reattachID: id)
        pane.hasFocus = false
        message = StatusMessage(
            id == nil
                ? "VISUAL: ) ( w b extend, j k paragraphs, o other end, Enter highlight, a note, Esc cancel"
                : "VISUAL: select the note's new text, Enter attaches it, Esc cancels")
        return []
    }

    mutating func handleVisual(_ action: Action) -> [Effect] {
        guard var state = visual, var view = reader else {
            visual = nil
            return []
        }
        let blocks = view.article.blocks
        switch action {
        case .sentenceForward: state.selection.apply(.sentenceForward, in: blocks)
        case .sentenceBackward: state.selection.apply(.sentenceBackward, in: blocks)
        case .wordForward: state.selection.apply(.wordForward, in: blocks)
        case .wordBackward: state.selection.apply(.wordBackward, in: blocks)
        case .swapEnds: state.selection.apply(.swapEnds, in: blocks)
        case .paragraphStart: state.selection.apply(.paragraphStart, in: blocks)
        case .paragraphEnd: state.selection.apply(.paragraphEnd, in: blocks)
        case .extendDown, .extendUp:
            let before = state.selection
            state.selection.apply(action == .extendDown ? .nextParagraph : .previousParagraph, in: blocks)
            if state.selection == before {
                message = StatusMessage(action == .extendDown ? "no paragraph below" : "no paragraph above")
            }
        case .createHighlight: return finishVisual(state, color: defaultColorName, withNote: false)
        case .color1, .color2, .color3, .color4:
            let number = [Action.color1, .color2, .color3, .color4].firstIndex(of: action).map { $0 + 1 } ?? 1
            let color = highlightSettings.color(number: number)?.name ?? defaultColorName
            return finishVisual(state, color: color, withNote: false)
        case .createWithNote: return finishVisual(state, color: defaultColorName, withNote: true)
        case .cancel:
            visual = nil
            message = StatusMessage("selection cancelled")
            return []
        default:
            return []
        }
        visual = state
        view.focus = state.selection.active.block
        let lines = view.layout.lines(of: view.focus)
        let activeOffset = state.selection.active.offset
        let line = lines.firstIndex { ($0.text?.range.upperBound ?? 0) >= activeOffset && $0.text != nil } ?? 0
        view.viewport.reveal(line: line, ofBlock: view.focus, in: view.layout)
        reader = view
        return []
    }

    /// The selection as a range of the normalized text; nil if it lies outside it.
    func articleRange(of selection: Selection, in view: ReaderState) -> Range<Int>? {
        let text = view.annotations.text
        guard let start = text.articleOffset(block: selection.start.block, offset: selection.start.offset),
              let end = text.articleOffset(block: selection.end.block, offset: selection.end.offset),
              start < end
        else { return nil }
        return start..<end
    }

    private mutating func finishVisual(_ state: VisualState, color: String, withNote: Bool) -> [Effect] {
        visual = nil
        guard let view = reader, let range = articleRange(of: state.selection, in: view),
              let anchor = AnnotationAnchor(range: range, in: view.annotations.text)
        else {
            message = StatusMessage("nothing selected", isError: true)
            return []
        }
        if let id = state.reattachID, let orphan = view.annotations.annotation(withID: id) {
            var attached = orphan
            attached.anchor = anchor
            if color != defaultColorName { attached.color = color }
            message = StatusMessage("note re-attached to ¶ \(anchor.blockIndex + 1)")
            pane.selectedID = id
            return commit(AnnotationStep(label: "re-attach", edits: [AnnotationEdit(before: orphan, after: attached)]))
        }
        guard let created = newAnnotation(range: range, color: color, in: view) else { return [] }
        var effects = commit(AnnotationStep(label: "highlight", edits: [AnnotationEdit(before: nil, after: created)]))
        guard reader?.annotations.annotation(withID: created.id) != nil else { return effects }
        pane.selectedID = created.id
        let span = anchor.blockEnd > anchor.blockIndex ? "¶ \(anchor.blockIndex + 1)–\(anchor.blockEnd + 1)" : "¶ \(anchor.blockIndex + 1)"
        message = StatusMessage("highlighted \(range.count) characters in \(span)")
        if withNote { effects += editNote(of: created, creatingIfNone: false) }
        return effects
    }
}
