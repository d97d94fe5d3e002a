import GlossCore

/// Questions about many articles at once, answered from one listing of the annotations directory,
/// so callers never match annotation file names or parse the files themselves.
extension AnnotationStore {
    /// The annotation files in the directory, listed once.
    public func listing() -> AnnotationListing {
        let names = SecureDirectory.entries(of: annotationsDirectory)
        // A journal whose JSON file is gone (deleted by hand, or set aside as damaged with no
        // backup) still holds saves: its article counts as having annotations, which reading
        // it gives back, instead of being hidden until the next save writes the file again.
        let files = Set(names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") })
        let journaled = names.filter { $0.hasSuffix(".json.journal") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(".journal".count)) }
        let journalOnly = Set(journaled).subtracting(files)
        return AnnotationListing(
            store: self, names: files.union(journalOnly), journalOnly: journalOnly,
            setAside: Set(names.filter(AnnotationStore.isSetAside)))
    }
}

/// The annotation files present when `AnnotationStore.listing()` was called (not backups, locks,
/// snapshots or leftovers).
public struct AnnotationListing: Sendable {
    let store: AnnotationStore
    /// The files' names in the annotations directory.
    public let names: Set<String>
    /// Names in `names` that only a journal stands for: their JSON file is gone.
    let journalOnly: Set<String>
    /// Damaged files that were set aside (`.corrupt-…`).
    let setAside: Set<String>

    public var isEmpty: Bool { names.isEmpty }

    /// The name of the file that holds (or would hold) the annotations of `articlePath`.
    public func fileName(of articlePath: String) -> String {
        store.paths(for: articlePath).base + ".json"
    }

    /// Whether the annotations of `articlePath` were set aside as damaged with no good file left.
    public func hasUnreadableAnnotations(for articlePath: String) -> Bool {
        // Naming the file hashes the path: skip it when nothing was set aside.
        guard !setAside.isEmpty else { return false }
        let json = fileName(of: articlePath)
        guard !names.contains(json) || journalOnly.contains(json) else { return false }
        return setAside.contains { $0.hasPrefix(json + ".") }
    }

    /// Whether `articlePath` has an annotation file.
    public func hasFile(for articlePath: String) -> Bool {
        !names.isEmpty && names.contains(fileName(of: articlePath))
    }

    /// The article path recorded in the file `name` (or in its backup), when that path's file is
    /// `name`: a file copied or renamed by hand names another article and is not its own.
    public func articlePath(ofFileNamed name: String) -> String? {
        let location = store.annotationsDirectory + "/" + name
        for candidate in [location, location + ".bak"] {
            guard let bytes = try? FileIO.read(candidate, limit: 64 << 20),
                  let path = (try? JSONValue.parse(bytes))?.objectValue?["article"]?.objectValue?["path"]?.stringValue,
                  store.location(of: path) == location
            else { continue }
            return path
        }
        return nil
    }
}
