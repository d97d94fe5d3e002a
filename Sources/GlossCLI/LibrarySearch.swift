import GlossCore
import GlossSearch
import GlossStorage

/// A library-wide search, as `gloss search` and the TUI's search screen run it: brings the
/// index under the data directory up to date, then queries it. A damaged index is set aside
/// and rebuilt once; one being written by another gloss is queried as it stands.
struct LibrarySearch {
    let workspace: Workspace

    struct Outcome {
        var hits: [SearchHit]
        /// Things to tell the user (damaged index rebuilt, index busy).
        var notices: [String]
    }

    func run(_ text: String, limit: Int, reindex: Bool = false) throws(CLIError) -> Outcome {
        let query = LibraryQuery.parse(text)
        do {
            return try attempt(query, limit: limit, reindex: reindex)
        } catch let error where Self.isDamage(error) {
            // The failing index was set aside; a fresh one is built from the files.
            do {
                var outcome = try attempt(query, limit: limit, reindex: false)
                outcome.notices.insert("the search index was damaged and has been rebuilt", at: 0)
                return outcome
            } catch {
                throw .failed(error.description)
            }
        } catch {
            throw .failed(error.description)
        }
    }

    private func attempt(_ query: LibraryQuery, limit: Int, reindex: Bool) throws(SearchIndexError) -> Outcome {
        let index = try SearchIndex(dataDirectory: workspace.paths.data)
        var notices = index.notices
        let files: [LibraryScanner.FoundFile]
        do {
            files = try workspace.scanner.articleFiles()
        } catch {
            throw .storage(error)
        }
        do {
            if reindex { try index.clear() }
            try index.update(files: files, store: AnnotationStore(dataDirectory: workspace.paths.data))
        } catch let error where error.isBusy {
            notices.append("the search index is being updated by another gloss; results may be incomplete")
        }
        return Outcome(hits: try index.search(query, limit: limit), notices: notices)
    }

    private static func isDamage(_ error: SearchIndexError) -> Bool {
        if case .database(let sqlite) = error { return sqlite.isDamage }
        return false
    }
}
