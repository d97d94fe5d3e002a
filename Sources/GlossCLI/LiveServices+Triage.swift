import GlossCore
import GlossStorage
import GlossTUI

/// Marks and the trash for the TUI.
extension LiveServices {
    func markArticles(_ paths: [String], _ change: MarkChange) -> ServiceFailure? {
        do {
            _ = try states.mark(change, paths, contentHashes: contentHashes.filter { paths.contains($0.key) })
            return nil
        } catch {
            return ServiceFailure(error.description)
        }
    }

    func deleteArticle(relativePath: String) -> ServiceFailure? {
        do throws(CLIError) {
            try workspace.trashArticle(relativePath)
            return nil
        } catch {
            return ServiceFailure(error.description)
        }
    }

    /// The reading state, after moving the marks of articles that were renamed or moved (found
    /// by the hash of their bytes) to their new paths.
    func readingState(adoptingRenamesIn entries: [LibraryEntry]) -> ReadingState {
        let state = (try? states.loadReadingState()) ?? ReadingState()
        guard !state.marks.isEmpty else { return state }
        var hashes: [String: String] = [:]
        for entry in entries { hashes[entry.relativePath] = entry.contentHash ?? "" }
        // A read-only data directory only means the marks are found again next time.
        return (try? states.adoptRenamedMarks(present: hashes)) ?? state
    }
}
