import GlossCore

/// Damaged annotation files that were moved aside (`NAME.json.corrupt-<time>`, and the same
/// for a damaged `.bak` or journal): kept for the user to repair or delete, and listed until they do.
extension AnnotationStore {
    /// The paths of every set-aside file in the annotations directory, sorted.
    public func setAsideFiles() -> [String] {
        SecureDirectory.entries(of: annotationsDirectory)
            .filter(Self.isSetAside)
            .sorted()
            .map { annotationsDirectory + "/" + $0 }
    }

    static func isSetAside(_ name: String) -> Bool {
        !name.hasPrefix(".")
            && [".json.corrupt-", ".json.bak.corrupt-", ".json.journal.corrupt-", ".json.journal.bak.corrupt-"]
            .contains { name.contains($0) }
    }
}
