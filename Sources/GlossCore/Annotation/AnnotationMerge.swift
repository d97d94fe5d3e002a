/// The rules that combine copies of annotations written by several processes.
///
/// Copies are matched by id. A tombstone beats any live copy, whatever its date, so a deleted
/// annotation never comes back; between two live copies (or two tombstones) the newer
/// `modified` wins, and on a tie the incoming copy does.
public enum AnnotationMerge {
    /// The copy of one annotation that survives when `incoming` meets `existing`.
    public static func winner(existing: Annotation, incoming: Annotation) -> Annotation {
        if existing.deleted != incoming.deleted {
            return existing.deleted ? existing : incoming
        }
        return incoming.modified >= existing.modified ? incoming : existing
    }

    /// `annotations` with `changes` merged in, in display order (see `sorted`).
    public static func apply(_ changes: [AnnotationChange], to annotations: [Annotation]) -> [Annotation] {
        merge(annotations, with: changes.map(\.annotation))
    }

    /// Both lists merged by id, `incoming` taking the role of the newer writer on ties.
    public static func merge(_ existing: [Annotation], with incoming: [Annotation]) -> [Annotation] {
        // One list whose ids are all different (a file as read) needs no merging: `sorted` is a
        // total order for distinct ids, so it gives what the merge below gives, without moving
        // every annotation through a dictionary.
        if existing.isEmpty || incoming.isEmpty {
            let only = existing.isEmpty ? incoming : existing
            var ids = Set<String>(minimumCapacity: only.count)
            if only.allSatisfy({ ids.insert($0.id).inserted }) { return sorted(only) }
        }
        var byID: [String: Annotation] = [:]
        byID.reserveCapacity(existing.count + incoming.count)
        for annotation in existing {
            if let other = byID[annotation.id] {
                byID[annotation.id] = winner(existing: other, incoming: annotation)
            } else {
                byID[annotation.id] = annotation
            }
        }
        for annotation in incoming {
            if let other = byID[annotation.id] {
                byID[annotation.id] = winner(existing: other, incoming: annotation)
            } else {
                byID[annotation.id] = annotation
            }
        }
        return sorted(Array(byID.values))
    }

    /// The same as `merge(existing, with: incoming)` when `existing` is already a merge result
    /// (in reading order, one copy per id), found without rebuilding and sorting the whole list:
    /// a save of one annotation among thousands costs a scan, not a sort.
    public static func merge(sorted existing: [Annotation], with incoming: [Annotation]) -> [Annotation] {
        guard incoming.count <= 16 else { return merge(existing, with: incoming) }
        var result = existing
        for annotation in incoming {
            var winner = annotation
            if let index = result.firstIndex(where: { $0.id == annotation.id }) {
                winner = self.winner(existing: result[index], incoming: annotation)
                result.remove(at: index)
            }
            var low = 0
            var high = result.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(result[middle], winner) { low = middle + 1 } else { high = middle }
            }
            result.insert(winner, at: low)
        }
        return result
    }

    /// Reading order: by position in the text, then creation time, then id (a stable total order).
    public static func sorted(_ annotations: [Annotation]) -> [Annotation] {
        annotations.sorted(by: precedes)
    }

    /// Whether `a` comes before `b` in reading order.
    static func precedes(_ a: Annotation, _ b: Annotation) -> Bool {
        if a.anchor.position.start != b.anchor.position.start {
            return a.anchor.position.start < b.anchor.position.start
        }
        if a.anchor.position.end != b.anchor.position.end {
            return a.anchor.position.end < b.anchor.position.end
        }
        if a.created != b.created { return a.created < b.created }
        return a.id < b.id
    }
}
