/// The measurements the benchmark can make; `--only` picks some of them.
enum Scenario: String, CaseIterable, Sendable {
    /// `gloss read` until the first complete screen, against `less`, at every size.
    case open
    /// `G` at the largest size, key to screen, against `less` and `vim`.
    case end
    /// Searching for a word in the last paragraph at the largest size, against `less` and `vim`.
    case search
    /// Peak memory of `gloss read` at the largest size.
    case memory
    /// Movement keys in-process: reduce + render, at every size.
    case keys
    /// Window resize in-process: reduce + render, at every size.
    case resize
    /// Annotation storage, re-anchoring and export, in-process.
    case annotations
    /// First paint of the generated libraries (2,000 and 20,000 articles), cold and warm, and peak memory.
    case library
    /// Loading a generated worst case per format (wide tables, deep nesting, deep front matter).
    case loading
    /// Triage keys and mark saves in a library of 2,000 articles, in-process.
    case triage
    /// The search index on the generated libraries: build, update, query latency, size.
    case searchIndex = "search-index"
    /// `gloss fetch` of the captured real feeds served on 127.0.0.1, against `newsboat -x reload`.
    case feeds
}
