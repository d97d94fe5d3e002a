import GlossCore
import Testing

@testable import GlossTUI

/// Triage keys: read/unread, mark a group read, star, archive, delete, views, next article.
@Suite("Triage reducer")
struct TriageReducerTests {
    static func feedItems(_ count: Int, group: String = "Feed") -> [LibraryItem] {
        (1...count).map { i in
            LibraryItem(
                relativePath: "feed/\(String(format: "%02d", i)).md", title: "Story \(i)",
                date: "2026-11-\(String(format: "%02d", i))", group: group)
        }
    }

    static let items: [LibraryItem] = [
        LibraryItem(relativePath: "loose.md", title: "Loose", date: "2026-01-01", progress: 40),
        LibraryItem(relativePath: "feed/a.md", title: "Alpha", date: "2026-11-03", group: "Feed"),
        LibraryItem(relativePath: "feed/b.md", title: "Beta", date: "2026-11-02", group: "Feed", isStarred: true),
        LibraryItem(relativePath: "feed/c.md", title: "Gamma", date: "2026-11-01", group: "Feed", isArchived: true),
    ]

    func state(_ items: [LibraryItem] = Self.items) -> AppState {
        var state = AppState(size: Size(width: 100, height: 30), world: Fixtures.world)
        _ = reduce(&state, .libraryLoaded(items))
        return state
    }

    func titles(_ state: AppState) -> [String] {
        state.library.visible.map { state.library.items[$0].title }
    }

    func select(_ title: String, in state: inout AppState) {
        if let index = state.library.visible.firstIndex(where: { state.library.items[$0].title == title }) {
            state.library.select(index)
        }
    }

    func marks(_ effects: [Effect]) -> [Effect] {
        effects.filter { if case .markArticles = $0 { true } else { false } }
    }

    @Test func inboxHidesArchivedAndViewsSwitchWithNumberKeys() {
        var state = state()
        #expect(titles(state) == ["Loose", "Alpha", "Beta"])
        _ = Fixtures.press([.char("2")], on: &state)
        #expect(state.library.view == .unread)
        #expect(titles(state) == ["Alpha", "Beta"])
        _ = Fixtures.press([.char("3")], on: &state)
        #expect(titles(state) == ["Beta"])
        _ = Fixtures.press([.char("4")], on: &state)
        #expect(titles(state) == ["Gamma"])
        _ = Fixtures.press([.char("1")], on: &state)
        #expect(titles(state) == ["Loose", "Alpha", "Beta"])
    }

    @Test func toggleReadFlipsAndAsksStorage() {
        var state = state()
        select("Alpha", in: &state)
        let effects = Fixtures.press([.char("N")], on: &state)
        #expect(marks(effects) == [.markArticles(paths: ["feed/a.md"], change: .read)])
        #expect(state.library.selectedItem?.isUnread == false)
        #expect(state.library.rows.contains(.heading("Feed", count: 2, unread: 1)))
        let again = Fixtures.press([.char("N")], on: &state)
        #expect(marks(again) == [.markArticles(paths: ["feed/a.md"], change: .unread)])
        #expect(state.library.selectedItem?.isUnread == true)
    }

    @Test func starAndArchiveToggle() {
        var state = state()
        select("Alpha", in: &state)
        #expect(marks(Fixtures.press([.char("s")], on: &state)) == [.markArticles(paths: ["feed/a.md"], change: .star)])
        #expect(state.library.selectedItem?.isStarred == true)
        // Archiving takes the article out of the Inbox; the selection moves to the next one.
        #expect(marks(Fixtures.press([.char("e")], on: &state)) == [.markArticles(paths: ["feed/a.md"], change: .archive)])
        #expect(titles(state) == ["Loose", "Beta"])
        #expect(state.library.selectedItem?.title == "Beta")
        _ = Fixtures.press([.char("4")], on: &state)
        select("Alpha", in: &state)
        #expect(marks(Fixtures.press([.char("e")], on: &state)) == [.markArticles(paths: ["feed/a.md"], change: .unarchive)])
        #expect(titles(state) == ["Gamma"])
    }

    @Test func starredRowShowsAStarAndStatusLineNamesTheView() {
        let lines = ScreenRenderer.render(state()).buffer.lines
        #expect(lines.contains { $0.contains("★ Beta") })
        #expect(!lines.contains { $0.contains("★ Alpha") })
        #expect(lines.last?.contains("Inbox 3 · 2 unread") == true)
    }

    @Test func markGroupReadMarksTheGroupAtOnceWhenSmall() {
        var state = state()
        select("Beta", in: &state)
        let effects = Fixtures.press([.char("A")], on: &state)
        #expect(marks(effects) == [.markArticles(paths: ["feed/a.md", "feed/b.md"], change: .read)])
        #expect(state.library.rows.contains(.heading("Feed", count: 2, unread: 0)))
    }

