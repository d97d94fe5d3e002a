/// One edit to an article's annotations, applied by id under the store's merge rules.
public enum AnnotationChange: Sendable, Hashable {
    /// Adds a new annotation or replaces an older copy with the same id.
    case upsert(Annotation)
    /// Deletes the annotation, leaving a tombstone dated `at`.
    case delete(Annotation, at: Timestamp)

    /// The annotation as it should be stored: the annotation itself, or its tombstone.
    public var annotation: Annotation {
        switch self {
        case .upsert(let annotation): return annotation
        case .delete(let annotation, let time): return annotation.tombstone(at: time)
        }
    }
}
