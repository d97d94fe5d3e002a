import GlossCore

/// The open article's annotations as the reader shows and edits them, with the undo history
/// and the changes storage has not confirmed yet.
public struct ReaderAnnotations: Sendable {
    /// Live annotations in reading order.
    public private(set) var annotations: [Annotation]
    /// The article's normalized text, which anchors count offsets in.
    public let text: ArticleText
    /// True when changes must not be saved (the file comes from a newer Gloss).
    public var isReadOnly: Bool
    /// True until the annotations have been loaded; nothing can be changed meanwhile.
    public private(set) var isLoading = false
    public private(set) var history = AnnotationHistory()
    /// Changes sent to storage that it has not yet confirmed; re-sent with the next save.
    public internal(set) var unsaved: [AnnotationChange] = []
    /// Ids that have a tombstone: an annotation can never be stored again under one of them.
    private var buriedIDs: Set<String>

    public init(annotations: [Annotation], text: ArticleText, isReadOnly: Bool = false) {
        self.annotations = AnnotationMerge.sorted(annotations.filter { !$0.deleted })
        self.buriedIDs = Set(annotations.filter(\.deleted).map(\.id))
        self.text = text
        self.isReadOnly = isReadOnly
    }

    /// Placeholder for an article whose annotations are still being loaded.
    public static var loading: ReaderAnnotations {
        var placeholder = ReaderAnnotations(annotations: [], text: ArticleText(blockTexts: []))
        placeholder.isLoading = true
        return placeholder
    }

    public func annotation(withID id: String) -> Annotation? {
        annotations.first { $0.id == id }
    }

    /// Anchored annotations that cover `block`, innermost (shortest) first.
    public func covering(block: Int) -> [Annotation] {
        Self.innermostFirst(annotations.filter {
            $0.anchor.status != .orphan && $0.anchor.blockIndex <= block && block <= $0.anchor.blockEnd
        })
    }

    private static func innermostFirst(_ annotations: [Annotation]) -> [Annotation] {
        annotations.sorted { $0.anchor.position.range.count < $1.anchor.position.range.count }
    }

    /// The highlighted ranges of `block`, as scalar offsets in its text, innermost last so that
    /// drawing them in order leaves the innermost on top.
    public func highlights(inBlock block: Int) -> [(range: Range<Int>, color: String)] {
        highlights(inBlock: block, covering: covering(block: block))
    }

    /// `highlights(inBlock:)` of every block in `blocks` that has any, from one pass over the
    /// annotations: a frame needs those of all the blocks it shows, and an article may have
    /// a thousand annotations.
    public func highlights(inBlocks blocks: Range<Int>) -> [Int: [(range: Range<Int>, color: String)]] {
        var covering: [Int: [Annotation]] = [:]
        for annotation in annotations where annotation.anchor.status != .orphan {
            let first = max(annotation.anchor.blockIndex, blocks.lowerBound)
            let last = min(annotation.anchor.blockEnd, blocks.upperBound - 1)
            guard first <= last else { continue }
            for block in first...last { covering[block, default: []].append(annotation) }
        }
        var result: [Int: [(range: Range<Int>, color: String)]] = [:]
        for (block, annotations) in covering {
            result[block] = highlights(inBlock: block, covering: Self.innermostFirst(annotations))
        }
        return result
    }

    /// `covering`'s annotations as highlighted ranges of `block`, innermost last.
    private func highlights(inBlock block: Int, covering: [Annotation]) -> [(range: Range<Int>, color: String)] {
        guard let blockRange = text.range(ofBlock: block) else { return [] }
        return covering.reversed().compactMap { annotation in
            let range = annotation.anchor.position.range.clamped(to: blockRange)
            guard !range.isEmpty else { return nil }
            let local = (range.lowerBound - blockRange.lowerBound)..<(range.upperBound - blockRange.lowerBound)
            return (local, annotation.color)
        }
    }

    /// Replaces the list with what storage holds after a save (it may include other processes'
    /// changes), keeping local changes storage has not confirmed.
    mutating func adoptStored(_ stored: [Annotation]) {
        buriedIDs.formUnion(stored.filter(\.deleted).map(\.id))
        let merged = AnnotationMerge.apply(unsaved, to: stored)
        buriedIDs.formUnion(merged.filter(\.deleted).map(\.id))
        annotations = merged.filter { !$0.deleted }
    }

    /// Applies a new user step and records it for undo; the changes join `unsaved`.
    mutating func perform(_ step: AnnotationStep, world: ReaderWorld) {
        var applied = step
        run(&applied.edits, world: world)
        history.record(applied)
    }

    /// Reverts the newest step and returns its label; nil when there is nothing to undo.
    mutating func undo(world: ReaderWorld) -> String? {
        guard var step = history.popUndo() else { return nil }
        var edits = step.edits.reversed().map(\.inverted)
        run(&edits, world: world)
        step.edits = edits.reversed().map(\.inverted)
        history.pushRedo(step)
        return step.label
    }

    /// Applies the newest undone step again and returns its label; nil when there is nothing to redo.
    mutating func redo(world: ReaderWorld) -> String? {
        guard var step = history.popRedo() else { return nil }
        run(&step.edits, world: world)
        history.pushUndo(step)
        return step.label
    }

    /// Applies edits to the list, dating them now, and adds the changes to `unsaved`. An
    /// annotation coming back after a deletion gets a fresh id, written back into `edits` and
    /// the history.
    private mutating func run(_ edits: inout [AnnotationEdit], world: ReaderWorld) {
        let now = world.now()
        for index in edits.indices {
            let edit = edits[index]
            if var after = edit.after {
                if buriedIDs.contains(after.id) {
                    let fresh = world.newID()
                    history.renameID(after.id, to: fresh)
                    for other in edits.indices {
                        if edits[other].before?.id == after.id { edits[other].before?.id = fresh }
                        if edits[other].after?.id == after.id { edits[other].after?.id = fresh }
                    }
                    after.id = fresh
                }
                after.modified = max(now, after.modified)
                after.deleted = false
                edits[index].after = after
                annotations.removeAll { $0.id == after.id }
                annotations = AnnotationMerge.sorted(annotations + [after])
                unsaved.append(.upsert(after))
            } else if let before = edit.before, let current = annotation(withID: before.id) {
                annotations.removeAll { $0.id == current.id }
                buriedIDs.insert(current.id)
                unsaved.append(.delete(current, at: now))
            }
        }
    }

    /// Storage confirmed everything sent up to now.
    mutating func markSaved() { unsaved.removeAll() }
}
