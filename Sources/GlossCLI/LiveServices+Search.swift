import GlossTUI

extension LiveServices {
    /// The search screen's results: exactly what `gloss search` prints, as TUI values.
    func searchLibrary(_ query: String) -> Result<LibrarySearchAnswer, ServiceFailure> {
        do {
            let outcome = try LibrarySearch(workspace: workspace).run(query, limit: Self.searchScreenLimit)
            return .success(LibrarySearchAnswer(hits: outcome.hits, notices: outcome.notices))
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    /// Results the search screen lists (it scrolls through them).
    static let searchScreenLimit = 100
}