    @Test func markGroupReadAsksWhenMoreThanTen() {
        var state = state(Self.feedItems(23))
        let effects = Fixtures.press([.char("A")], on: &state)
        #expect(marks(effects).isEmpty)
        guard case .confirm(let question, _) = state.prompt else {
            Issue.record("no confirmation")
            return
        }
        #expect(question == "mark 23 articles read? (y/n)")
        #expect(ScreenRenderer.render(state).buffer.lines.last?.contains("mark 23 articles read? (y/n)") == true)
        let yes = Fixtures.press([.char("y")], on: &state)
        #expect(marks(yes).count == 1)
        #expect(state.library.items.allSatisfy { !$0.isUnread })
    }

    @Test func anythingButYesCancels() {
        var state = state(Self.feedItems(12))
        _ = Fixtures.press([.char("A")], on: &state)
        let effects = Fixtures.press([.char("n")], on: &state)
        #expect(marks(effects).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.library.items.allSatisfy { $0.isUnread })
    }

    @Test func deleteAsksWithNoteCountThenAsksForTheTrash() {
        var items = Self.items
        items[1].annotationCount = 3
        var state = state(items)
        select("Alpha", in: &state)
        #expect(Fixtures.press([.char("D")], on: &state).isEmpty)
        guard case .confirm(let question, _) = state.prompt else {
            Issue.record("no confirmation")
            return
        }
        #expect(question == "delete \"Alpha\"? its 3 notes are kept (y/n)")
        let effects = Fixtures.press([.char("y")], on: &state)
        #expect(effects == [.deleteArticle(relativePath: "feed/a.md")])
        _ = reduce(&state, .articleDeleted(relativePath: "feed/a.md", failure: nil))
        #expect(titles(state) == ["Loose", "Beta"])
        #expect(state.message?.text.contains("trash") == true)
    }

    @Test func failedDeleteKeepsTheArticleAndSaysWhy() {
        var state = state()
        _ = reduce(&state, .articleDeleted(relativePath: "feed/a.md", failure: "permission denied"))
        #expect(titles(state).contains("Alpha"))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("permission denied") == true)
    }

    @Test func filterWorksWithinTheView() {
        var state = state()
        state.library.filter = "a"
        #expect(titles(state) == ["Alpha", "Beta"])
        _ = Fixtures.press([.char("4")], on: &state)
        #expect(titles(state) == ["Gamma"])
    }

    func open(_ path: String, in state: inout AppState) {
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: path, article: Fixtures.article)))
    }

    @Test func readerNextAndPreviousFollowTheViewOrder() {
        var state = state()
        select("Loose", in: &state)
        open("loose.md", in: &state)
        let next = Fixtures.press([.char("J")], on: &state)
        #expect(next.contains(.openArticle(relativePath: "feed/a.md")))
        open("feed/a.md", in: &state)
        #expect(state.library.selectedItem?.title == "Alpha")
        #expect(Fixtures.press([.char("J")], on: &state).contains(.openArticle(relativePath: "feed/b.md")))
        open("feed/b.md", in: &state)
        // Gamma is archived: the Inbox ends at Beta.
        let end = Fixtures.press([.char("J")], on: &state)
        #expect(!end.contains { if case .openArticle = $0 { true } else { false } })
        #expect(state.message?.text == "no next article in Inbox")
        #expect(Fixtures.press([.char("K")], on: &state).contains(.openArticle(relativePath: "feed/a.md")))
    }

    @Test func openingMarksReadInTheLibrary() {
        var state = state()
        open("feed/a.md", in: &state)
        #expect(state.library.items.first { $0.relativePath == "feed/a.md" }?.isUnread == false)
    }

    @Test func readerStarsAndArchiveOpensTheNext() {
        var state = state()
        select("Alpha", in: &state)
        open("feed/a.md", in: &state)
        #expect(marks(Fixtures.press([.char("s")], on: &state)) == [.markArticles(paths: ["feed/a.md"], change: .star)])
        let effects = Fixtures.press([.char("e")], on: &state)
        #expect(marks(effects) == [.markArticles(paths: ["feed/a.md"], change: .archive)])
        #expect(effects.contains(.openArticle(relativePath: "feed/b.md")))
        open("feed/b.md", in: &state)
        // At the end of the view, archiving returns to the library.
        let last = Fixtures.press([.char("e")], on: &state)
        #expect(marks(last) == [.markArticles(paths: ["feed/b.md"], change: .archive)])
        #expect(state.screen == .library)
        #expect(titles(state) == ["Loose"])
    }

    @Test func readerNStaysPreviousMatch() {
        var state = state()
        open("feed/a.md", in: &state)
        #expect(state.keymap.action(for: .char("N"), in: .reader) == .searchPrevious)
        #expect(state.keymap.action(for: .char("N"), in: .library) == .toggleRead)
    }

    @Test func helpListsTheTriageKeys() {
        var state = state()
        _ = Fixtures.press([.char("?")], on: &state)
        let text = ScreenRenderer.render(state).buffer.lines.joined(separator: "\n")
        #expect(text.contains("star / unstar"))
        #expect(text.contains("mark read / unread"))
    }

    @Test func markFailureSaysSo() {
        var state = state()
        _ = reduce(&state, .markFailed("disk full"))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("disk full") == true)
    }
}
