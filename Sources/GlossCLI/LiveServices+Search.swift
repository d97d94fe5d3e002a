import GlossSearch
import GlossTUI

extension LiveServices {
    /// The search screen's results: exactly what `gloss search` prints, as TUI values.
    func searchLibrary(_ query: String) -> Result<LibrarySearchAnswer, ServiceFailure> {
        do {
            let outcome = try LibrarySearch(workspace: workspace).run(query, limit: Self.searchScreenLimit)
            let hits = outcome.hits.map {
                LibrarySearchHit(
                    path: $0.path, title: $0.title, paragraph: $0.paragraph, kind: $0.kind.rawValue,
                    snippet: $0.snippet, quote: $0.quote)
            }
            return .success(LibrarySearchAnswer(hits: hits, notices: outcome.notices))
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    /// Results the search screen lists (it scrolls through them).
    static let searchScreenLimit = 100
}
