import GlossCore

/// Damaged annotation files that were moved aside (`NAME.json.corrupt-<time>`, and the same
/// for a damaged `.bak`): kept for the user to repair or delete, and listed until they do.
extension AnnotationStore {
    /// The paths of every set-aside file in the annotations directory, sorted.
    public func setAsideFiles() -> [String] {
        SecureDirectory.entries(of: annotationsDirectory)
            .filter(Self.isSetAside)
            .sorted()
            .map { annotationsDirectory + "/" + $0 }
    }

    /// Whether `articlePath`'s annotations could not be read: its file (or backup) was set aside
    /// and nothing readable took its place, or it is damaged and could not be moved.
    /// `names` is a listing of the annotations directory.
    public func hasUnreadableAnnotations(_ articlePath: String, names: Set<String>) -> Bool {
        let json = SystemCall.lastComponent(of: location(of: articlePath))
        guard !names.contains(json) else { return false }
        return names.contains { Self.isSetAside($0) && $0.hasPrefix(json + ".") }
    }

    static func isSetAside(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.contains(".json.corrupt-") || name.contains(".json.bak.corrupt-"))
    }
}
