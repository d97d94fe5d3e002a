import Foundation
import GlossCore
import GlossTUI

/// Articles built in code, so TUI tests don't depend on the loaders.
enum Fixtures {
    static let sentence = "Harbor cities are betting that the tide can pay for the lights, and the numbers are finally close."

    /// A heading, then paragraphs of varied length, a list, a quote, a second heading and code.
    static var article: Article {
        var blocks: [Block] = [Block(kind: .heading(level: 1), text: "Harbor Cities Bet on Tidal Power")]
        for i in 1...6 {
            blocks.append(Block(kind: .paragraph, text: "Paragraph \(i). " + String(repeating: sentence + " ", count: i % 3 + 1)))
        }
        blocks.append(Block(kind: .listItem(marker: "•", depth: 0), text: "Turbines and moorings, about 61% of the budget."))
        blocks.append(Block(kind: .listItem(marker: "•", depth: 0), text: "Grid links and storage."))
        blocks.append(Block(kind: .quote(depth: 0), text: "We are not betting on the weather, we are betting on the moon."))
        blocks.append(Block(kind: .heading(level: 2), text: "What the money buys"))
        for i in 7...12 {
            blocks.append(Block(kind: .paragraph, text: "Paragraph \(i). " + String(repeating: sentence + " ", count: i % 2 + 1)))
        }
        blocks.append(Block(kind: .code(language: nil), text: "turbines = 12\nbudget  = 61%"))
        blocks.append(Block(kind: .paragraph, text: "The final paragraph mentions a lighthouse keeper."))
        return Article(metadata: ArticleMetadata(title: "Harbor Cities Bet on Tidal Power", source: "Coastal Ledger"), format: .markdown, blocks: blocks)
    }

    static let items: [LibraryItem] = [
        LibraryItem(relativePath: "tidal.md", title: "Harbor Cities Bet on Tidal Power", source: "Coastal Ledger", date: "2026-10-02", tags: ["energy"], words: 812, minutes: 4, progress: 35, annotationCount: 2),
        LibraryItem(relativePath: "tokyo.md", title: "東京の夜、AIと屋台 🍜", source: "Metro Wire", date: "2026-09-14", words: 640, minutes: 3),
        LibraryItem(relativePath: "notes.txt", title: "Field notes from the estuary", words: 1204, minutes: 5, progress: 100),
        LibraryItem(relativePath: "broken.bin.txt", title: "broken.bin.txt", problem: "binary file (NUL byte at offset 3)"),
    ]

    /// A clock stopped at 2026-11-24 10:00 UTC and ids counting up, so results are repeatable.
    static var world: ReaderWorld {
        let counter = Counter()
        return ReaderWorld(
            now: { Timestamp(millisecondsSince1970: 1_795_514_400_000) },
            newID: { "id-\(counter.next())" })
    }

    static func state(width: Int = 80, height: Int = 24, paneVisible: Bool = true) -> AppState {
        var state = AppState(
            size: Size(width: width, height: height), paneSettings: PaneSettings(visible: paneVisible), world: world)
        _ = reduce(&state, .libraryLoaded(items))
        return state
    }

    static func reader(width: Int = 80, height: Int = 24, focus: Int? = nil, paneVisible: Bool = true) -> AppState {
        var state = self.state(width: width, height: height, paneVisible: paneVisible)
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "tidal.md", article: article, savedFocus: focus)))
        return state
    }

    static func press(_ keys: [Key], on state: inout AppState) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    static func type(_ text: String) -> [Key] { text.map { Key.char($0) } }
}

/// A thread-safe counter for fixture ids.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
