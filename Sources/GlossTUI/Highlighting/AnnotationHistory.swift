import GlossCore

/// One annotation before and after a change: nil before means it was created, nil after that it
/// was deleted.
public struct AnnotationEdit: Hashable, Sendable {
    public var before: Annotation?
    public var after: Annotation?

    public init(before: Annotation?, after: Annotation?) {
        self.before = before
        self.after = after
    }

    /// The same change run backwards.
    var inverted: AnnotationEdit { AnnotationEdit(before: after, after: before) }
}

/// A user action that changed annotations, as one undo step.
public struct AnnotationStep: Hashable, Sendable {
    public var label: String
    public var edits: [AnnotationEdit]
}

/// The undo and redo stacks of annotation changes made since the article was opened.
public struct AnnotationHistory: Hashable, Sendable {
    /// How many steps are kept; the spec asks for at least 100.
    public static let depth = 500

    public private(set) var undoSteps: [AnnotationStep] = []
    public private(set) var redoSteps: [AnnotationStep] = []

    public init() {}

    /// Records a new step; anything that could be redone is forgotten, as in every editor.
    mutating func record(_ step: AnnotationStep) {
        undoSteps.append(step)
        if undoSteps.count > Self.depth { undoSteps.removeFirst(undoSteps.count - Self.depth) }
        redoSteps.removeAll()
    }

    mutating func popUndo() -> AnnotationStep? { undoSteps.popLast() }
    mutating func popRedo() -> AnnotationStep? { redoSteps.popLast() }
    mutating func pushRedo(_ step: AnnotationStep) { redoSteps.append(step) }
    mutating func pushUndo(_ step: AnnotationStep) { undoSteps.append(step) }

    /// A deleted annotation cannot come back under its old id (its tombstone always wins a
    /// merge), so undo restores it under a new one; later steps must then refer to that id.
    mutating func renameID(_ old: String, to new: String) {
        func rename(_ steps: inout [AnnotationStep]) {
            for s in steps.indices {
                for e in steps[s].edits.indices {
                    if steps[s].edits[e].before?.id == old { steps[s].edits[e].before?.id = new }
                    if steps[s].edits[e].after?.id == old { steps[s].edits[e].after?.id = new }
                }
            }
        }
        rename(&undoSteps)
        rename(&redoSteps)
    }
}
