/// Why editing a note in the external editor failed; in every case the note is left unchanged.
enum ExternalEditorError: Error, CustomStringConvertible, Equatable {
    /// No executable of that name on `PATH`, or the path does not exist.
    case notFound(command: String)
    /// The editor exists but could not be started (not executable, out of processes, ...).
    case cannotStart(command: String, reason: String)
    /// The editor exited with a non-zero status, which editors use to abandon an edit (`:cq`).
    case exited(command: String, status: Int32)
    case killed(command: String, signal: Int32)
    /// Waiting for the editor failed, so whether it finished the edit is unknown.
    case lostTrack(command: String, reason: String)
    /// Creating, writing, reading or checking the temporary file failed.
    case temporaryFile(operation: String, path: String, reason: String)
    case notUTF8(path: String)
    case tooLarge(path: String, limit: Int)

    var description: String {
        switch self {
        case .notFound(let command):
            return "editor not found: \(command) (set $VISUAL or $EDITOR)"
        case .cannotStart(let command, let reason):
            return "cannot start the editor \(command): \(reason)"
        case .exited(let command, let status):
            return "\(command) exited with status \(status); the note was not changed"
        case .killed(let command, let signal):
            return "\(command) was killed by signal \(signal); the note was not changed"
        case .lostTrack(let command, let reason):
            return "lost track of the editor \(command): \(reason); the note was not changed"
        case .temporaryFile(let operation, let path, let reason):
            return "cannot \(operation) the temporary note \(path): \(reason); the note was not changed"
        case .notUTF8(let path):
            return "the edited note \(path) is not valid UTF-8; the note was not changed"
        case .tooLarge(let path, let limit):
            return "the edited note \(path) is larger than \(limit / (1 << 20)) MB; the note was not changed"
        }
    }
}
